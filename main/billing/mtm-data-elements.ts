// The Part D MTM programme's beneficiary-level data elements for a contract year: one row per patient enrolled in the
// pharmacy's programme that year, from one set-based query plus the year's screening. The columns, their order, formats
// and code sets come from resources/regulatory/mtm-data-elements.json; every value is a code, a date, a count, Y/N or
// an identifier (never free text), and a file with a missing or out-of-set value is refused, naming the patient and
// the field on screen only.
import type { DataSource } from 'typeorm';
import { lastFirst } from '../../preload/person-name';
import type { FieldIssue } from '../../preload/contract';
import { csvTable } from '../../preload/csv';
import { todayIso } from '../../preload/schemas/dates';
import type { ScreenedPatient } from '../../preload/schemas/eligibility';
import { isValidMbi } from '../../preload/schemas/identifiers';
import identifiers from '../../resources/reference/identifiers.json';
import layout from '../../resources/regulatory/mtm-data-elements.json';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { all, sql } from '../db/sql';
import { screenPatients } from '../eligibility/screening';

/** One column of the layout (resources/regulatory/mtm-data-elements.json; a test checks the file keeps this shape). */
export interface ElementField {
  id: string;
  name: string;
  sasName?: string;
  format: 'code' | 'date' | 'count' | 'yn' | 'contract' | 'mbi' | 'name';
  /** CMS code → meaning, for a coded field. */
  codes?: Record<string, string>;
  /** MTM Desk's stored value → CMS code. */
  appCodes?: Record<string, string>;
  required: 'always' | 'whenCmr' | 'whenOptOut' | 'optional';
  /** What to do when the value is missing or wrong (shown with the patient's name). */
  fix?: string;
  /** A key of the layout's sources. */
  source: keyof typeof layout.sources;
}
export type ElementId = string;
export type ElementValue = string | number | null;

/** One beneficiary as the file will say it, with who it is (for the validator's messages on screen only). */
export interface ElementsRecord {
  patient: { lastName: string; firstName: string; dateOfBirth: string };
  values: Record<ElementId, ElementValue>;
}

export const ELEMENT_FIELDS = layout.fields as readonly ElementField[];
const CONTRACT = new RegExp(identifiers.partDContractId.pattern);
const appCodesOf = (id: ElementId): Record<string, string> => ELEMENT_FIELDS.find((x) => x.id === id)?.appCodes ?? {};

/** The CMS code for a CMR delivery method as the review records it (in person, telephone, video). */
export const deliveryCode = (method: string | null): string | null =>
  method === null ? null : (appCodesOf('cmrDeliveryMethod')[method] ?? method);

/**
 * The CMS code for an opt-out reason as the enrollment records it ("request", or "request: a note"): the note is never
 * part of the file.
 */
export const optOutCode = (stored: string | null): string | null => {
  if (stored === null) return null;
  const key = stored.split(':')[0]!.trim();
  return appCodesOf('optOutReason')[key] ?? key;
};

/**
 * The targeting reason code (01 criteria, 02 DMP at-risk, 03 both, 04 none), the one call site for it: the year's
 * screening carries main/eligibility's targetingReason(...) (which knows the plan's drug management programme status);
 * where a screening does not carry it, 02 and 03 cannot be told, so a patient is 01 when eligible on the criteria, else
 * 04. A patient whose criteria cannot be judged (no cost threshold for the year, or no cost) gets no code, and the
 * file is refused until they can be.
 */
