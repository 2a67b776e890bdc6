// When a fill counts as a medicine the patient takes now: until FILL_GRACE_DAYS after its supply ran out.
import { FILL_GRACE_DAYS } from '../../preload/schemas/checks';
import { DAY_MS } from '../../preload/schemas/dates';

/** SQL condition on the fills table; bind today's ISO date. */
export const CURRENT_FILL_SQL = `date(fill_date, '+' || (days_supply + ${FILL_GRACE_DAYS}) || ' days') >= ?`;

export const isCurrentFill = (fillDate: string, daysSupply: number, today: string) => Date.parse(fillDate) / DAY_MS + daysSupply + FILL_GRACE_DAYS >= Date.parse(today) / DAY_MS;
