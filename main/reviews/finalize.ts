// What stops a review from being finalized, step by step, in the pharmacist's words. The screen
// shows the same list on the step indicator, so nothing is a surprise at sign-off.
import { lineWithStrength } from './plan-medicines';
import type { ReviewParts, ReviewRow } from './review-parts';

export type Missing = { step: number; message: string };

/**
 * Medicines the patient still takes with no reason on the medication list. The CMR's Personal Medication List
 * prints "Why I use it" for each, so a CMR cannot be signed with one blank; a TMR or follow-up is only warned.
 */
function withoutReason(parts: ReviewParts): Missing[] {
  return parts.lines
    .filter((l) => l.resolution !== 'stopped' && l.resolution !== 'notTaking' && !l.reason)
    .map((l) => ({
      step: 1,
      message: `Give the reason for ${lineWithStrength(l)} (it prints on the medication list)`,
    }));
}

/**
 * Recommendations not recorded as sent yet. The prescriber's communication has a life of its own after sign-off
 * (sent, then answered or not), so it does not hold up signing; the pharmacist is only reminded.
 */
const notSent = (parts: ReviewParts): Missing[] =>
  parts.communications
    .filter((c) => !c.sentDate)
    .map((c) => ({
      step: 4,
      message: `The recommendations for ${c.prescriber.name} are not recorded as sent yet: they can go out after signing (printing or saving the fax records it)`,
    }));

export const warningsBeforeSigning = (r: ReviewRow, parts: ReviewParts): Missing[] => [
  ...(r.type === 'cmr' ? [] : withoutReason(parts)),
  ...notSent(parts),
];

export function missingToFinalize(r: ReviewRow, parts: ReviewParts): Missing[] {
  const missing: Missing[] = [];
  const need = (step: number, message: string) => missing.push({ step, message });
  if (!r.delivery_method) need(1, 'How the review was delivered (in person, telephone, video)');
  if (r.type === 'cmr' && !r.cmr_date) need(1, 'The CMR date');
  if (r.recipient === 'caregiver' && !r.caregiver_name) need(1, 'The name of the caregiver who received the review');
  for (const l of parts.lines.filter((x) => !x.resolution))
    need(1, `Reconciliation: ${l.ingredients.join(' + ') || l.entries[0]!.product} is not resolved`);
  if (r.type === 'cmr') missing.push(...withoutReason(parts));
  if (!r.problems_confirmed_at) need(2, 'Confirm the drug-therapy problem list');
  else if (parts.problems.some((p) => p.createdAt > r.problems_confirmed_at!))
    need(2, 'Problems were added after the list was confirmed: confirm it again');
  for (const p of parts.problems.filter(
    (x) =>
      x.status === 'open' && !parts.plannedBefore.includes(x.id) && !parts.plan.some((rec) => rec.problemId === x.id),
  ))
    need(3, `Problem "${p.title}" has no plan`);
  if (!r.follow_up_date) need(5, 'The next follow-up date');
  return missing;
}
