// The CMS targeting reason and the CMR offer's due date: pure rules other code (the screening, the
// Today list, the CMS MTM data elements export) calls, with the figures from resources/regulatory.
import { isoDaysBefore } from '../../preload/schemas/dates';
import { CMR_OFFER_DAYS, type TargetingReason } from '../../preload/schemas/eligibility';

/**
 * The reason code CMS asks for (ResDAC TARG_CRITERIA_MET_REASON, 2022 on) for a member in a contract year:
 * '01' meets the year's criteria (diseases, drugs and cost), '02' at risk in the plan's drug management
 * programme (DMP), '03' both, '04' neither (the plan enrolled them anyway).
 *
 * `meetsCriteria` is true when all three criteria are met, false when any one is not, and null when that
 * cannot be judged (the year has no cost threshold, or no fill has a cost) while the disease and drug tests
 * are met. The answer is then null too, since 01/03 cannot be told from 04/02: a caller must not guess.
 */
export function targetingReason(t: { meetsCriteria: boolean | null; dmpAtRisk: boolean }): TargetingReason | null {
  if (t.meetsCriteria === null) return null;
  if (t.meetsCriteria) return t.dmpAtRisk ? '03' : '01';
  return t.dmpAtRisk ? '02' : '04';
}

/**
 * The date a member's CMR offer is due: CMR_OFFER_DAYS (60, CMS guidance) after the enrolment date, as a
 * calendar date (the pharmacy's local dates in, a local date out; no time of day involved).
 */
export const cmrOfferDueDate = (enrolledIso: string): string => isoDaysBefore(enrolledIso, -CMR_OFFER_DAYS);
