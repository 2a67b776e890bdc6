// Which MTM CPT codes a review's minutes support, under the payer's unit rule, with the
// computation spelled out for the pharmacist. Rules and codes: resources/billing/mtm-billing.json.
import billing from '../../resources/billing/mtm-billing.json';

export type UnitRule = keyof typeof billing.unitRules;
export const UNIT_RULES = Object.keys(billing.unitRules) as UnitRule[];
const BLOCK = billing.cpt.blockMinutes;
const code = (role: string) => billing.cpt.codes.find((c) => c.role === role)!.code;

export interface CodedService {
  lines: { code: string; units: number }[];
  units: number;
  /** The computation in words, shown before a claim is made. */
  explanation: string;
}

/** Units of time the minutes reach: full blocks, or (midpoint rule) a block once past its half. */
export function timeUnits(minutes: number, rule: UnitRule): number {
  if (rule === 'whole') return Math.floor(minutes / BLOCK);
  return minutes * 2 > BLOCK ? Math.floor((minutes + Math.floor(BLOCK / 2)) / BLOCK) : 0;
}

export function codeService(minutes: number, rule: UnitRule, established: boolean): CodedService {
  const units = timeUnits(minutes, rule);
  const first = code(established ? 'initialEstablished' : 'initialNew');
  const lines =
    units === 0
      ? []
      : [{ code: first, units: 1 }, ...(units > 1 ? [{ code: code('additional'), units: units - 1 }] : [])];
  const r = billing.unitRules[rule];
  const explanation =
    units === 0
      ? `${minutes} minutes does not reach one billable unit (${r.label}: ${r.explain})`
      : `${minutes} minutes = ${units} unit${units === 1 ? '' : 's'} (${r.label}: ${r.explain}) → ${first} × 1 (${established ? 'established' : 'new'} patient)${units > 1 ? ` + ${code('additional')} × ${units - 1}` : ''}.`;
  return { lines, units, explanation };
}