export function targetingReasonCode(
  s: (Pick<ScreenedPatient, 'result'> & Partial<Pick<ScreenedPatient, 'targetingReason'>>) | undefined,
): string | null {
  if (!s) return null;
  if (s.targetingReason !== undefined) return s.targetingReason;
  if (s.result === 'checkCost' || s.result === 'thresholdNotSet') return null;
  return s.result === 'eligible' ? '01' : '04';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const us = (iso: string) => (ISO_DATE.test(iso) ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}` : iso);
const empty = (v: ElementValue | undefined) => v === null || v === undefined || v === '';

/** Why a value does not fit its field's format, or null when it does. */
function misfit(f: ElementField, v: string | number): string | null {
  const s = String(v);
  switch (f.format) {
    case 'code': {
      const codes = Object.keys(f.codes ?? {}).sort();
      return codes.includes(s) ? null : `"${s}" is not in the CMS code set (${codes.join(', ')})`;
    }
    case 'date':
      return isDate(s) ? null : `"${s}" is not a date (${layout.dateFormat})`;
    case 'count':
      return Number.isInteger(v) && Number(v) >= 0 ? null : `"${s}" is not a count`;
    case 'yn':
      return s === 'Y' || s === 'N' ? null : `"${s}" is not Y or N`;
    case 'contract':
      return CONTRACT.test(s) ? null : `"${s}" is not a Part D contract number (a letter and 4 digits)`;
    case 'mbi':
      return isValidMbi(s) ? null : 'is not a valid Medicare number (MBI)';
    case 'name':
      return s.trim() && !/[\r\n\t]/.test(s) ? null : 'is not a name';
    default:
      return `has no known format (${String(f.format as string)})`;
  }
}

/** Each missing or out-of-set value of one record, naming the patient (name and date of birth) and the field. */
function recordIssues(r: ElementsRecord): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const who = `${lastFirst(r.patient)} (born ${us(r.patient.dateOfBirth)})`;
  const cmr = !empty(r.values.cmrDate);
  const optedOut = !empty(r.values.optOutDate);
  for (const f of ELEMENT_FIELDS) {
    const v = r.values[f.id];
    const needed =
      f.required === 'always' || (f.required === 'whenCmr' && cmr) || (f.required === 'whenOptOut' && optedOut);
    const forbidden = (f.required === 'whenCmr' && !cmr) || (f.required === 'whenOptOut' && !optedOut);
    const fix = f.fix ? ` ${f.fix}.` : '';
    if (v === undefined || empty(v)) {
      if (needed) issues.push({ field: f.id, message: `${who}: ${f.name} is missing.${fix}` });
      continue;
    }
    if (forbidden) {
      const without = f.required === 'whenCmr' ? 'no CMR date' : 'no opt-out date';
      issues.push({ field: f.id, message: `${who}: ${f.name} is given but there is ${without}.` });
      continue;
    }
    const wrong = misfit(f, v);
    if (wrong) issues.push({ field: f.id, message: `${who}: ${f.name} ${wrong}.${fix}` });
  }
  return issues;
}

/** Every missing or out-of-set value of the file, patient by patient; empty when all fit. */
export const validateElements = (records: readonly ElementsRecord[]): FieldIssue[] => records.flatMap(recordIssues);

/** The file's text: a header of the layout's names, then each record's values in the layout's order. */
export function elementsCsv(records: readonly ElementsRecord[]): string {
  return csvTable(
    ELEMENT_FIELDS.map((f) => f.name),
    records.map((r) => ELEMENT_FIELDS.map((f) => r.values[f.id] ?? null)),
  );
}

type EnrollmentSteps = Pick<
  Row<'mtm_enrollments'>,
  'patient_id' | 'enrolled_date' | 'targeted_date' | 'opt_out_date' | 'opt_out_reason' | 'cmr_offered_date'
>;
/** One beneficiary: enrollment steps, the patient, the year's first CMR (left-joined), counts over the year's reviews. */
type ElementsRow = EnrollmentSteps &
  Pick<Row<'patients'>, 'mbi' | 'last_name' | 'first_name' | 'date_of_birth'> & {
    contract: string | null;
    cmr_date: string | null;
    cmr_delivery: string | null;
    cognitive: number | null;
    summary_sent: string | null;
    tmrs: number;
    first_tmr: string | null;
    recommendations: number;
    changes: number;
  };

/** The contract year's records, before validation. */
export async function elementsRecords(db: DataSource, contractYear: number): Promise<ElementsRecord[]> {
  const [from, to] = [`${contractYear}-01-01`, `${contractYear}-12-31`];
  const rows = await all<ElementsRow>(
    db,
    sql`WITH year_reviews AS (
       SELECT * FROM reviews
       WHERE status = 'completed' AND coalesce(cmr_date, substr(completed_at, 1, 10)) BETWEEN ${from} AND ${to}
     ), cmr AS (
       SELECT patient_id, cmr_date, delivery_method, cognitive_impairment, summary_sent_date,
              row_number() OVER (PARTITION BY patient_id ORDER BY cmr_date) AS n
       FROM year_reviews WHERE type = 'cmr'
     )
     SELECT e.patient_id, p.part_d_contract_id AS contract, p.mbi, p.last_name, p.first_name, p.date_of_birth,
            e.enrolled_date, e.targeted_date, e.opt_out_date, e.opt_out_reason, e.cmr_offered_date,
            coalesce(e.cmr_completed_date, c.cmr_date) AS cmr_date, c.delivery_method AS cmr_delivery,
            c.cognitive_impairment AS cognitive, c.summary_sent_date AS summary_sent,
            (SELECT count(*) FROM year_reviews t WHERE t.patient_id = e.patient_id AND t.type = 'tmr') AS tmrs,
            (SELECT min(coalesce(t.cmr_date, substr(t.completed_at, 1, 10))) FROM year_reviews t
              WHERE t.patient_id = e.patient_id AND t.type = 'tmr') AS first_tmr,
            (SELECT count(*) FROM review_recommendations rr JOIN year_reviews y ON y.id = rr.review_id
              WHERE y.patient_id = e.patient_id AND rr.actor = 'prescriber') AS recommendations,
            (SELECT count(*) FROM review_recommendations rr JOIN year_reviews y ON y.id = rr.review_id
              WHERE y.patient_id = e.patient_id AND rr.actor = 'prescriber'
                AND rr.outcome IN ('accepted', 'modified')) AS changes
     FROM mtm_enrollments e JOIN patients p ON p.id = e.patient_id AND p.deleted_at IS NULL
     LEFT JOIN cmr c ON c.patient_id = e.patient_id AND c.n = 1
     WHERE e.contract_year = ${contractYear} AND e.enrolled_date IS NOT NULL
     ORDER BY p.last_name, p.first_name`,
  );
  const screening = await screenPatients(db, contractYear, to < todayIso() ? to : undefined);
  const screened = new Map(screening.patients.map((s) => [s.patientId, s]));
  return rows.map((r) => ({
    patient: { lastName: r.last_name, firstName: r.first_name, dateOfBirth: r.date_of_birth },
    values: {
      contract: r.contract,
      mbi: r.mbi,
      lastName: r.last_name,
      firstName: r.first_name,
      dateOfBirth: r.date_of_birth,
      targetingReason: targetingReasonCode(screened.get(r.patient_id)),
      cognitivelyImpaired: r.cognitive === null ? null : r.cognitive ? 'Y' : 'N',
      enrollmentDate: r.enrolled_date,
      targetedDate: r.targeted_date,
      optOutDate: r.opt_out_date,
      optOutReason: optOutCode(r.opt_out_reason),
      cmrOfferedDate: r.cmr_offered_date,
      cmrDate: r.cmr_date,
      cmrDeliveryMethod: deliveryCode(r.cmr_delivery),
      summarySentDate: r.summary_sent,
      tmrs: Number(r.tmrs),
      firstTmrDate: r.first_tmr,
      recommendations: Number(r.recommendations),
      changes: Number(r.changes),
    },
  }));
}

export async function mtmDataElements(
  db: DataSource,
  contractYear: number,
): Promise<{ fileName: string; content: string; rows: number }> {
  const records = await elementsRecords(db, contractYear);
  const issues = validateElements(records);
  if (issues.length) {
    // The message is audited: it only counts; the patients are named in the issues, which the screen lists.
    const patients = records.filter((r) => recordIssues(r).length).length;
    throw new AppError(
      'validation',
      `The ${contractYear} file was not written: ${issues.length} value${issues.length === 1 ? ' is' : 's are'} missing or outside the CMS code sets, for ${patients} patient${patients === 1 ? '' : 's'}. Correct them and export again.`,
      undefined,
      issues,
    );
  }
  return { fileName: `mtm-data-elements-${contractYear}.csv`, content: elementsCsv(records), rows: records.length };
}
