// A realistic signed CMR for the document tests and the benchmark (no vitest): a patient whose
// name has accents and an apostrophe, an allergy, medicines with long names and HTML-looking
// directions, two action-plan items and a recommendation faxed to a prescriber. The pharmacy's printed-document
// settings are filled in as a real pharmacy's (the CMR summary needs hours, TTY and fax), unless asked not to.
import type { Session } from '../../main/security/session';
import type { Review } from '../../preload/schemas/reviews';
import type { DocumentSettings } from '../../preload/schemas/settings';
import { call } from './call';

const MEDICINES = [
  {
    product: 'Lisinopril',
    strength: '20 mg',
    sig: 'Take 1 tablet by mouth every morning',
    indication: 'Blood pressure',
  },
  { product: 'Metformin ER', strength: '500 mg', sig: 'Take 2 tablets by mouth with supper', indication: 'Diabetes' },
  { product: 'Atorvastatin', strength: '40 mg', sig: 'Take 1 tablet by mouth at bedtime', indication: 'Cholesterol' },
  {
    product: 'Insulin degludec and liraglutide injection pen (Xultophy 100/3.6)',
    strength: '100 units/mL + 3.6 mg/mL',
    sig: 'Inject 16 units under the skin once a day <b>same time</b> & check sugar if "shaky"',
    indication: 'Diabetes',
  },
  { product: 'Amlodipine', strength: '5 mg', sig: 'Take 1 tablet by mouth daily', indication: 'Blood pressure' },
  {
    product: 'Levothyroxine',
    strength: '50 mcg',
    sig: 'Take 1 tablet on an empty stomach, 30 minutes before breakfast',
    indication: 'Thyroid',
  },
  { product: 'Sertraline', strength: '50 mg', sig: 'Take 1 tablet by mouth daily', indication: 'Mood' },
  { product: 'Omeprazole', strength: '20 mg', sig: 'Take 1 capsule before breakfast', indication: 'Heartburn' },
  { product: 'Donepezil', strength: '10 mg', sig: 'Take 1 tablet at bedtime', indication: 'Memory' },
  {
    product: 'Tiotropium inhalation powder',
    strength: '18 mcg',
    sig: 'Inhale the contents of 1 capsule once daily',
    indication: 'COPD',
  },
  { product: 'Furosemide', strength: '20 mg', sig: 'Take 1 tablet every morning', indication: 'Swelling' },
  { product: 'Carvedilol', strength: '6.25 mg', sig: 'Take 1 tablet twice a day with food', indication: 'Heart' },
  { product: 'Spironolactone', strength: '25 mg', sig: 'Take 1 tablet daily', indication: 'Heart' },
  { product: 'Apixaban', strength: '5 mg', sig: 'Take 1 tablet twice a day', indication: 'Prevent clots' },
  { product: 'Gabapentin', strength: '300 mg', sig: 'Take 1 capsule three times a day', indication: 'Nerve pain' },
  {
    product: 'Tamsulosin',
    strength: '0.4 mg',
    sig: 'Take 1 capsule 30 minutes after the same meal each day',
    indication: 'Urination',
  },
  {
    product: 'Alendronate',
    strength: '70 mg',
    sig: 'Take 1 tablet every Monday with a full glass of water; stay upright 30 minutes',
    indication: 'Bones',
  },
  {
    product: 'Calcium carbonate and vitamin D3',
    strength: '600 mg / 400 units',
    sig: 'Take 1 tablet twice a day with food',
    indication: 'Bones',
  },
  { product: 'Cholecalciferol', strength: '1000 units', sig: 'Take 1 capsule daily', indication: 'Vitamin D' },
  {
    product: 'Acetaminophen',
    strength: '500 mg',
    sig: 'Take 2 tablets every 8 hours if needed for pain; no more than 6 a day',
    indication: 'Pain',
  },
  {
    product: 'Fluticasone nasal spray',
    strength: '50 mcg/spray',
    sig: 'Use 1 spray in each nostril daily',
    indication: 'Allergies',
  },
  {
    product: 'Latanoprost eye drops',
    strength: '0.005 %',
    sig: 'Put 1 drop in both eyes at bedtime',
    indication: 'Glaucoma',
  },
  { product: 'Senna', strength: '8.6 mg', sig: 'Take 2 tablets at bedtime if needed', indication: 'Constipation' },
  {
    product: 'Polyethylene glycol 3350',
    strength: '17 g',
    sig: 'Mix 1 capful in 8 oz of water daily if needed',
    indication: 'Constipation',
  },
  { product: 'Melatonin', strength: '3 mg', sig: 'Take 1 tablet at bedtime', indication: 'Sleep' },
];

/** The sample pharmacy's printed-document settings: opening hours, TTY, fax and one take-back site. */
export const SAMPLE_DOCUMENT_SETTINGS: DocumentSettings = {
  hours: 'Mon–Fri 9 am–7 pm, Sat 9 am–1 pm',
  tty: '711',
  fax: '2165550199',
  fileNames: 'reference',
  takeBackSites: [
    {
      name: 'Lakewood Police Department',
      address: '12650 Detroit Ave, Lakewood, OH 44107',
      hours: 'Drop box in the lobby, open 24 hours',
    },
  ],
};

export interface SampleReview {
  review: Review;
  patientId: string;
  prescriberId: string;
}

