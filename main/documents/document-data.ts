// Everything a printed document needs about one review, gathered once: the pharmacy, the
// patient, the signed (or current) review, and the Personal Medication List rows.
import type { DataSource } from 'typeorm';
import type { PatientDetail } from '../../preload/schemas/patients';
import type { Review } from '../../preload/schemas/reviews';
import type { DocumentSettings } from '../../preload/schemas/settings';
import { formatPhone } from '../../preload/schemas/identifiers';
import type { Row } from '../db/rows';
import { all, one, sql } from '../db/sql';
import { getPatient } from '../patients/patient-store';
import { PRESCRIBER_NAME_SQL } from '../reviews/review-parts';
import { getReview } from '../reviews/review-store';
import { translateSig } from '../medications/sig/translate-sig';
import { getSettings } from '../settings/pharmacy-settings';
import { conditionOfWords, reasonInWords } from '../../preload/schemas/clinical';
import { todayIso } from '../../preload/schemas/dates';
import { medicineName } from './medicine-name';

export type Language = 'en' | 'es';

export interface Letterhead {
  name: string;
  addressLines: string[];
  phone: string;
  fax: string;
  hours: string;
  tty: string;
  npi: string | null;
}

export interface PmlEntry {
  medication: string;
  /** The directions the patient follows, as written (their own way when they take it differently); null when none. */
  sig: string | null;
  howIUse: string;
  whyIUse: string;
  /** Which of the two print the pharmacist's own words as typed (not translated into the document's language). */
  asTyped: { howIUse: boolean; whyIUse: boolean };
  prescriber: string;
  started: string | null;
}

export interface ReviewDocumentData {
  preparedOn: string;
  /** The patient's preferred language when it is one the documents print in, else English. */
  language: Language;
  pharmacy: Letterhead;
  /** The patient asked for large print (14 pt body). */
  largePrint: boolean;
  settings: DocumentSettings;
  patient: PatientDetail;
  review: Review;
  /** Who signs: the review's signer, or the pharmacist preparing an unsigned draft. */
  pharmacist: string;
  medications: PmlEntry[];
}

type ListedColumn = 'source' | 'product' | 'strength' | 'dose_form' | 'sig' | 'indication' | 'start_date';
type ListedRow = Pick<Row<'patient_medications'>, ListedColumn> & { prescriber: string | null };
type FilledByRow = Pick<Row<'fills'>, 'drug_name'> & { prescriber: string };
type PharmacyRow = Pick<Row<'pharmacy'>, 'name' | 'npi' | 'phone' | 'city' | 'state' | 'zip'> & {
  line1: Row<'pharmacy'>['address_line1'];
  line2: Row<'pharmacy'>['address_line2'];
};

const addressLines = (a: {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}) =>
  [a.line1, a.line2, [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(
    (l): l is string => Boolean(l),
  );

/**
 * The directions as the patient reads them, in the document's language: the sig translated when every
 * word of it is understood; words the pharmacist typed are kept as typed; a sig of codes that cannot
 * be read wholly (an unknown word, "UD") leaves the line to write on rather than print a code.
 */
function directionsFor(sig: string | null, language: Language): { text: string; typed: boolean } {
  if (!sig?.trim()) return { text: '', typed: false };
  const t = translateSig(sig);
  if (t.complete) return { text: t[language], typed: false };
  return /[a-z]/.test(sig) ? { text: sig, typed: true } : { text: '', typed: false };
}

/** What the patient takes now, one row per reconciliation line they still take, with the details the list knows. */
async function pmlEntries(db: DataSource, review: Review, language: Language): Promise<PmlEntry[]> {
  const listed = await all<ListedRow>(
    db,
    sql`SELECT m.source, m.product, m.strength, m.dose_form, m.sig, m.indication, m.start_date, ${PRESCRIBER_NAME_SQL} AS prescriber
        FROM patient_medications m LEFT JOIN prescribers p ON p.id = m.prescriber_id
        WHERE m.patient_id = ${review.patientId}
          AND (m.stop_date IS NULL OR m.stop_date >= ${review.createdAt.slice(0, 10)})`,
  );
  const fills = await all<FilledByRow>(
    db,
    sql`SELECT f.drug_name, ${PRESCRIBER_NAME_SQL} AS prescriber
        FROM fills f JOIN prescribers p ON p.npi = f.prescriber_npi
        WHERE f.patient_id = ${review.patientId} ORDER BY f.fill_date`,
  );
  const filledBy = new Map(fills.map((f) => [f.drug_name, f.prescriber]));
  return review.reconciliation
    .filter((l) => l.resolution !== 'stopped' && l.resolution !== 'notTaking')
    .map((l) => {
      const entry = l.entries.find((e) => e.source !== 'pharmacyFill') ?? l.entries[0]!;
      const row = listed.find((m) => m.source === entry.source && m.product === entry.product);
      const fill = l.entries.find((e) => e.source === 'pharmacyFill');
      // What the patient actually does is what the list prints.
      const sig = (l.resolution === 'differently' && l.note?.trim()) || entry.sig || fill?.sig || null;
      const directions = directionsFor(sig, language);
      // A code is printed as its plain name, never as the code; an unknown code leaves the line to write on.
      const reason = row?.indication ? (reasonInWords(row.indication, language) ?? '') : '';
      const reasonTyped = Boolean(reason) && !conditionOfWords(reason) && reason === row?.indication?.trim();
      return {
        medication: medicineName({ ...entry, doseForm: row?.dose_form }, language),
        sig,
        howIUse: directions.text,
        whyIUse: reason,
        asTyped: { howIUse: directions.typed, whyIUse: reasonTyped },
        prescriber: row?.prescriber ?? (fill ? (filledBy.get(fill.product) ?? '') : ''),
        started: row?.start_date ?? null,
      };
    });
}

export async function reviewDocumentData(
  db: DataSource,
  reviewId: string,
  preparer: string,
  options: { language?: Language; preparedOn?: string } = {},
): Promise<ReviewDocumentData> {
  const review = await getReview(db, reviewId);
  const patient = await getPatient(db, review.patientId);
  const preparedOn = options.preparedOn ?? todayIso();
  const ph = await one<PharmacyRow>(
    db,
    sql`SELECT name, npi, phone, address_line1 AS line1, address_line2 AS line2, city, state, zip
        FROM pharmacy WHERE id = 1`,
  );
  const settings = (await getSettings(db.manager)).documents;
  const language = options.language ?? (patient.preferredLanguage === 'es' ? 'es' : 'en');
  return {
    preparedOn,
    language,
    largePrint: patient.largePrint,
    settings,
    pharmacy: {
      name: ph!.name,
      npi: ph!.npi,
      addressLines: addressLines(ph!),
      phone: formatPhone(ph!.phone),
      fax: formatPhone(settings.fax),
      hours: settings.hours,
      tty: settings.tty,
    },
    patient,
    review,
    pharmacist: review.signedBy?.replace(/ \([^)]*\)$/, '') ?? preparer,
    medications: await pmlEntries(db, review, language),
  };
}

export const patientAddressLines = (p: PatientDetail) => addressLines(p.address);
