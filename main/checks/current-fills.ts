// When a fill counts as a medicine the patient takes now: until FILL_GRACE_DAYS after its supply ran out.
import { FILL_GRACE_DAYS } from '../../preload/schemas/checks';
import { isoDaysBefore } from '../../preload/schemas/dates';
import { addDays } from '../db/dialect';
import { sql, type Sql } from '../db/sql';

/** SQL condition on the fills table: the fill is still current on `today` (an ISO date). */
export const currentFillOn = (today: string): Sql =>
  sql`${addDays(sql`fill_date`, sql`days_supply + ${FILL_GRACE_DAYS}`)} >= ${today}`;

// The earliest fill date still current, per day and supply: ISO dates then compare as strings.
const cutoffs = new Map<string, string>();
export function isCurrentFill(fillDate: string, daysSupply: number, today: string): boolean {
  const k = `${today}|${daysSupply}`;
  let from = cutoffs.get(k);
  if (from === undefined) {
    if (cutoffs.size > 5_000) cutoffs.clear();
    cutoffs.set(k, (from = isoDaysBefore(today, daysSupply + FILL_GRACE_DAYS)));
  }
  return fillDate >= from;
}
