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
import { reasonInWords } from '../../preload/schemas/clinical';
import { todayIso } from '../../preload/schemas/dates';

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
  howIUse: string;
  whyIUse: string;
  prescriber: string;
  started: string | null;
}

export interface ReviewDocumentData {
  preparedOn: string;
  /** The patient's preferred language when it is one the documents print in, else English. */
  language: Language;
  pharmacy: Letterhead;
  settings: DocumentSettings;
  patient: PatientDetail;
  review: Review;
  /** Who signs: the review's signer, or the pharmacist preparing an unsigned draft. */
  pharmacist: string;
  medications: PmlEntry[];
}

type ListedColumn = 'source' | 'product' | 'strength' | 'sig' | 'indication' | 'start_date';
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
function directionsFor(sig: string | null | undefined, language: Language): string {
  if (!sig?.trim()) return '';
  const t = translateSig(sig);
  if (t.complete) return t[language];
  return /[a-z]/.test(sig) ? sig : '';
}

/** What the patient takes now, one row per reconciliation line they still take, with the details the list knows. */
async function pmlEntries(db: DataSource, review: Review, language: Language): Promise<PmlEntry[]> {
  const listed = await all<ListedRow>(
    db,
    sql`SELECT m.source, m.product, m.strength, m.sig, m.indication, m.start_date, ${PRESCRIBER_NAME_SQL} AS prescriber
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
      const name = [
        entry.product,
        entry.strength && !entry.product.toLowerCase().includes(entry.strength.toLowerCase()) ? entry.strength : null,
      ]
        .filter(Boolean)
        .join(' ');
      const fill = l.entries.find((e) => e.source === 'pharmacyFill');
      return {
        medication: name,
        howIUse: directionsFor(entry.sig, language),
        // A code is printed as its plain name, never as the code; an unknown code leaves the line to write on.
        whyIUse: row?.indication ? (reasonInWords(row.indication, language) ?? '') : '',
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