/** A review created and started, step 1's fields saved with `changes`, and every reconciliation line taken as listed. */
export async function startedReview(
  session: Session,
  patientId: string,
  type: Review['type'],
  changes: Record<string, unknown>,
): Promise<Review> {
  let r = await call(session, 'reviews:create', { patientId, type });
  r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'start' });
  r = await call(session, 'reviews:update', { id: r.id, version: r.version, changes });
  for (const line of r.reconciliation)
    r = await call(session, 'reviews:resolveLine', {
      id: r.id,
      version: r.version,
      lineKey: line.key,
      resolution: 'asListed',
    });
  return r;
}

/** Signs a CMR for a new patient taking `medicines` of the list above (up to 25). */
export async function sampleSignedCmr(
  session: Session,
  opts: {
    medicines: number;
    language?: 'en' | 'es';
    cmrDate: string;
    sigs?: Record<string, string>;
    /** false: leave the pharmacy's printed-document settings as they are (blank in a new pharmacy). */
    documentSettings?: DocumentSettings | false;
    /** true: everything done but the signature (the review is ready to sign). */
    unsigned?: boolean;
  },
): Promise<SampleReview> {
  if (opts.documentSettings !== false)
    await call(session, 'settings:update', { documents: opts.documentSettings ?? SAMPLE_DOCUMENT_SETTINGS });
  const patient = await call(session, 'patients:create', {
    patient: {
      firstName: 'Renée',
      middleName: 'Ángela',
      lastName: "O'Connor-Nguyễn",
      dateOfBirth: '1947-03-09',
      sex: 'female',
      preferredLanguage: opts.language ?? 'en',
      address: { line1: '1418 Lakeview Terrace, Apt 3B', city: 'Lakewood', state: 'OH', zip: '44107' },
      partD: { planName: 'Buckeye Senior Rx (PDP)', contractId: 'S5810', memberId: 'BSR-448812' },
      allergies: [{ substance: 'Penicillin', reaction: 'hives', severity: 'moderate', kind: 'allergy' }],
    },
  });
  const doctor = await call(session, 'prescribers:create', {
    prescriber: {
      npi: '1245319599',
      firstName: 'Beatrice',
      lastName: 'Okonjo',
      credentials: 'MD',
      fax: '2165550134',
      phone: '2165550133',
      preferredContact: 'fax',
    },
  });
  for (const m of MEDICINES.slice(0, opts.medicines)) {
    await call(session, 'medications:add', {
      patientId: patient.id,
      medication: {
        ...m,
        sig: opts.sigs?.[m.product] ?? m.sig,
        kind: 'rx',
        source: 'patientReported',
        prescriberId: doctor.id,
        startDate: '2024-05-01',
      },
    });
  }
  const dizzy = await call(session, 'problems:add', {
    patientId: patient.id,
    category: 'adverseReaction',
    severity: 'moderate',
    title: 'amlodipine + lisinopril',
    description: 'Dizzy when standing up in the morning; home BP 104/62',
  });
  const missed = await call(session, 'problems:add', {
    patientId: patient.id,
    category: 'nonadherence',
    severity: 'moderate',
    title: 'atorvastatin',
    description: 'Misses evening doses 2–3 times a week',
  });
  let r = await startedReview(session, patient.id, 'cmr', {
    deliveryMethod: 'inPerson',
    cmrDate: opts.cmrDate,
    concerns: 'Feels dizzy some mornings',
    problemsConfirmed: true,
    followUpDate: null,
  });
  // Each recommendation names the one medicine it acts on (one she takes: with a short list, the first). The items
  // are in English only, as a pharmacy's own phrase without Spanish leaves them (the documents flag it).
  const taken = MEDICINES.slice(0, opts.medicines).map((m) => m.product.toLowerCase());
  const dose = taken.includes('amlodipine') ? 'amlodipine' : 'lisinopril';
  const statin = taken.includes('atorvastatin') ? 'atorvastatin' : null;
  r = await call(session, 'reviews:saveRecommendation', {
    id: r.id,
    version: r.version,
    recommendation: {
      problemId: dizzy.id,
      action: 'changeDose',
      actor: 'prescriber',
      prescriberId: doctor.id,
      medicine: dose,
      detail: 'Consider stopping amlodipine 5 mg; home BP 104/62 with orthostatic dizziness',
      talkedAbout: 'Feeling dizzy when you stand up, and your blood pressure medicines.',
      toDo: `Stand up slowly. Write down your blood pressure each morning until we call you about ${dose}.`,
    },
  });
  r = await call(session, 'reviews:saveRecommendation', {
    id: r.id,
    version: r.version,
    recommendation: {
      problemId: missed.id,
      action: 'educate',
      actor: 'patient',
      medicine: statin,
      detail: 'Statin adherence: pill box and phone alarm',
      talkedAbout: 'Why atorvastatin protects your heart, even when you feel well.',
      toDo: 'Take atorvastatin every night at bedtime. Set a phone alarm for 9 pm.',
    },
  });
  r = await call(session, 'reviews:saveCommunication', {
    id: r.id,
    version: r.version,
    prescriberId: doctor.id,
    method: 'fax',
    sentDate: opts.cmrDate,
    dueDate: opts.cmrDate,
  });
  r = await call(session, 'reviews:timer', { id: r.id, version: r.version, timer: { correctMinutes: 38 } });
  r = await call(session, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: { followUpDate: r.suggestedFollowUp },
  });
  if (!opts.unsigned)
    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 38 });
  return { review: r, patientId: patient.id, prescriberId: doctor.id };
}
