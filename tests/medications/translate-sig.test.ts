// The sig translator: prescription directions as a community pharmacy's dispensing system prints them
// (codes, spelled out, mixed case, run together, with typos of spacing) and the plain English and Spanish
// the patient reads. Each row is checked exactly; then properties over the whole table: no raw code left,
// complete sentences capitalized and closed, unknown words always visible, flags only from the cited lists.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { newPharmacy } from '../helpers/temp-pharmacy';
import { translateSig } from '../../main/medications/sig/translate-sig';
import codes from '../../resources/medications/sig-codes.json';

interface Case {
  sig: string;
  /** The product's dose form, for bare counts ("1 PO BID"). */
  unitHint?: string;
  en: string;
  es: string;
  /** Default true. */
  complete?: boolean;
  /** The abbreviations the flags name ("QD", "HS/qhs", "U"); default none. */
  flags?: string[];
  /** Default none. */
  unknown?: string[];
}

const CASES: Case[] = [
  // By mouth: tablets, capsules, times of day, meals, ranges, halves, limits
  {
    sig: '1 PO BID',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '1 PO QD',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: '1 PO DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: '1 PO TID',
    en: 'Take 1 tablet by mouth three times a day.',
    es: 'Tome 1 tableta por la boca tres veces al día.',
  },
  {
    sig: '1 PO QID',
    en: 'Take 1 tablet by mouth four times a day.',
    es: 'Tome 1 tableta por la boca cuatro veces al día.',
  },
  {
    sig: '1 PO QHS',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: '1 PO QAM',
    en: 'Take 1 tablet by mouth every morning.',
    es: 'Tome 1 tableta por la boca cada mañana.',
  },
  {
    sig: '1 PO QPM',
    en: 'Take 1 tablet by mouth every evening.',
    es: 'Tome 1 tableta por la boca cada noche.',
  },
  {
    sig: '2 PO BID',
    en: 'Take 2 tablets by mouth twice a day.',
    es: 'Tome 2 tabletas por la boca dos veces al día.',
  },
  {
    sig: '1PO BID',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '1 po bid',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '1 Tab Po Bid',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '1 TAB PO QD',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: '1 TAB PO DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: '1/2 TAB PO QD',
    en: 'Take half a tablet by mouth once a day.',
    es: 'Tome media tableta por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: '1/2 TAB PO BID',
    en: 'Take half a tablet by mouth twice a day.',
    es: 'Tome media tableta por la boca dos veces al día.',
  },
  {
    sig: '1 1/2 TABS PO QD',
    en: 'Take 1 and a half tablets by mouth once a day.',
    es: 'Tome 1 tableta y media por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: '1 TAB PO Q12H X 10 DAYS',
    en: 'Take 1 tablet by mouth every 12 hours for 10 days.',
    es: 'Tome 1 tableta por la boca cada 12 horas durante 10 días.',
  },
  {
    sig: '1 CAP PO TID X 7 DAYS',
    en: 'Take 1 capsule by mouth three times a day for 7 days.',
    es: 'Tome 1 cápsula por la boca tres veces al día durante 7 días.',
  },
  {
    sig: '1 CAP PO QID X 10D',
    en: 'Take 1 capsule by mouth four times a day for 10 days.',
    es: 'Tome 1 cápsula por la boca cuatro veces al día durante 10 días.',
  },
  {
    sig: '1 CAP PO BID X 14 DAYS',
    en: 'Take 1 capsule by mouth twice a day for 14 days.',
    es: 'Tome 1 cápsula por la boca dos veces al día durante 14 días.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ONCE DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TWICE DAILY',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TWICE A DAY',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH THREE TIMES DAILY',
    en: 'Take 1 tablet by mouth three times a day.',
    es: 'Tome 1 tableta por la boca tres veces al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY MORNING',
    en: 'Take 1 tablet by mouth every morning.',
    es: 'Tome 1 tableta por la boca cada mañana.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY EVENING',
    en: 'Take 1 tablet by mouth every evening.',
    es: 'Tome 1 tableta por la boca cada noche.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH AT BEDTIME',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY NIGHT AT BEDTIME',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY AT BEDTIME',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 8 HOURS',
    en: 'Take 1 tablet by mouth every 8 hours.',
    es: 'Tome 1 tableta por la boca cada 8 horas.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 12 HOURS',
    en: 'Take 1 tablet by mouth every 12 hours.',
    es: 'Tome 1 tableta por la boca cada 12 horas.',
  },
  {
    sig: 'TAKE 2 TABLETS BY MOUTH DAILY',
    en: 'Take 2 tablets by mouth once a day.',
    es: 'Tome 2 tabletas por la boca una vez al día.',
  },
  {
    sig: 'TAKE 2 TABLETS BY MOUTH TWICE DAILY',
    en: 'Take 2 tablets by mouth twice a day.',
    es: 'Tome 2 tabletas por la boca dos veces al día.',
  },
  {
    sig: 'TAKE ONE TABLET BY MOUTH DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE TWO TABLETS BY MOUTH AT BEDTIME',
    en: 'Take 2 tablets by mouth at bedtime.',
    es: 'Tome 2 tabletas por la boca al acostarse.',
  },
  {
    sig: 'TAKE 1 CAPSULE BY MOUTH DAILY',
    en: 'Take 1 capsule by mouth once a day.',
    es: 'Tome 1 cápsula por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1 CAPSULE BY MOUTH DAILY WITH FOOD',
    en: 'Take 1 capsule by mouth once a day with food.',
    es: 'Tome 1 cápsula por la boca una vez al día con comida.',
  },
  {
    sig: 'TAKE 1 CAPSULE BY MOUTH TWICE DAILY WITH FOOD',
    en: 'Take 1 capsule by mouth twice a day with food.',
    es: 'Tome 1 cápsula por la boca dos veces al día con comida.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY WITH FOOD',
    en: 'Take 1 tablet by mouth once a day with food.',
    es: 'Tome 1 tableta por la boca una vez al día con comida.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY ON AN EMPTY STOMACH',
    en: 'Take 1 tablet by mouth once a day on an empty stomach.',
    es: 'Tome 1 tableta por la boca una vez al día con el estómago vacío.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY MORNING ON AN EMPTY STOMACH',
    en: 'Take 1 tablet by mouth every morning on an empty stomach.',
    es: 'Tome 1 tableta por la boca cada mañana con el estómago vacío.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY MORNING 30 MINUTES BEFORE BREAKFAST',
    en: 'Take 1 tablet by mouth every morning 30 minutes before breakfast.',
    es: 'Tome 1 tableta por la boca cada mañana 30 minutos antes del desayuno.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ONCE A WEEK WITH A FULL GLASS OF WATER',
    en: 'Take 1 tablet by mouth once a week with a full glass of water.',
    es: 'Tome 1 tableta por la boca una vez a la semana con un vaso lleno de agua.',
  },
  {
    sig:
      'TAKE 1 TABLET BY MOUTH ONCE A WEEK 30 MINUTES BEFORE BREAKFAST WITH A FULL GLASS OF WATER. ' +
      'REMAIN UPRIGHT FOR 30 MINUTES',
    en:
      'Take 1 tablet by mouth once a week 30 minutes before breakfast with a full glass of water and ' +
      'stay upright for 30 minutes.',
    es:
      'Tome 1 tableta por la boca una vez a la semana 30 minutos antes del desayuno con un vaso lleno ' +
      'de agua y quédese sentado o de pie durante 30 minutos.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH WEEKLY',
    en: 'Take 1 tablet by mouth once a week.',
    es: 'Tome 1 tableta por la boca una vez a la semana.',
  },
  {
    sig: '1 PO QWK',
    en: 'Take 1 tablet by mouth once a week.',
    es: 'Tome 1 tableta por la boca una vez a la semana.',
  },
  {
    sig: '1 PO Q WEEK',
    en: 'Take 1 tablet by mouth once a week.',
    es: 'Tome 1 tableta por la boca una vez a la semana.',
  },
  {
    sig: 'TAKE 4 TABLETS BY MOUTH ONCE A WEEK ON MONDAY',
    en: 'Take 4 tablets by mouth once a week on Mondays.',
    es: 'Tome 4 tabletas por la boca una vez a la semana los lunes.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY OTHER DAY',
    en: 'Take 1 tablet by mouth every other day.',
    es: 'Tome 1 tableta por la boca un día sí y otro no.',
  },
  {
    sig: '1 PO QOD',
    en: 'Take 1 tablet by mouth every other day.',
    es: 'Tome 1 tableta por la boca un día sí y otro no.',
    flags: ['QOD'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY FOR BLOOD PRESSURE',
    en: 'Take 1 tablet by mouth once a day for blood pressure.',
    es: 'Tome 1 tableta por la boca una vez al día para la presión arterial.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY FOR CHOLESTEROL',
    en: 'Take 1 tablet by mouth once a day for cholesterol.',
    es: 'Tome 1 tableta por la boca una vez al día para el colesterol.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TWICE DAILY WITH MEALS',
    en: 'Take 1 tablet by mouth twice a day with meals.',
    es: 'Tome 1 tableta por la boca dos veces al día con las comidas.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TWICE DAILY WITH BREAKFAST AND SUPPER',
    en: 'Take 1 tablet by mouth with breakfast and supper.',
    es: 'Tome 1 tableta por la boca con el desayuno y la cena.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH THREE TIMES DAILY WITH MEALS',
    en: 'Take 1 tablet by mouth with each meal.',
    es: 'Tome 1 tableta por la boca con cada comida.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH BEFORE BREAKFAST',
    en: 'Take 1 tablet by mouth before breakfast.',
    es: 'Tome 1 tableta por la boca antes del desayuno.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH WITH BREAKFAST',
    en: 'Take 1 tablet by mouth with breakfast.',
    es: 'Tome 1 tableta por la boca con el desayuno.',
  },
  {
    sig: '1 PO AC',
    en: 'Take 1 tablet by mouth before each meal.',
    es: 'Tome 1 tableta por la boca antes de cada comida.',
  },
  {
    sig: '1 PO AC HS',
    en: 'Take 1 tablet by mouth before each meal and at bedtime.',
    es: 'Tome 1 tableta por la boca antes de cada comida y al acostarse.',
  },
  {
    sig: '1 PO PC',
    en: 'Take 1 tablet by mouth after each meal.',
    es: 'Tome 1 tableta por la boca después de cada comida.',
  },
  {
    sig: 'TAKE 500 MG BY MOUTH TWICE DAILY',
    en: 'Take 500 mg by mouth twice a day.',
    es: 'Tome 500 mg por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1000 MG BY MOUTH DAILY',
    en: 'Take 1000 mg by mouth once a day.',
    es: 'Tome 1000 mg por la boca una vez al día.',
  },
  {
    sig: 'TAKE 81 MG BY MOUTH DAILY',
    en: 'Take 81 mg by mouth once a day.',
    es: 'Tome 81 mg por la boca una vez al día.',
  },
  {
    sig: '1-2 PO Q4-6H PRN PAIN',
    en: 'Take 1 to 2 tablets by mouth every 4 to 6 hours if needed for pain.',
    es: 'Tome de 1 a 2 tabletas por la boca cada 4 a 6 horas si es necesario para el dolor.',
  },
  {
    sig: '1-2 TABS PO Q4-6H PRN PAIN',
    en: 'Take 1 to 2 tablets by mouth every 4 to 6 hours if needed for pain.',
    es: 'Tome de 1 a 2 tabletas por la boca cada 4 a 6 horas si es necesario para el dolor.',
  },
  {
    sig: 'TAKE 1-2 TABLETS BY MOUTH EVERY 4-6 HOURS AS NEEDED FOR PAIN',
    en: 'Take 1 to 2 tablets by mouth every 4 to 6 hours if needed for pain.',
    es: 'Tome de 1 a 2 tabletas por la boca cada 4 a 6 horas si es necesario para el dolor.',
  },
  {
    sig: 'TAKE 1 TO 2 TABLETS BY MOUTH EVERY 4 TO 6 HOURS AS NEEDED FOR PAIN',
    en: 'Take 1 to 2 tablets by mouth every 4 to 6 hours if needed for pain.',
    es: 'Tome de 1 a 2 tabletas por la boca cada 4 a 6 horas si es necesario para el dolor.',
  },
  {
    sig: 'TAKE 1 OR 2 TABLETS BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN',
    en: 'Take 1 to 2 tablets by mouth every 6 hours if needed for pain.',
    es: 'Tome de 1 a 2 tabletas por la boca cada 6 horas si es necesario para el dolor.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN',
    en: 'Take 1 tablet by mouth every 6 hours if needed for pain.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario para el dolor.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 8 HOURS AS NEEDED FOR NAUSEA',
    en: 'Take 1 tablet by mouth every 8 hours if needed for nausea or vomiting.',
    es: 'Tome 1 tableta por la boca cada 8 horas si es necesario para las náuseas o los vómitos.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 6 HOURS AS NEEDED FOR NAUSEA OR VOMITING',
    en: 'Take 1 tablet by mouth every 6 hours if needed for nausea or vomiting.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario para las náuseas o los vómitos.',
  },
  {
    sig: '1 PO Q6H PRN N/V',
    en: 'Take 1 tablet by mouth every 6 hours if needed for nausea or vomiting.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario para las náuseas o los vómitos.',
  },
  {
    sig: '1 PO Q8H PRN NAUSEA',
    en: 'Take 1 tablet by mouth every 8 hours if needed for nausea or vomiting.',
    es: 'Tome 1 tableta por la boca cada 8 horas si es necesario para las náuseas o los vómitos.',
  },
  {
    sig: '1 PO TID PRN ANXIETY',
    en: 'Take 1 tablet by mouth three times a day if needed for anxiety.',
    es: 'Tome 1 tableta por la boca tres veces al día si es necesario para la ansiedad.',
  },
  {
    sig: '1 PO BID PRN ANXIETY',
    en: 'Take 1 tablet by mouth twice a day if needed for anxiety.',
    es: 'Tome 1 tableta por la boca dos veces al día si es necesario para la ansiedad.',
  },
  {
    sig: '1 PO QHS PRN SLEEP',
    en: 'Take 1 tablet by mouth at bedtime if needed for sleep.',
    es: 'Tome 1 tableta por la boca al acostarse si es necesario para dormir.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH AT BEDTIME AS NEEDED FOR SLEEP',
    en: 'Take 1 tablet by mouth at bedtime if needed for sleep.',
    es: 'Tome 1 tableta por la boca al acostarse si es necesario para dormir.',
  },
  {
    sig: '1 PO QHS PRN INSOMNIA',
    en: 'Take 1 tablet by mouth at bedtime if needed for sleep.',
    es: 'Tome 1 tableta por la boca al acostarse si es necesario para dormir.',
    flags: ['HS/qhs'],
  },
  {
    sig: '1 PO TID PRN MUSCLE SPASMS',
    en: 'Take 1 tablet by mouth three times a day if needed for muscle spasms.',
    es: 'Tome 1 tableta por la boca tres veces al día si es necesario para los espasmos musculares.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH THREE TIMES DAILY AS NEEDED FOR MUSCLE SPASMS',
    en: 'Take 1 tablet by mouth three times a day if needed for muscle spasms.',
    es: 'Tome 1 tableta por la boca tres veces al día si es necesario para los espasmos musculares.',
  },
  {
    sig: '1 PO Q4H PRN PAIN MAX 6/DAY',
    en: 'Take 1 tablet by mouth every 4 hours if needed for pain. Do not take more than 6 tablets a day.',
    es: 'Tome 1 tableta por la boca cada 4 horas si es necesario para el dolor. No tome más de 6 tabletas ' + 'al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 4 HOURS AS NEEDED FOR PAIN. DO NOT EXCEED 6 TABLETS PER DAY',
    en: 'Take 1 tablet by mouth every 4 hours if needed for pain. Do not take more than 6 tablets a day.',
    es: 'Tome 1 tableta por la boca cada 4 horas si es necesario para el dolor. No tome más de 6 tabletas ' + 'al día.',
  },
  {
    sig: 'TAKE 2 TABLETS BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN. MAX 8 TABLETS PER DAY',
    en: 'Take 2 tablets by mouth every 6 hours if needed for pain. Do not take more than 8 tablets a day.',
    es:
      'Tome 2 tabletas por la boca cada 6 horas si es necesario para el dolor. No tome más de 8 ' + 'tabletas al día.',
  },
  {
    sig: '1 PO Q6H PRN FEVER',
    en: 'Take 1 tablet by mouth every 6 hours if needed for fever.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario para la fiebre.',
  },
  {
    sig: '1 PO DAILY PRN ALLERGIES',
    en: 'Take 1 tablet by mouth once a day if needed for allergies.',
    es: 'Tome 1 tableta por la boca una vez al día si es necesario para las alergias.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY AS NEEDED FOR ALLERGIES',
    en: 'Take 1 tablet by mouth once a day if needed for allergies.',
    es: 'Tome 1 tableta por la boca una vez al día si es necesario para las alergias.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY AS NEEDED FOR SWELLING',
    en: 'Take 1 tablet by mouth once a day if needed for swelling.',
    es: 'Tome 1 tableta por la boca una vez al día si es necesario para la hinchazón.',
  },
  {
    sig: '1 PO QD PRN EDEMA',
    en: 'Take 1 tablet by mouth once a day if needed for swelling.',
    es: 'Tome 1 tableta por la boca una vez al día si es necesario para la hinchazón.',
    flags: ['QD'],
  },
  {
    sig: '1 PO BID PRN CONSTIPATION',
    en: 'Take 1 tablet by mouth twice a day if needed for constipation.',
    es: 'Tome 1 tableta por la boca dos veces al día si es necesario para el estreñimiento.',
  },
  {
    sig: '1 PO PRN HEADACHE',
    en: 'Take 1 tablet by mouth if needed for headache.',
    es: 'Tome 1 tableta por la boca si es necesario para el dolor de cabeza.',
  },
  {
    sig: '1 PO Q2H PRN MIGRAINE MAX 2/DAY',
    en: 'Take 1 tablet by mouth every 2 hours if needed for migraine. Do not take more than 2 tablets a ' + 'day.',
    es:
      'Tome 1 tableta por la boca cada 2 horas si es necesario para la migraña. No tome más de 2 ' + 'tabletas al día.',
  },
  {
    sig: '1 PO PRN DIARRHEA',
    en: 'Take 1 tablet by mouth if needed for diarrhea.',
    es: 'Tome 1 tableta por la boca si es necesario para la diarrea.',
  },
  {
    sig: 'CHEW 1 TABLET BY MOUTH DAILY',
    en: 'Chew 1 tablet by mouth once a day.',
    es: 'Mastique 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'CHEW 2 TABLETS BY MOUTH AS NEEDED FOR HEARTBURN',
    en: 'Chew 2 tablets by mouth if needed for heartburn.',
    es: 'Mastique 2 tabletas por la boca si es necesario para la acidez.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY. SWALLOW WHOLE',
    en: 'Take 1 tablet by mouth once a day. Swallow it whole; do not crush or chew.',
    es: 'Tome 1 tableta por la boca una vez al día. Tráguela entera; no la triture ni la mastique.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY. DO NOT CRUSH OR CHEW',
    en: 'Take 1 tablet by mouth once a day. Swallow it whole; do not crush or chew.',
    es: 'Tome 1 tableta por la boca una vez al día. Tráguela entera; no la triture ni la mastique.',
  },
  {
    sig: 'TAKE 1 CAPSULE BY MOUTH DAILY. SWALLOW WHOLE, DO NOT CRUSH OR CHEW',
    en: 'Take 1 capsule by mouth once a day. Swallow it whole; do not crush or chew.',
    es: 'Tome 1 cápsula por la boca una vez al día. Tráguela entera; no la triture ni la mastique.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY AS DIRECTED',
    en: 'Take 1 tablet by mouth once a day as your doctor told you.',
    es: 'Tome 1 tableta por la boca una vez al día como le indicó su médico.',
    flags: ['As'],
  },
  {
    sig: 'QHS',
    en: 'Take at bedtime.',
    es: 'Tome al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'BID',
    en: 'Take twice a day.',
    es: 'Tome dos veces al día.',
  },
  {
    sig: 'DAILY',
    en: 'Take once a day.',
    es: 'Tome una vez al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH Q.D.',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: '1 TAB P.O. B.I.D.',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '1 TAB PO T.I.D.',
    en: 'Take 1 tablet by mouth three times a day.',
    es: 'Tome 1 tableta por la boca tres veces al día.',
  },
  {
    sig: '1 TAB PO BID.',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: 'Take 1 tablet by mouth daily.',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'take 1 tablet by mouth at bedtime',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
  },
  {
    sig: 'Take 1 Tablet By Mouth Every 6 Hours As Needed For Pain',
    en: 'Take 1 tablet by mouth every 6 hours if needed for pain.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario para el dolor.',
  },
  {
    sig: 'TAKE 1 TAB BY MOUTH DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'TK 1 T PO QD',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: 'T 1 TAB PO BID',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1 TABLET(S) BY MOUTH DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1 CAPSULE(S) BY MOUTH TWICE DAILY',
    en: 'Take 1 capsule by mouth twice a day.',
    es: 'Tome 1 cápsula por la boca dos veces al día.',
  },
  {
    sig: '1TAB PO BID',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '2TABS PO QHS',
    en: 'Take 2 tablets by mouth at bedtime.',
    es: 'Tome 2 tabletas por la boca al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'TAKE 0.5 TABLET BY MOUTH DAILY',
    en: 'Take half a tablet by mouth once a day.',
    es: 'Tome media tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1/2 TABLET BY MOUTH TWICE DAILY',
    en: 'Take half a tablet by mouth twice a day.',
    es: 'Tome media tableta por la boca dos veces al día.',
  },
  {
    sig: 'TAKE ONE HALF TABLET BY MOUTH DAILY',
    en: 'Take half a tablet by mouth once a day.',
    es: 'Tome media tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1.5 TABLETS BY MOUTH DAILY',
    en: 'Take 1 and a half tablets by mouth once a day.',
    es: 'Tome 1 tableta y media por la boca una vez al día.',
  },
  {
    sig: 'TAKE 1 1/2 TABLETS BY MOUTH AT BEDTIME',
    en: 'Take 1 and a half tablets by mouth at bedtime.',
    es: 'Tome 1 tableta y media por la boca al acostarse.',
  },
  {
    sig: 'TAKE 1.0 TABLET BY MOUTH DAILY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
    flags: ['1.0'],
  },
  {
    sig: 'TAKE .5 TABLET BY MOUTH DAILY',
    en: 'Take half a tablet by mouth once a day.',
    es: 'Tome media tableta por la boca una vez al día.',
    flags: ['.5'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TIW',
    en: 'Take 1 tablet by mouth three times a week.',
    es: 'Tome 1 tableta por la boca tres veces a la semana.',
    flags: ['TIW'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH THREE TIMES A WEEK',
    en: 'Take 1 tablet by mouth three times a week.',
    es: 'Tome 1 tableta por la boca tres veces a la semana.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TWICE A WEEK',
    en: 'Take 1 tablet by mouth twice a week.',
    es: 'Tome 1 tableta por la boca dos veces a la semana.',
  },
  {
    sig: '1 PO Q1D',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
    flags: ['q1d'],
  },
  {
    sig: '1 PO QN',
    en: 'Take 1 tablet by mouth every night.',
    es: 'Tome 1 tableta por la boca cada noche.',
    flags: ['qn'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH MONTHLY',
    en: 'Take 1 tablet by mouth once a month.',
    es: 'Tome 1 tableta por la boca una vez al mes.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ONCE A MONTH 30 MINUTES BEFORE BREAKFAST',
    en: 'Take 1 tablet by mouth once a month 30 minutes before breakfast.',
    es: 'Tome 1 tableta por la boca una vez al mes 30 minutos antes del desayuno.',
  },
  {
    sig: '1 PO QAM AND QHS',
    en: 'Take 1 tablet by mouth every morning and at bedtime.',
    es: 'Tome 1 tableta por la boca cada mañana y al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY MORNING AND AT BEDTIME',
    en: 'Take 1 tablet by mouth every morning and at bedtime.',
    es: 'Tome 1 tableta por la boca cada mañana y al acostarse.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY WITH SUPPER',
    en: 'Take 1 tablet by mouth with supper.',
    es: 'Tome 1 tableta por la boca con la cena.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH WITH LUNCH',
    en: 'Take 1 tablet by mouth with lunch.',
    es: 'Tome 1 tableta por la boca con el almuerzo.',
  },
  {
    sig: 'TAKE 1 CAPSULE BY MOUTH DAILY 30 MINUTES BEFORE BREAKFAST',
    en: 'Take 1 capsule by mouth once a day 30 minutes before breakfast.',
    es: 'Tome 1 cápsula por la boca una vez al día 30 minutos antes del desayuno.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY FOR DIABETES',
    en: 'Take 1 tablet by mouth once a day for diabetes.',
    es: 'Tome 1 tableta por la boca una vez al día para la diabetes.',
  },
  {
    sig: 'TAKE 1-2 TABLETS BY MOUTH EVERY 6 HOURS AS NEEDED FOR MODERATE TO SEVERE PAIN',
    en: 'Take 1 to 2 tablets by mouth every 6 hours if needed for moderate to severe pain.',
    es: 'Tome de 1 a 2 tabletas por la boca cada 6 horas si es necesario para el dolor moderado a fuerte.',
  },
  {
    sig: 'TAKE 2 TABLETS BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN OR FEVER',
    en: 'Take 2 tablets by mouth every 6 hours if needed for pain or fever.',
    es: 'Tome 2 tabletas por la boca cada 6 horas si es necesario para el dolor o la fiebre.',
  },
  {
    sig: 'CHEW 4 TABLETS BY MOUTH AS NEEDED FOR LOW BLOOD SUGAR',
    en: 'Chew 4 tablets by mouth if needed for low blood sugar.',
    es: 'Mastique 4 tabletas por la boca si es necesario para el azúcar bajo en la sangre.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 4 HOURS WHILE AWAKE',
    en: 'Take 1 tablet by mouth every 4 hours while awake.',
    es: 'Tome 1 tableta por la boca cada 4 horas mientras esté despierto.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY MONDAY',
    en: 'Take 1 tablet by mouth every Monday.',
    es: 'Tome 1 tableta por la boca cada lunes.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH QHS DAILY',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ONCE DAILY IN THE MORNING',
    en: 'Take 1 tablet by mouth every morning.',
    es: 'Tome 1 tableta por la boca cada mañana.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY MORNING WITH BREAKFAST',
    en: 'Take 1 tablet by mouth with breakfast.',
    es: 'Tome 1 tableta por la boca con el desayuno.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 12 HOURS WITH FOOD',
    en: 'Take 1 tablet by mouth every 12 hours with food.',
    es: 'Tome 1 tableta por la boca cada 12 horas con comida.',
  },
  {
    sig: 'TAKE 1 TAB BY MOUTH Q8H PRN MAX 3 TABS/DAY',
    en: 'Take 1 tablet by mouth every 8 hours if needed. Do not take more than 3 tablets a day.',
    es: 'Tome 1 tableta por la boca cada 8 horas si es necesario. No tome más de 3 tabletas al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH TID AC',
    en: 'Take 1 tablet by mouth before each meal.',
    es: 'Tome 1 tableta por la boca antes de cada comida.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH BID AC',
    en: 'Take 1 tablet by mouth twice a day before meals.',
    es: 'Tome 1 tableta por la boca dos veces al día antes de las comidas.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY DAY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'SIG: 1 PO BID',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: '1 TAB PO Q6H PRN',
    en: 'Take 1 tablet by mouth every 6 hours if needed.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario.',
  },
  {
    sig: 'TAKE 1/2-1 TABLET BY MOUTH DAILY',
    en: 'Take half a tablet to 1 tablet by mouth once a day.',
    es: 'Tome de media tableta a 1 tableta por la boca una vez al día.',
  },
  {
    sig: 'TAKE 2.5 TABLETS BY MOUTH DAILY',
    en: 'Take 2 and a half tablets by mouth once a day.',
    es: 'Tome 2 tabletas y media por la boca una vez al día.',
  },
  {
    sig: '1 TAB PO  BID',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ONCE',
    en: 'Take 1 tablet by mouth one time only.',
    es: 'Tome 1 tableta por la boca una sola vez.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN. MAX 4 DOSES PER DAY',
    en: 'Take 1 tablet by mouth every 6 hours if needed for pain. Do not take more than 4 doses a day.',
    es: 'Tome 1 tableta por la boca cada 6 horas si es necesario para el dolor. No tome más de 4 dosis al ' + 'día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ONCE A WEEK ON SUNDAY',
    en: 'Take 1 tablet by mouth once a week on Sundays.',
    es: 'Tome 1 tableta por la boca una vez a la semana los domingos.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 3 DAYS',
    en: 'Take 1 tablet by mouth every 3 days.',
    es: 'Tome 1 tableta por la boca cada 3 días.',
  },
  {
    sig: 'TAKE 2 CAPSULES BY MOUTH AT BEDTIME FOR 30 DAYS',
    en: 'Take 2 capsules by mouth at bedtime for 30 days.',
    es: 'Tome 2 cápsulas por la boca al acostarse durante 30 días.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY FOR THYROID ON AN EMPTY STOMACH',
    en: 'Take 1 tablet by mouth once a day for the thyroid on an empty stomach.',
    es: 'Tome 1 tableta por la boca una vez al día para la tiroides con el estómago vacío.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH EVERY 4 TO 6 HOURS AS NEEDED FOR BACK PAIN',
    en: 'Take 1 tablet by mouth every 4 to 6 hours if needed for back pain.',
    es: 'Tome 1 tableta por la boca cada 4 a 6 horas si es necesario para el dolor de espalda.',
  },
  {
    sig: '1 CAP PO QHS PRN SLEEP X 30 DAYS',
    en: 'Take 1 capsule by mouth at bedtime if needed for sleep for 30 days.',
    es: 'Tome 1 cápsula por la boca al acostarse si es necesario para dormir durante 30 días.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH 2 TIMES A DAY',
    en: 'Take 1 tablet by mouth twice a day.',
    es: 'Tome 1 tableta por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH 1 TIME A DAY',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  {
    sig: '1 TAB PO Q 8 H',
    en: 'Take 1 tablet by mouth every 8 hours.',
    es: 'Tome 1 tableta por la boca cada 8 horas.',
  },
  {
    sig: '1 TAB PO Q4HRS PRN',
    en: 'Take 1 tablet by mouth every 4 hours if needed.',
    es: 'Tome 1 tableta por la boca cada 4 horas si es necesario.',
  },
  {
    sig: '1 TAB PO BT',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
    flags: ['BT'],
  },
  // Under the tongue
  {
    sig: '1 SL Q5MIN PRN CP MAX 3',
    en: 'Put 1 tablet under the tongue every 5 minutes if needed for chest pain. Do not take more than 3 ' + 'tablets.',
    es:
      'Ponga 1 tableta debajo de la lengua cada 5 minutos si es necesario para el dolor de pecho. No ' +
      'tome más de 3 tabletas.',
  },
  {
    sig: 'PLACE 1 TABLET UNDER THE TONGUE EVERY 5 MINUTES AS NEEDED FOR CHEST PAIN. MAX 3 DOSES',
    en: 'Place 1 tablet under the tongue every 5 minutes if needed for chest pain. Do not take more than ' + '3 doses.',
    es:
      'Ponga 1 tableta debajo de la lengua cada 5 minutos si es necesario para el dolor de pecho. No ' +
      'tome más de 3 dosis.',
  },
  {
    sig: 'DISSOLVE 1 TABLET UNDER THE TONGUE EVERY 8 HOURS AS NEEDED FOR NAUSEA',
    en: 'Dissolve 1 tablet under the tongue every 8 hours if needed for nausea or vomiting.',
    es: 'Disuelva 1 tableta debajo de la lengua cada 8 horas si es necesario para las náuseas o los ' + 'vómitos.',
  },
  {
    sig: '1 SL Q8H PRN N/V',
    en: 'Put 1 tablet under the tongue every 8 hours if needed for nausea or vomiting.',
    es: 'Ponga 1 tableta debajo de la lengua cada 8 horas si es necesario para las náuseas o los vómitos.',
  },
  {
    sig: 'PLACE 1 FILM UNDER THE TONGUE DAILY',
    en: 'Place 1 film under the tongue once a day.',
    es: 'Ponga 1 película debajo de la lengua una vez al día.',
  },
  {
    sig: '1 TAB SL QAM',
    en: 'Put 1 tablet under the tongue every morning.',
    es: 'Ponga 1 tableta debajo de la lengua cada mañana.',
  },
  // Liquids, powders and mouth rinses
  {
    sig: '5 ML PO TID',
    en: 'Take 5 mL by mouth three times a day.',
    es: 'Tome 5 mL por la boca tres veces al día.',
  },
  {
    sig: '5 ML PO BID X 10 DAYS',
    en: 'Take 5 mL by mouth twice a day for 10 days.',
    es: 'Tome 5 mL por la boca dos veces al día durante 10 días.',
  },
  {
    sig: 'TAKE 5 ML BY MOUTH EVERY 6 HOURS AS NEEDED FOR COUGH',
    en: 'Take 5 mL by mouth every 6 hours if needed for cough.',
    es: 'Tome 5 mL por la boca cada 6 horas si es necesario para la tos.',
  },
  {
    sig: 'TAKE 10 ML BY MOUTH TWICE DAILY',
    en: 'Take 10 mL by mouth twice a day.',
    es: 'Tome 10 mL por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 2.5 ML BY MOUTH TWICE DAILY',
    en: 'Take 2.5 mL by mouth twice a day.',
    es: 'Tome 2.5 mL por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1 TEASPOONFUL BY MOUTH EVERY 4 HOURS AS NEEDED FOR COUGH',
    en: 'Take 1 teaspoon (5 mL) by mouth every 4 hours if needed for cough.',
    es: 'Tome 1 cucharadita (5 mL) por la boca cada 4 horas si es necesario para la tos.',
    flags: ['household'],
  },
  {
    sig: '1 TSP PO TID',
    en: 'Take 1 teaspoon (5 mL) by mouth three times a day.',
    es: 'Tome 1 cucharadita (5 mL) por la boca tres veces al día.',
    flags: ['household'],
  },
  {
    sig: '2 TSP PO Q6H PRN COUGH',
    en: 'Take 2 teaspoons (5 mL each) by mouth every 6 hours if needed for cough.',
    es: 'Tome 2 cucharaditas (5 mL cada una) por la boca cada 6 horas si es necesario para la tos.',
    flags: ['household'],
  },
  {
    sig: '1 TBSP PO QHS',
    en: 'Take 1 tablespoon (15 mL) by mouth at bedtime.',
    es: 'Tome 1 cucharada (15 mL) por la boca al acostarse.',
    flags: ['household', 'HS/qhs'],
  },
  {
    sig: 'TAKE 15 ML BY MOUTH DAILY',
    en: 'Take 15 mL by mouth once a day.',
    es: 'Tome 15 mL por la boca una vez al día.',
  },
  {
    sig: 'TAKE 30 ML BY MOUTH DAILY AS NEEDED FOR CONSTIPATION',
    en: 'Take 30 mL by mouth once a day if needed for constipation.',
    es: 'Tome 30 mL por la boca una vez al día si es necesario para el estreñimiento.',
  },
  {
    sig: '5 CC PO BID',
    en: 'Take 5 mL by mouth twice a day.',
    es: 'Tome 5 mL por la boca dos veces al día.',
    flags: ['cc'],
  },
  {
    sig: 'SWISH AND SWALLOW 5 ML FOUR TIMES DAILY',
    en: 'Swish and swallow 5 mL four times a day.',
    es: 'Haga buches y trague 5 mL cuatro veces al día.',
  },
  {
    sig: 'SWISH AND SPIT 15 ML TWICE DAILY',
    en: 'Swish and spit out 15 mL twice a day.',
    es: 'Haga buches y escupa 15 mL dos veces al día.',
  },
  {
    sig: 'RINSE WITH 15 ML TWICE DAILY',
    en: 'Rinse with 15 mL twice a day.',
    es: 'Enjuáguese con 15 mL dos veces al día.',
  },
  {
    sig: 'TAKE 17 GRAMS BY MOUTH DAILY',
    en: 'Take 17 grams by mouth once a day.',
    es: 'Tome 17 gramos por la boca una vez al día.',
  },
  {
    sig: 'DISSOLVE 17 GRAMS IN 8 OZ OF WATER DAILY',
    en: 'Dissolve 17 grams in 8 ounces of water once a day.',
    es: 'Disuelva 17 gramos en 8 onzas de agua una vez al día.',
  },
  {
    sig: 'TAKE 1 PACKET BY MOUTH DAILY',
    en: 'Take 1 packet by mouth once a day.',
    es: 'Tome 1 sobre por la boca una vez al día.',
  },
  {
    sig: 'DISSOLVE 1 TABLET IN WATER DAILY',
    en: 'Dissolve 1 tablet in water once a day.',
    es: 'Disuelva 1 tableta en agua una vez al día.',
  },
  {
    sig: 'DISSOLVE 1 LOZENGE IN MOUTH 5 TIMES A DAY',
    en: 'Dissolve 1 lozenge in the mouth five times a day.',
    es: 'Disuelva 1 pastilla en la boca cinco veces al día.',
  },
  {
    sig: 'SHAKE WELL. TAKE 5 ML BY MOUTH TWICE DAILY',
    en: 'Shake well first. Take 5 mL by mouth twice a day.',
    es: 'Agite bien antes de usar. Tome 5 mL por la boca dos veces al día.',
  },
  {
    sig: 'TAKE 1/2 TSP BY MOUTH TID',
    en: 'Take half a teaspoon (2.5 mL) by mouth three times a day.',
    es: 'Tome media cucharadita (2.5 mL) por la boca tres veces al día.',
    flags: ['household'],
  },
  {
    sig: 'TAKE 2 GRAMS BY MOUTH AS A SINGLE DOSE',
    en: 'Take 2 grams by mouth one time only.',
    es: 'Tome 2 gramos por la boca una sola vez.',
  },
  {
    sig: 'TAKE 5-10 ML BY MOUTH EVERY 4 HOURS AS NEEDED FOR COUGH',
    en: 'Take 5 to 10 mL by mouth every 4 hours if needed for cough.',
    es: 'Tome de 5 a 10 mL por la boca cada 4 horas si es necesario para la tos.',
  },
  {
    sig: 'DISSOLVE 1 TABLET ON TONGUE DAILY',
    en: 'Dissolve 1 tablet on the tongue once a day.',
    es: 'Disuelva 1 tableta sobre la lengua una vez al día.',
  },
  // Eye and ear drops
  {
    sig: '1 GTT OU BID',
    en: 'Put 1 drop in both eyes twice a day.',
    es: 'Ponga 1 gota en ambos ojos dos veces al día.',
  },
  {
    sig: '1 GTT OU QHS',
    en: 'Put 1 drop in both eyes at bedtime.',
    es: 'Ponga 1 gota en ambos ojos al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: '1 GTT OS QID',
    en: 'Put 1 drop in the left eye four times a day.',
    es: 'Ponga 1 gota en el ojo izquierdo cuatro veces al día.',
    flags: ['OS'],
  },
  {
    sig: '1 GTT OD TID',
    en: 'Put 1 drop in the right eye three times a day.',
    es: 'Ponga 1 gota en el ojo derecho tres veces al día.',
    flags: ['OD'],
  },
  {
    sig: '2 GTTS OU BID',
    en: 'Put 2 drops in both eyes twice a day.',
    es: 'Ponga 2 gotas en ambos ojos dos veces al día.',
  },
  {
    sig: 'INSTILL 2 GTTS IN EACH EYE QHS',
    en: 'Put 2 drops in both eyes at bedtime.',
    es: 'Ponga 2 gotas en ambos ojos al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'INSTILL 1 DROP IN EACH EYE TWICE DAILY',
    en: 'Put 1 drop in both eyes twice a day.',
    es: 'Ponga 1 gota en ambos ojos dos veces al día.',
  },
  {
    sig: 'INSTILL 1 DROP INTO BOTH EYES AT BEDTIME',
    en: 'Put 1 drop in both eyes at bedtime.',
    es: 'Ponga 1 gota en ambos ojos al acostarse.',
  },
  {
    sig: 'INSTILL 1 DROP IN RIGHT EYE FOUR TIMES DAILY',
    en: 'Put 1 drop in the right eye four times a day.',
    es: 'Ponga 1 gota en el ojo derecho cuatro veces al día.',
  },
  {
    sig: 'INSTILL 1 DROP IN THE LEFT EYE 3 TIMES A DAY',
    en: 'Put 1 drop in the left eye three times a day.',
    es: 'Ponga 1 gota en el ojo izquierdo tres veces al día.',
  },
  {
    sig: 'PLACE 1 DROP IN EACH EYE EVERY EVENING',
    en: 'Place 1 drop in both eyes every evening.',
    es: 'Ponga 1 gota en ambos ojos cada noche.',
  },
  {
    sig: '1 GTT OU Q4H PRN DRY EYES',
    en: 'Put 1 drop in both eyes every 4 hours if needed for dry eyes.',
    es: 'Ponga 1 gota en ambos ojos cada 4 horas si es necesario para los ojos secos.',
  },
  {
    sig: 'INSTILL 3 DROPS IN LEFT EAR TWICE DAILY',
    en: 'Put 3 drops in the left ear twice a day.',
    es: 'Ponga 3 gotas en el oído izquierdo dos veces al día.',
  },
  {
    sig: 'INSTILL 4 DROPS IN THE RIGHT EAR 3 TIMES A DAY FOR 7 DAYS',
    en: 'Put 4 drops in the right ear three times a day for 7 days.',
    es: 'Ponga 4 gotas en el oído derecho tres veces al día durante 7 días.',
  },
  {
    sig: '3 GTTS AU BID',
    en: 'Put 3 drops in both ears twice a day.',
    es: 'Ponga 3 gotas en ambos oídos dos veces al día.',
    flags: ['AU'],
  },
  {
    sig: '5 GTTS AD TID X 7 DAYS',
    en: 'Put 5 drops in the right ear three times a day for 7 days.',
    es: 'Ponga 5 gotas en el oído derecho tres veces al día durante 7 días.',
    flags: ['AD'],
  },
  {
    sig: 'INSTILL 1 DROP IN AFFECTED EYE QID',
    en: 'Put 1 drop in the affected eye four times a day.',
    es: 'Ponga 1 gota en el ojo afectado cuatro veces al día.',
  },
  {
    sig: 'INSTILL 1 DROP IN AFFECTED EYE(S) QID X 7 DAYS',
    en: 'Put 1 drop in the affected eyes four times a day for 7 days.',
    es: 'Ponga 1 gota en los ojos afectados cuatro veces al día durante 7 días.',
  },
  {
    sig: 'INSTILL 2 DROPS IN EACH EAR BID',
    en: 'Put 2 drops in both ears twice a day.',
    es: 'Ponga 2 gotas en ambos oídos dos veces al día.',
  },
  {
    sig: '2 GTT AS BID',
    en: 'Put 2 drops in the left ear twice a day.',
    es: 'Ponga 2 gotas en el oído izquierdo dos veces al día.',
    flags: ['AS'],
  },
  // Inhalers and nebulizers
  {
    sig: 'INH 2 PUFFS Q4H PRN SOB',
    en: 'Inhale 2 puffs every 4 hours if needed for shortness of breath.',
    es: 'Haga 2 inhalaciones cada 4 horas si es necesario para la falta de aire.',
  },
  {
    sig: 'INHALE 2 PUFFS BY MOUTH EVERY 4 HOURS AS NEEDED FOR SHORTNESS OF BREATH',
    en: 'Inhale 2 puffs by mouth every 4 hours if needed for shortness of breath.',
    es: 'Haga 2 inhalaciones por la boca cada 4 horas si es necesario para la falta de aire.',
  },
  {
    sig: 'INHALE 2 PUFFS BY MOUTH EVERY 4-6 HOURS AS NEEDED FOR WHEEZING',
    en: 'Inhale 2 puffs by mouth every 4 to 6 hours if needed for wheezing.',
    es: 'Haga 2 inhalaciones por la boca cada 4 a 6 horas si es necesario para la respiración con ' + 'silbido.',
  },
  {
    sig: '2 PUFFS INH Q6H PRN',
    en: 'Inhale 2 puffs every 6 hours if needed.',
    es: 'Haga 2 inhalaciones cada 6 horas si es necesario.',
  },
  {
    sig: 'INHALE 1 PUFF BY MOUTH TWICE DAILY. RINSE MOUTH AFTER USE',
    en: 'Inhale 1 puff by mouth twice a day. Rinse your mouth after each use.',
    es: 'Haga 1 inhalación por la boca dos veces al día. Enjuáguese la boca después de cada uso.',
  },
  {
    sig: 'INHALE 2 PUFFS TWICE DAILY RINSE MOUTH AFTER EACH USE',
    en: 'Inhale 2 puffs twice a day. Rinse your mouth after each use.',
    es: 'Haga 2 inhalaciones dos veces al día. Enjuáguese la boca después de cada uso.',
  },
  {
    sig: 'INHALE 1 PUFF DAILY',
    en: 'Inhale 1 puff once a day.',
    es: 'Haga 1 inhalación una vez al día.',
  },
  {
    sig: '2 PUFFS BID',
    en: 'Inhale 2 puffs twice a day.',
    es: 'Haga 2 inhalaciones dos veces al día.',
  },
  {
    sig: 'USE 1 VIAL VIA NEBULIZER EVERY 6 HOURS AS NEEDED FOR SHORTNESS OF BREATH',
    en: 'Use 1 vial by nebulizer every 6 hours if needed for shortness of breath.',
    es: 'Use 1 ampolleta con el nebulizador cada 6 horas si es necesario para la falta de aire.',
  },
  {
    sig: '1 VIAL VIA NEB QID PRN SOB',
    en: 'Inhale 1 vial by nebulizer four times a day if needed for shortness of breath.',
    es: 'Inhale 1 ampolleta con el nebulizador cuatro veces al día si es necesario para la falta de aire.',
  },
  {
    sig: 'INHALE 1 VIAL VIA NEBULIZER FOUR TIMES DAILY',
    en: 'Inhale 1 vial by nebulizer four times a day.',
    es: 'Inhale 1 ampolleta con el nebulizador cuatro veces al día.',
  },
  {
    sig: 'INHALE 2 PUFFS BY MOUTH EVERY 4 HOURS AS NEEDED FOR WHEEZING OR SHORTNESS OF BREATH',
    en: 'Inhale 2 puffs by mouth every 4 hours if needed for wheezing or shortness of breath.',
    es:
      'Haga 2 inhalaciones por la boca cada 4 horas si es necesario para la respiración con silbido o ' +
      'la falta de aire.',
  },
  {
    sig: 'INHALE 2 PUFFS BY MOUTH EVERY 6 HOURS AS NEEDED. MAX 12 PUFFS PER DAY',
    en: 'Inhale 2 puffs by mouth every 6 hours if needed. Do not use more than 12 puffs a day.',
    es: 'Haga 2 inhalaciones por la boca cada 6 horas si es necesario. No use más de 12 inhalaciones al ' + 'día.',
  },
  // Nasal sprays
  {
    sig: '2 SPRAYS EACH NOSTRIL DAILY',
    en: 'Use 2 sprays in each nostril once a day.',
    es: 'Use 2 atomizaciones en cada fosa nasal una vez al día.',
  },
  {
    sig: 'USE 2 SPRAYS IN EACH NOSTRIL DAILY',
    en: 'Use 2 sprays in each nostril once a day.',
    es: 'Use 2 atomizaciones en cada fosa nasal una vez al día.',
  },
  {
    sig: 'SPRAY 2 SPRAYS IN EACH NOSTRIL ONCE DAILY',
    en: 'Use 2 sprays in each nostril once a day.',
    es: 'Use 2 atomizaciones en cada fosa nasal una vez al día.',
  },
  {
    sig: '1 SPRAY IN EACH NOSTRIL BID',
    en: 'Use 1 spray in each nostril twice a day.',
    es: 'Use 1 atomización en cada fosa nasal dos veces al día.',
  },
  {
    sig: '1 SPRAY EACH NOSTRIL BID PRN CONGESTION',
    en: 'Use 1 spray in each nostril twice a day if needed for a stuffy nose.',
    es: 'Use 1 atomización en cada fosa nasal dos veces al día si es necesario para la nariz tapada.',
  },
  {
    sig: '1 SPRAY IN QD',
    en: 'Use 1 spray in the nose once a day.',
    es: 'Use 1 atomización en la nariz una vez al día.',
    flags: ['IN', 'QD'],
  },
  {
    sig: '1-2 SPRAYS EACH NOSTRIL QD',
    en: 'Use 1 to 2 sprays in each nostril once a day.',
    es: 'Use de 1 a 2 atomizaciones en cada fosa nasal una vez al día.',
    flags: ['QD'],
  },
  // Injections (insulin: U and IU are on the Joint Commission "Do Not Use" list)
  {
    sig: 'INJECT 10 UNITS SC QHS',
    en: 'Inject 10 units under the skin at bedtime.',
    es: 'Inyecte 10 unidades debajo de la piel al acostarse.',
    flags: ['SC', 'HS/qhs'],
  },
  {
    sig: 'INJECT 10 U SC QHS',
    en: 'Inject 10 units under the skin at bedtime.',
    es: 'Inyecte 10 unidades debajo de la piel al acostarse.',
    flags: ['U', 'SC', 'HS/qhs'],
  },
  {
    sig: 'INJECT 20 UNITS SUBCUTANEOUSLY DAILY',
    en: 'Inject 20 units under the skin once a day.',
    es: 'Inyecte 20 unidades debajo de la piel una vez al día.',
  },
  {
    sig: 'INJECT 15 UNITS UNDER THE SKIN TWICE DAILY',
    en: 'Inject 15 units under the skin twice a day.',
    es: 'Inyecte 15 unidades debajo de la piel dos veces al día.',
  },
  {
    sig: 'INJECT 10 UNITS UNDER THE SKIN AT BEDTIME',
    en: 'Inject 10 units under the skin at bedtime.',
    es: 'Inyecte 10 unidades debajo de la piel al acostarse.',
  },
  {
    sig: 'INJECT 5 UNITS SUBCUT TID AC',
    en: 'Inject 5 units under the skin before each meal.',
    es: 'Inyecte 5 unidades debajo de la piel antes de cada comida.',
  },
  {
    sig: 'INJECT 12 UNITS SUBQ EVERY MORNING',
    en: 'Inject 12 units under the skin every morning.',
    es: 'Inyecte 12 unidades debajo de la piel cada mañana.',
    flags: ['SC'],
  },
  {
    sig: 'INJECT 10 IU SC DAILY',
    en: 'Inject 10 units under the skin once a day.',
    es: 'Inyecte 10 unidades debajo de la piel una vez al día.',
    flags: ['IU', 'SC'],
  },
  {
    sig: 'INJECT 0.5 ML SUBCUTANEOUSLY ONCE A WEEK',
    en: 'Inject 0.5 mL under the skin once a week.',
    es: 'Inyecte 0.5 mL debajo de la piel una vez a la semana.',
  },
  {
    sig: 'INJECT 1 PEN SUBCUTANEOUSLY EVERY 2 WEEKS',
    en: 'Give 1 injection under the skin every 2 weeks.',
    es: 'Aplique 1 inyección debajo de la piel cada 2 semanas.',
  },
  {
    sig: 'INJECT 1 ML IM MONTHLY',
    en: 'Inject 1 mL into the muscle once a month.',
    es: 'Inyecte 1 mL en el músculo una vez al mes.',
  },
  {
    sig: 'INJECT 1 ML INTRAMUSCULARLY EVERY MONTH',
    en: 'Inject 1 mL into the muscle once a month.',
    es: 'Inyecte 1 mL en el músculo una vez al mes.',
  },
  {
    sig: 'INJECT 60 MG SUBCUTANEOUSLY EVERY 6 MONTHS',
    en: 'Inject 60 mg under the skin every 6 months.',
    es: 'Inyecte 60 mg debajo de la piel cada 6 meses.',
  },
  {
    sig: 'INJECT .5 ML SC WEEKLY',
    en: 'Inject 0.5 mL under the skin once a week.',
    es: 'Inyecte 0.5 mL debajo de la piel una vez a la semana.',
    flags: ['.5', 'SC'],
  },
  {
    sig: 'INJECT 1 ML IM EVERY 4 WEEKS',
    en: 'Inject 1 mL into the muscle every 4 weeks.',
    es: 'Inyecte 1 mL en el músculo cada 4 semanas.',
  },
  {
    sig: 'TAKE 15 UNITS SUBCUTANEOUSLY DAILY',
    en: 'Inject 15 units under the skin once a day.',
    es: 'Inyecte 15 unidades debajo de la piel una vez al día.',
  },
  // Skin: creams, patches
  {
    sig: 'APPLY 1 PATCH TO SKIN EVERY 72 HOURS',
    en: 'Apply 1 patch on the skin every 72 hours.',
    es: 'Aplique 1 parche sobre la piel cada 72 horas.',
  },
  {
    sig: 'APPLY 1 PATCH EVERY 3 DAYS',
    en: 'Apply 1 patch every 3 days.',
    es: 'Aplique 1 parche cada 3 días.',
  },
  {
    sig: 'APPLY 1 PATCH DAILY. REMOVE OLD PATCH',
    en: 'Remove the old patch first. Apply 1 patch once a day.',
    es: 'Quite primero el parche anterior. Aplique 1 parche una vez al día.',
  },
  {
    sig: 'APPLY 1 PATCH TOPICALLY DAILY',
    en: 'Apply 1 patch on the skin once a day.',
    es: 'Aplique 1 parche sobre la piel una vez al día.',
  },
  {
    sig: 'APPLY 1 PATCH TD Q72H',
    en: 'Apply 1 patch to the skin every 72 hours.',
    es: 'Aplique 1 parche sobre la piel cada 72 horas.',
  },
  {
    sig: 'APPLY 1 PATCH TO SKIN ONCE A WEEK',
    en: 'Apply 1 patch on the skin once a week.',
    es: 'Aplique 1 parche sobre la piel una vez a la semana.',
  },
  {
    sig: 'APPLY BID TO AA',
    en: 'Apply to the affected area twice a day.',
    es: 'Aplique en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY TO AA BID',
    en: 'Apply to the affected area twice a day.',
    es: 'Aplique en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY TO AFFECTED AREA TWICE DAILY',
    en: 'Apply to the affected area twice a day.',
    es: 'Aplique en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY TO AFFECTED AREA(S) TWICE DAILY',
    en: 'Apply to the affected area twice a day.',
    es: 'Aplique en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY TOPICALLY TO AFFECTED AREA BID',
    en: 'Apply to the affected area twice a day.',
    es: 'Aplique en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY A THIN LAYER TO AFFECTED AREA TWICE DAILY',
    en: 'Apply a thin layer to the affected area twice a day.',
    es: 'Aplique una capa fina en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY A THIN FILM TO AFFECTED AREA BID',
    en: 'Apply a thin layer to the affected area twice a day.',
    es: 'Aplique una capa fina en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY TO AFFECTED AREA TID PRN ITCHING',
    en: 'Apply to the affected area three times a day if needed for itching.',
    es: 'Aplique en la zona afectada tres veces al día si es necesario para la picazón.',
  },
  {
    sig: 'APPLY TOPICALLY QID PRN PAIN',
    en: 'Apply on the skin four times a day if needed for pain.',
    es: 'Aplique sobre la piel cuatro veces al día si es necesario para el dolor.',
  },
  {
    sig: 'APPLY 2 G TO AFFECTED AREA QID',
    en: 'Apply 2 grams to the affected area four times a day.',
    es: 'Aplique 2 gramos en la zona afectada cuatro veces al día.',
  },
  {
    sig: 'APPLY 4 GRAMS TO AFFECTED AREA 4 TIMES DAILY',
    en: 'Apply 4 grams to the affected area four times a day.',
    es: 'Aplique 4 gramos en la zona afectada cuatro veces al día.',
  },
  {
    sig: 'APPLY TO AA QD X 14 DAYS',
    en: 'Apply to the affected area once a day for 14 days.',
    es: 'Aplique en la zona afectada una vez al día durante 14 días.',
    flags: ['QD'],
  },
  {
    sig: 'APPLY A SMALL AMOUNT TO AFFECTED AREA BID',
    en: 'Apply a small amount to the affected area twice a day.',
    es: 'Aplique una cantidad pequeña en la zona afectada dos veces al día.',
  },
  {
    sig: 'APPLY TO AFFECTED AREA BID PRN RASH',
    en: 'Apply to the affected area twice a day if needed for rash.',
    es: 'Aplique en la zona afectada dos veces al día si es necesario para el sarpullido.',
  },
  {
    sig: 'APPLY 1 PATCH TO SKIN DAILY. REMOVE AFTER 12 HOURS',
    en: 'Apply 1 patch on the skin once a day. Take it off after 12 hours.',
    es: 'Aplique 1 parche sobre la piel una vez al día. Quíteselo después de 12 horas.',
  },
  // Rectal and vaginal
  {
    sig: 'INSERT 1 SUPP PR Q6H PRN NAUSEA',
    en: 'Insert 1 suppository in the rectum every 6 hours if needed for nausea or vomiting.',
    es: 'Introduzca 1 supositorio en el recto cada 6 horas si es necesario para las náuseas o los ' + 'vómitos.',
  },
  {
    sig: 'INSERT 1 SUPPOSITORY RECTALLY DAILY AS NEEDED FOR CONSTIPATION',
    en: 'Insert 1 suppository in the rectum once a day if needed for constipation.',
    es: 'Introduzca 1 supositorio en el recto una vez al día si es necesario para el estreñimiento.',
  },
  {
    sig: '1 SUPP PR QD PRN',
    en: 'Insert 1 suppository in the rectum once a day if needed.',
    es: 'Introduzca 1 supositorio en el recto una vez al día si es necesario.',
    flags: ['QD'],
  },
  {
    sig: 'UNWRAP AND INSERT 1 SUPPOSITORY RECTALLY EVERY 12 HOURS AS NEEDED',
    en: 'Unwrap and insert 1 suppository in the rectum every 12 hours if needed.',
    es: 'Desenvuelva e introduzca 1 supositorio en el recto cada 12 horas si es necesario.',
  },
  {
    sig: 'INSERT 1 APPLICATORFUL VAGINALLY AT BEDTIME',
    en: 'Insert 1 applicatorful in the vagina at bedtime.',
    es: 'Introduzca 1 aplicador lleno en la vagina al acostarse.',
  },
  {
    sig: 'INSERT 1 APPLICATORFUL PV QHS X 7 DAYS',
    en: 'Insert 1 applicatorful in the vagina at bedtime for 7 days.',
    es: 'Introduzca 1 aplicador lleno en la vagina al acostarse durante 7 días.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'INSERT 1 G VAGINALLY TWICE A WEEK',
    en: 'Insert 1 gram in the vagina twice a week.',
    es: 'Introduzca 1 gramo en la vagina dos veces a la semana.',
  },
  {
    sig: 'INSERT 1 SUPPOSITORY RECTALLY TWICE DAILY AS NEEDED FOR HEMORRHOIDS',
    en: 'Insert 1 suppository in the rectum twice a day if needed for hemorrhoids.',
    es: 'Introduzca 1 supositorio en el recto dos veces al día si es necesario para las hemorroides.',
  },
  {
    sig: '1 SUPP PV QHS X 3 DAYS',
    en: 'Insert 1 suppository in the vagina at bedtime for 3 days.',
    es: 'Introduzca 1 supositorio en la vagina al acostarse durante 3 días.',
    flags: ['HS/qhs'],
  },
  {
    sig: 'APPLY 0.5 G VAGINALLY TWICE WEEKLY',
    en: 'Apply 0.5 grams in the vagina twice a week.',
    es: 'Aplique 0.5 gramos en la vagina dos veces a la semana.',
  },
  {
    sig: 'USE 1 APPLICATORFUL VAGINALLY AT BEDTIME',
    en: 'Use 1 applicatorful in the vagina at bedtime.',
    es: 'Use 1 aplicador lleno en la vagina al acostarse.',
  },
  // Steps: tapers and split doses
  {
    sig: 'TAKE 2 TABLETS BY MOUTH TWICE DAILY FOR 3 DAYS THEN 1 TABLET TWICE DAILY FOR 3 DAYS',
    en: 'Take 2 tablets by mouth twice a day for 3 days, then 1 tablet twice a day for 3 days.',
    es:
      'Tome 2 tabletas por la boca dos veces al día durante 3 días, luego 1 tableta dos veces al día ' +
      'durante 3 días.',
  },
  {
    sig: 'TAKE 40 MG DAILY X 5 DAYS THEN 20 MG DAILY X 5 DAYS THEN STOP',
    en: 'Take 40 mg once a day for 5 days, then 20 mg once a day for 5 days. Then stop.',
    es:
      'Tome 40 mg una vez al día durante 5 días, luego 20 mg una vez al día durante 5 días. Luego deje ' + 'de usarlo.',
  },
  {
    sig: '1 TAB PO QAM AND 1/2 TAB PO QPM',
    en: 'Take 1 tablet by mouth every morning and half a tablet by mouth every evening.',
    es: 'Tome 1 tableta por la boca cada mañana y media tableta por la boca cada noche.',
  },
  {
    sig: 'TAKE 1 TAB PO QD AND 1/2 TAB PO QHS',
    en: 'Take 1 tablet by mouth once a day and half a tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca una vez al día y media tableta por la boca al acostarse.',
    flags: ['QD', 'HS/qhs'],
  },
  // The product's dose form gives the unit of a bare count
  {
    sig: '1 PO BID',
    unitHint: 'capsule',
    en: 'Take 1 capsule by mouth twice a day.',
    es: 'Tome 1 cápsula por la boca dos veces al día.',
  },
  {
    sig: '1 PO QD',
    unitHint: 'Oral Capsule',
    en: 'Take 1 capsule by mouth once a day.',
    es: 'Tome 1 cápsula por la boca una vez al día.',
    flags: ['QD'],
  },
  {
    sig: '1 PO QHS',
    unitHint: 'Tablet, Film Coated',
    en: 'Take 1 tablet by mouth at bedtime.',
    es: 'Tome 1 tableta por la boca al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: '2 PO QHS',
    unitHint: 'Oral Solution 5 mg/5 mL',
    en: 'Take 2 [?: unit] by mouth at bedtime.',
    es: 'Tome 2 [?: unidad] por la boca al acostarse.',
    complete: false,
    flags: ['HS/qhs'],
  },
  {
    sig: '1 BID',
    unitHint: 'inhaler',
    en: 'Inhale 1 puff twice a day.',
    es: 'Haga 1 inhalación dos veces al día.',
  },
  {
    sig: '1 OU QHS',
    unitHint: 'drops',
    en: 'Put 1 drop in both eyes at bedtime.',
    es: 'Ponga 1 gota en ambos ojos al acostarse.',
    flags: ['HS/qhs'],
  },
  {
    sig: '10 SC QHS',
    unitHint: 'unit',
    en: 'Inject 10 units under the skin at bedtime.',
    es: 'Inyecte 10 unidades debajo de la piel al acostarse.',
    flags: ['SC', 'HS/qhs'],
  },
  {
    sig: '1 PO DAILY',
    unitHint: 'chewable tablet',
    en: 'Take 1 tablet by mouth once a day.',
    es: 'Tome 1 tableta por la boca una vez al día.',
  },
  // Incomplete: unknown words, no frequency, no unit, "as directed"
  {
    sig: 'TAKE 1 CAPSULE BY MOUTH 30 MINUTES BEFORE BREAKFAST',
    en: 'Take 1 capsule by mouth 30 minutes before breakfast. [?: how often]',
    es: 'Tome 1 cápsula por la boca 30 minutos antes del desayuno. [?: cada cuánto]',
    complete: false,
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH AT ONSET OF MIGRAINE. MAY REPEAT IN 2 HOURS',
    en: 'Take 1 tablet by mouth. [?: how often] [?: at, onset, migraine, may, repeat, in, 2, hours]',
    es: 'Tome 1 tableta por la boca. [?: cada cuánto] [?: at, onset, migraine, may, repeat, in, 2, hours]',
    complete: false,
    unknown: ['at', 'onset', 'migraine', 'may', 'repeat', 'in', '2', 'hours'],
  },
  {
    sig: 'INHALE 1 CAPSULE VIA HANDIHALER DAILY',
    en: 'Inhale 1 capsule once a day. [?: via, handihaler]',
    es: 'Inhale 1 cápsula una vez al día. [?: via, handihaler]',
    complete: false,
    unknown: ['via', 'handihaler'],
  },
  {
    sig: 'INJECT SUBCUTANEOUSLY PER SLIDING SCALE',
    en: 'Inject under the skin. [?: how often] [?: per, sliding, scale]',
    es: 'Inyecte debajo de la piel. [?: cada cuánto] [?: per, sliding, scale]',
    complete: false,
    unknown: ['per', 'sliding', 'scale'],
  },
  {
    sig: 'MIX 17 G IN 8 OZ OF WATER AND DRINK DAILY',
    en: 'Mix 17 grams in 8 ounces of water once a day. [?: drink]',
    es: 'Mezcle 17 gramos en 8 onzas de agua una vez al día. [?: drink]',
    complete: false,
    unknown: ['drink'],
  },
  {
    sig: 'UD',
    en: 'Use this medicine as your doctor told you.',
    es: 'Use este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'AS DIRECTED',
    en: 'Use this medicine as your doctor told you.',
    es: 'Use este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'USE AS DIRECTED',
    en: 'Use this medicine as your doctor told you.',
    es: 'Use este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'TAKE AS DIRECTED',
    en: 'Take this medicine as your doctor told you.',
    es: 'Tome este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'INJECT UD',
    en: 'Inject this medicine as your doctor told you.',
    es: 'Inyecte este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'APPLY UD',
    en: 'Apply this medicine as your doctor told you.',
    es: 'Aplique este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'TAKE AS DIRECTED PER PACKAGE',
    en: 'Take this medicine as your doctor told you. [?: per, package]',
    es: 'Tome este medicamento como le indicó su médico. [?: per, package]',
    complete: false,
    flags: ['As'],
    unknown: ['per', 'package'],
  },
  {
    sig: 'USE UTD',
    en: 'Use this medicine as your doctor told you.',
    es: 'Use este medicamento como le indicó su médico.',
    complete: false,
    flags: ['As'],
  },
  {
    sig: 'TAKE 4 TABS X 2 DAYS THEN 3 TABS X 2 DAYS THEN 2 TABS X 2 DAYS THEN 1 TAB X 2 DAYS',
    en:
      'Take 4 tablets for 2 days, then 3 tablets for 2 days, then 2 tablets for 2 days, then 1 tablet ' +
      'for 2 days. [?: how often]',
    es:
      'Tome 4 tabletas durante 2 días, luego 3 tabletas durante 2 días, luego 2 tabletas durante 2 ' +
      'días, luego 1 tableta durante 2 días. [?: cada cuánto]',
    complete: false,
  },
  {
    sig: 'TAKE 2 TABLETS BY MOUTH ON DAY 1, THEN 1 TABLET DAILY FOR 4 DAYS',
    en: 'Take 2 tablets by mouth, then 1 tablet once a day for 4 days. [?: how often] [?: on, day, 1]',
    es:
      'Tome 2 tabletas por la boca, luego 1 tableta una vez al día durante 4 días. [?: cada cuánto] [?: ' +
      'on, day, 1]',
    complete: false,
    unknown: ['on', 'day', '1'],
  },
  {
    sig: 'TAKE 6 TABLETS ON DAY 1, DECREASE BY 1 TABLET DAILY UNTIL GONE',
    en: 'Take 6 tablets once a day. [?: on, day, 1, decrease, until, gone]',
    es: 'Tome 6 tabletas una vez al día. [?: on, day, 1, decrease, until, gone]',
    complete: false,
    unknown: ['on', 'day', '1', 'decrease', 'until', 'gone'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY OR AS DIRECTED',
    en: 'Take 1 tablet by mouth once a day as your doctor told you. [?: or]',
    es: 'Tome 1 tableta por la boca una vez al día como le indicó su médico. [?: or]',
    complete: false,
    flags: ['As'],
    unknown: ['or'],
  },
  {
    sig: 'PRN',
    en: 'Take if needed. [?: how often]',
    es: 'Tome si es necesario. [?: cada cuánto]',
    complete: false,
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH',
    en: 'Take 1 tablet by mouth. [?: how often]',
    es: 'Tome 1 tableta por la boca. [?: cada cuánto]',
    complete: false,
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY EXCEPT SUNDAY',
    en: 'Take 1 tablet by mouth once a day. [?: except, sunday]',
    es: 'Tome 1 tableta por la boca una vez al día. [?: except, sunday]',
    complete: false,
    unknown: ['except', 'sunday'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY ALTERNATING WITH 2 TABLETS',
    en: 'Take 1 tablet by mouth once a day. [?: alternating, with, 2]',
    es: 'Tome 1 tableta por la boca una vez al día. [?: alternating, with, 2]',
    complete: false,
    unknown: ['alternating', 'with', '2'],
  },
  {
    sig: '1 PO QD XYZ',
    en: 'Take 1 tablet by mouth once a day. [?: xyz]',
    es: 'Tome 1 tableta por la boca una vez al día. [?: xyz]',
    complete: false,
    flags: ['QD'],
    unknown: ['xyz'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY PER DR',
    en: 'Take 1 tablet by mouth once a day. [?: per, dr]',
    es: 'Tome 1 tableta por la boca una vez al día. [?: per, dr]',
    complete: false,
    unknown: ['per', 'dr'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY FOR HEART',
    en: 'Take 1 tablet by mouth once a day. [?: heart]',
    es: 'Tome 1 tableta por la boca una vez al día. [?: heart]',
    complete: false,
    unknown: ['heart'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH ON MONDAY, WEDNESDAY AND FRIDAY',
    en: 'Take 1 tablet by mouth on Mondays. [?: how often] [?: wednesday, friday]',
    es: 'Tome 1 tableta por la boca los lunes. [?: cada cuánto] [?: wednesday, friday]',
    complete: false,
    unknown: ['wednesday', 'friday'],
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY BID',
    en: 'Take 1 tablet by mouth once a day or twice a day. [?: how often]',
    es: 'Tome 1 tableta por la boca una vez al día o dos veces al día. [?: cada cuánto]',
    complete: false,
  },
  {
    sig: 'TAKE 2 TABLETS BY MOUTH AT ONCE THEN 1 TABLET DAILY',
    en: 'Take 2 tablets by mouth one time only, then 1 tablet once a day. [?: at]',
    es: 'Tome 2 tabletas por la boca una sola vez, luego 1 tableta una vez al día. [?: at]',
    complete: false,
    unknown: ['at'],
  },
  {
    sig: 'INJECT 10 UNITS SC IN ABDOMEN DAILY',
    en: 'Inject 10 units under the skin once a day. [?: in, abdomen]',
    es: 'Inyecte 10 unidades debajo de la piel una vez al día. [?: in, abdomen]',
    complete: false,
    flags: ['SC'],
    unknown: ['in', 'abdomen'],
  },
  {
    sig: 'MIX 1 PACKET IN APPLESAUCE',
    en: 'Mix 1 packet. [?: how often] [?: in, applesauce]',
    es: 'Mezcle 1 sobre. [?: cada cuánto] [?: in, applesauce]',
    complete: false,
    unknown: ['in', 'applesauce'],
  },
  {
    sig: 'APPLY 1 PATCH AND REMOVE AFTER 12 HOURS',
    en: 'Apply 1 patch. Take it off after 12 hours. [?: how often]',
    es: 'Aplique 1 parche. Quíteselo después de 12 horas. [?: cada cuánto]',
    complete: false,
  },
  {
    sig: '10 SC QHS',
    en: 'Inject 10 [?: unit] under the skin at bedtime.',
    es: 'Inyecte 10 [?: unidad] debajo de la piel al acostarse.',
    complete: false,
    flags: ['SC', 'HS/qhs'],
  },
  {
    sig: 'APPLY 1 PATCH TO AFFECTED AREA 12 HOURS ON AND 12 HOURS OFF',
    en: 'Apply 1 patch to the affected area. Leave it on for 12 hours, then off for 12 hours. [?: how ' + 'often]',
    es:
      'Aplique 1 parche en la zona afectada. Déjelo puesto 12 horas y luego quíteselo durante 12 horas. ' +
      '[?: cada cuánto]',
    complete: false,
  },
  {
    sig: 'TAKE 1 TABLET BY MOUTH DAILY WITH BREAKFAST AND SUPPER',
    en: 'Take 1 tablet by mouth once a day or with breakfast and supper. [?: how often]',
    es: 'Tome 1 tableta por la boca una vez al día o con el desayuno y la cena. [?: cada cuánto]',
    complete: false,
  },
];

/** The abbreviation or dose designation a flag is about: "QD is on the Joint Commission…" → QD. */
const named = (flag: string) => /^["']?([^ "']+)/.exec(flag)![1];
const label = (c: Case) => (c.unitHint ? `${c.sig} (a ${c.unitHint})` : c.sig);
const translated = CASES.map((c) => ({ c, t: translateSig(c.sig, { unitHint: c.unitHint }) }));

describe('translateSig', () => {
  it('is checked on at least 150 real-world directions', () => {
    expect(new Set(CASES.map(label)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CASES.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const t = translateSig(c.sig, { unitHint: c.unitHint });
    expect(t.en).toBe(c.en);
    expect(t.es).toBe(c.es);
    expect(t.complete).toBe(c.complete ?? true);
    expect(t.flags.map(named)).toEqual(c.flags ?? []);
    expect(t.unknown).toEqual(c.unknown ?? []);
  });

  it('leaves no raw code in either language', () => {
    const codeWords =
      /\b(PO|BID|TID|QID|QHS|QAM|QPM|QD|QOD|PRN|SL|GTTS?|OU|OD|OS|AU|AD|SC|SQ|HS|TABS?|CAPS?|UD|TSP|INH)\b/;
    for (const { c, t } of translated)
      for (const text of [t.en, t.es]) {
        expect(text, c.sig).not.toMatch(codeWords);
        expect(text, c.sig).not.toMatch(/ PO | BID| QHS|PRN/);
        if (t.complete) expect(text, c.sig).not.toMatch(/\b(po|bid|tid|qid|qhs|qd|prn|gtts?|tabs?|caps?|qam|qpm)\b/i);
      }
  });

  it('writes complete directions as sentences: a capital first, a period last, nothing to fix', () => {
    for (const { c, t } of translated.filter(({ t }) => t.complete))
      for (const text of [t.en, t.es]) {
        expect(text, c.sig).toMatch(/^[A-ZÁÉÍÓÚÑ]/);
        expect(text, c.sig).toMatch(/\.$/);
        expect(text, c.sig).not.toContain('[?:');
      }
  });

  it('shows what an incomplete translation is missing, in both languages', () => {
    for (const { c, t } of translated.filter(({ t }) => !t.complete)) {
      for (const word of t.unknown) {
        expect(t.en, c.sig).toContain(word);
        expect(t.es, c.sig).toContain(word);
      }
      const asDirected = t.en.includes('as your doctor told you') && t.es.includes('como le indicó su médico');
      expect(asDirected || (t.en.includes('[?:') && t.es.includes('[?:')), c.sig).toBe(true);
    }
  });

  it('never drops or guesses an unknown word', () => {
    const t = translateSig('1 PO QD XYZ');
    expect(t).toMatchObject({ complete: false, unknown: ['xyz'] });
    expect(t.en).toMatch(/\[\?: xyz\]$/);
    expect(translateSig('XYZ')).toEqual({
      en: '[?: xyz]',
      es: '[?: xyz]',
      complete: false,
      unknown: ['xyz'],
      flags: [],
    });
    expect(translateSig('   ')).toMatchObject({ complete: false, unknown: [] });
  });

  it('flags only what the ISMP and Joint Commission lists name, or a leading or trailing zero', () => {
    const cited = new Set(
      [...codes.units, ...codes.routes, ...codes.frequencies, codes.asDirected].flatMap((e) =>
        'flag' in e && e.flag ? [e.flag] : [],
      ),
    );
    for (const { c, t } of translated)
      for (const f of t.flags)
        expect(cited.has(f) || /has (no leading|a trailing) zero/.test(f), `${c.sig}: ${f}`).toBe(true);
  });

  it('reads every word of the table: no word of it is left unknown in a simple sig', () => {
    const read = (sig: string) => translateSig(sig).unknown;
    for (const f of codes.frequencies)
      for (const w of f.words) expect(read(`TAKE 1 TABLET BY MOUTH ${w}`), w).toEqual([]);
    for (const r of codes.routes) for (const w of r.words) expect(read(`1 ${w} BID`), w).toEqual([]);
    for (const u of codes.units) for (const w of u.words) expect(read(`USE 1 ${w} DAILY`), w).toEqual([]);
    for (const m of codes.modifiers)
      for (const w of m.words) expect(read(`TAKE 1 TABLET BY MOUTH DAILY ${w}`), w).toEqual([]);
    for (const a of codes.actions) for (const w of a.words) expect(read(`${w} 1 DAILY`), w).toEqual([]);
    for (const i of codes.indications)
      for (const w of i.words) expect(read(`TAKE 1 TABLET BY MOUTH DAILY AS NEEDED FOR ${w}`), w).toEqual([]);
  });

  it('names a source the table cites for every entry, and the ISMP or Joint Commission for every flag', () => {
    const sources = Object.keys(codes.sources);
    const entries = [
      ...codes.actions,
      ...codes.units,
      ...codes.routes,
      ...codes.frequencies,
      ...codes.modifiers,
      codes.asNeeded,
      codes.asDirected,
    ];
    for (const e of entries) {
      expect(sources, e.words.join(', ')).toContain(e.source);
      if ('flag' in e && e.flag) expect(['ismp', 'tjc'], e.words.join(', ')).toContain(e.source);
    }
  });

  it('is pure: the same answer every time, and changing one answer changes no other', () => {
    const first = translateSig('INJECT 10 U SC QHS');
    first.flags.push('changed');
    first.unknown.push('changed');
    expect(translateSig('INJECT 10 U SC QHS')).toEqual({
      en: 'Inject 10 units under the skin at bedtime.',
      es: 'Inyecte 10 unidades debajo de la piel al acostarse.',
      complete: true,
      unknown: [],
      flags: expect.arrayContaining([expect.stringMatching(/^U is on the Joint Commission/)]) as string[],
    });
    expect(translateSig('INJECT 10 U SC QHS').flags).toHaveLength(3);
  });

  it('is offered to the screen through the bridge, for directions being typed (nothing is stored)', async () => {
    const { session } = await newPharmacy();
    expect(await dispatch(session, 'medications:translateSig', { sig: '1 PO BID' })).toMatchObject({
      ok: true,
      data: { en: 'Take 1 tablet by mouth twice a day.', es: 'Tome 1 tableta por la boca dos veces al día.' },
    });
    expect(await dispatch(session, 'medications:translateSig', { sig: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'sig', message: 'Enter the directions' },
    });
    await session.signOut();
  });

  it('reads a limit that does not say tablets or doses as the lower amount, and flags it', () => {
    const t = translateSig('Take 2 tablets every 8 hours if needed for pain; no more than 6 a day');
    expect(t.en).toBe('Take 2 tablets every 8 hours if needed for pain. Do not take more than 6 tablets a day.');
    expect(t.es).toBe('Tome 2 tabletas cada 8 horas si es necesario para el dolor. No tome más de 6 tabletas al día.');
    expect(t.flags).toEqual([expect.stringMatching(/^The limit "6" does not say tablets or doses/)]);
    // Said in full, nothing to confirm.
    expect(translateSig('2 PO Q6H PRN PAIN MAX 8 TABS/DAY').flags).toEqual([]);
  });
});
