// The eligibility screen's worklist: the whole-pharmacy screening (main/eligibility/screening.ts), narrowed to a view
// and a search (name or date of birth, as the patient search reads it), ranked, and cut to one page.
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  STATUS_LABELS,
  type ScreenedPatient,
  type ScreeningPage,
  type ScreeningSort,
  type ScreeningView,
  type screeningRequest,
} from '../../preload/schemas/eligibility';
import { all, sql } from '../db/sql';
import { interpretQuery } from '../patients/patient-search';
import { screenPatients } from './screening';

const RESULT_ORDER: Record<ScreenedPatient['result'], number> = {
  eligible: 0,
  thresholdNotSet: 1,
  checkCost: 2,
  close: 3,
  notEligible: 4,
};
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dueOf = (p: ScreenedPatient) => p.enrollment.cmrOfferDueDate ?? '9999-12-31';

const IN_VIEW: Record<ScreeningView, (p: ScreenedPatient) => boolean> = {
  worklist: (p) => p.result !== 'notEligible',
  all: () => true,
  eligible: (p) => p.result === 'eligible',
  close: (p) => p.result === 'close',
  programme: (p) => p.enrollment.status !== 'none',
  offersDue: (p) => p.enrollment.cmrOfferDueDate !== null,
};

/** Each order; ties go to the CMR offer due soonest, then the name and date of birth. */
const SORTS: Record<ScreeningSort, (a: ScreenedPatient, b: ScreenedPatient) => number> = {
  result: (a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result],
  due: (a, b) => byText(dueOf(a), dueOf(b)),
  name: () => 0,
  diseases: (a, b) => b.diseases.length - a.diseases.length,
  drugs: (a, b) => b.maintenanceDrugs.length - a.maintenanceDrugs.length,
  cost: (a, b) => (b.annualCost ?? -1) - (a.annualCost ?? -1),
  status: (a, b) => byText(STATUS_LABELS[a.enrollment.status], STATUS_LABELS[b.enrollment.status]),
};

export async function screeningPage(db: DataSource, req: z.output<typeof screeningRequest>): Promise<ScreeningPage> {
  const started = performance.now();
  const result = await screenPatients(db, req.contractYear, req.asOf);
  const where = interpretQuery(req.search ?? '').where;
  const found = where.length
    ? new Set(
        (
          await all<{ id: string }>(
            db,
            sql`SELECT p.id FROM patients p WHERE ${sql.join([sql`p.deleted_at IS NULL`, ...where], ' AND ')}`,
          )
        ).map((r) => r.id),
      )
    : null;
  const order = SORTS[req.sort];
  // Each name lower-cased once, not at every comparison (thousands of rows at a busy pharmacy).
  const nameKey = new Map(result.patients.map((p) => [p, p.name.toLowerCase()]));
  const rows = result.patients
    .filter((p) => IN_VIEW[req.view](p) && (!found || found.has(p.patientId)))
    .sort(
      (a, b) =>
        order(a, b) ||
        byText(dueOf(a), dueOf(b)) ||
        byText(nameKey.get(a)!, nameKey.get(b)!) ||
        byText(a.dateOfBirth, b.dateOfBirth),
    );
  return {
    ...result,
    patients: rows.slice(req.offset, req.offset + req.limit),
    total: rows.length,
    offset: req.offset,
    limit: req.limit,
    offersDue: result.patients.filter(IN_VIEW.offersDue).length,
    elapsedMs: Math.round(performance.now() - started),
  };
}
