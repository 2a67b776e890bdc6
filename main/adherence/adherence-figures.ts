// The adherence half of each patient's population figures: the Star measures below threshold with their PDC, and the
// maintenance refills running late, counted to today over the year's fills. Recomputed only for stale patients
// (see main/population/figures-store.ts).
import type { DataSource } from 'typeorm';
import { isoDaysBefore } from '../../preload/schemas/dates';
import { adherenceMeasure, type AdherenceRule } from '../checks/adherence';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { groupBy } from '../common/group-by';
import { isMaintenanceDrug } from '../medications/vocabulary/bundled';
import { logFailure } from '../common/log';
import { mostOf, refreshStale, stalePatients } from '../population/figures-store';
import { forEachPatientsFills, type WindowFill } from './patient-fills';

export const STAR_RULES = BUNDLED_RULES.filter((r): r is AdherenceRule => r.family === 'adherence');
const LATE_RULE = BUNDLED_RULES.find((r) => r.family === 'lateRefill') as
  { daysLate: number; stoppedAfter: number } | undefined;
/** A refill more than this many days late is on the worklist unless the screen asks otherwise. */
export const DEFAULT_LATE_DAYS = LATE_RULE?.daysLate ?? 7;
/** Later than this, the medicine was most likely stopped: not an adherence call. */
const STOPPED_AFTER = LATE_RULE?.stoppedAfter ?? 90;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** A Star measure below its threshold (rule id, PDC 0–1), as stored in pdc_reasons. */
export type PdcReason = { ruleId: string; pdc: number };
/** A maintenance medicine whose last supply ran out `days` days ago, as stored in late_refills. */
export type LateRefill = { drug: string; days: number };

/** Days the last fill's supply has been out, for a drug filled at least twice; null when not late. */
export function daysLate(own: WindowFill[], today: string): number | null {
  if (own.length < 2) return null;
  const last = own[own.length - 1]!;
  const out = dayOf(today) - dayOf(last.date) - last.daysSupply;
  return out > 0 ? out : null;
}

const COLUMNS = [
  'adherence_as_of',
  'star_measures_below',
  'lowest_pdc',
  'pdc_reasons',
  'most_days_late',
  'late_refills',
] as const;

function figuresOf(patientId: string, own: WindowFill[], diseases: Set<string>, today: string): unknown[] {
  const since = isoDaysBefore(today, 364);
  const below: PdcReason[] = [];
  for (const rule of STAR_RULES) {
    const m = adherenceMeasure(rule, own, diseases, since, today);
    if (m && m.pdc < rule.threshold) below.push({ ruleId: rule.id, pdc: m.pdc });
  }
  const late: LateRefill[] = [];
  for (const [drug, drugFills] of groupBy(own, (f) => f.ingredient)) {
    const days = daysLate(drugFills, today);
    if (days !== null && days <= STOPPED_AFTER && isMaintenanceDrug(drug)) late.push({ drug, days });
  }
  late.sort((a, b) => b.days - a.days);
  return [
    patientId,
    today,
    below.length,
    below.length ? Math.min(...below.map((b) => b.pdc)) : null,
    JSON.stringify(below),
    late[0]?.days ?? null,
    JSON.stringify(late),
  ];
}

/**
 * Brings living patients' adherence figures up to `today`, computing only the stale ones — at most `atMost` of them,
 * so a background pass can work in slices — and says how many are still stale.
 */
export function refreshAdherenceFigures(
  db: DataSource,
  today: string,
  atMost = Infinity,
  stale?: Awaited<ReturnType<typeof stalePatients>>,
): Promise<number> {
  return refreshStale(
    db,
    'adherence',
    today,
    COLUMNS,
    async (ids, living) => {
      const rows = new Map<string, unknown[]>();
      await forEachPatientsFills(
        db,
        isoDaysBefore(today, 364),
        today,
        (patient, own, diseases) => rows.set(patient, figuresOf(patient, own, diseases, today)),
        mostOf(ids, living) ? undefined : ids,
      );
      // Patients without fills in the year are on no list, and current too.
      return ids.map((id) => rows.get(id) ?? figuresOf(id, [], new Set(), today));
    },
    { atMost, stale },
  );
}

/** Patients per slice of the background pass: a slice is a fraction of a second at 20 000 patients. */
const SLICE = 1000;
const inBackground = new WeakMap<DataSource, Promise<void>>();

/**
 * The figures brought up to today a slice at a time, yielding between slices so other requests are answered
 * meanwhile; one pass per database at a time, and callers that need current figures wait for the running one.
 */
export function refreshInBackground(db: DataSource, today: string, slice = SLICE): Promise<void> {
  let pass = inBackground.get(db);
  if (!pass) {
    pass = (async () => {
      while ((await refreshAdherenceFigures(db, today, slice)) > 0) await new Promise(setImmediate);
    })().finally(() => inBackground.delete(db));
    inBackground.set(db, pass);
  }
  return pass;
}

/**
 * For Today, which must answer at once: when many figures are stale (the first visit of a day) it starts the
 * background pass and says so, leaving the figures of the day before in place meanwhile; a few are brought up to
 * date at once.
 */
export async function figuresForToday(db: DataSource, today: string, slice = SLICE): Promise<{ updating: boolean }> {
  if (!inBackground.has(db)) {
    const stale = await stalePatients(db, 'adherence', today);
    if (stale.ids.length <= slice) return (await refreshAdherenceFigures(db, today, slice, stale), { updating: false });
  }
  refreshInBackground(db, today, slice).catch((err: unknown) => logFailure('population figures', err));
  return { updating: true };
}
