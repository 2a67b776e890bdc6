// The SOAP note drafted from everything the review recorded; the pharmacist edits it before signing.
import { DTP_LABELS, SEVERITY_LABELS } from '../../preload/schemas/checks';
import { formatIsoDate } from '../../preload/schemas/dates';
import {
  ACTOR_LABELS,
  DELIVERY_LABELS,
  RECIPIENT_LABELS,
  OUTCOME_LABELS,
  RECOMMENDATION_LABELS,
  RESOLUTION_LABELS,
  REVIEW_TYPE_LABELS,
} from '../../preload/schemas/reviews';
import type { ReviewParts, ReviewRow } from './review-parts';

export interface SoapContext {
  age: number;
  sex: string;
  /** "penicillin (hives)"; empty with noKnownAllergies for NKA; empty without it for "not recorded". */
  allergies: string[];
  noKnownAllergies: boolean;
  conditions: string[];
  minutes: number;
}

const list = (items: string[], none: string) => (items.length ? items.join('; ') : none);

export function draftSoapNote(r: ReviewRow, parts: ReviewParts, c: SoapContext): string {
  const when = r.cmr_date ?? r.created_at.slice(0, 10);
  const present = [
    'patient',
    ...(r.caregiver_name
      ? [`${r.caregiver_name}${r.caregiver_relationship ? ` (${r.caregiver_relationship})` : ''}`]
      : []),
  ];
  const subjective = [
    `${REVIEW_TYPE_LABELS[r.type]}${r.delivery_method ? `, ${DELIVERY_LABELS[r.delivery_method].toLowerCase()}` : ''}, on ${formatIsoDate(when)}. Present: ${present.join(', ')}.`,
    ...(r.recipient !== 'beneficiary' ? [`Received by: ${RECIPIENT_LABELS[r.recipient].toLowerCase()}.`] : []),
    ...(r.cognitive_impairment
      ? ['Cognitive impairment noted; the review was conducted with the representative.']
      : []),
    `Concerns: ${r.concerns ?? 'none stated'}.`,
  ];
  const resolved = parts.lines.filter((l) => l.resolution && l.resolution !== 'asListed');
  const objective = [
    `${c.age}-year-old ${c.sex === 'unknown' ? 'patient (sex not recorded)' : c.sex}. Allergies: ${c.allergies.length ? c.allergies.join('; ') : c.noKnownAllergies ? 'no known allergies' : 'not recorded'}.`,
    `Active conditions: ${list(c.conditions, 'none recorded')}.`,
    `Medications reconciled: ${parts.lines.length} (${parts.lines.filter((l) => l.resolution === 'asListed').length} taken as listed).`,
    ...resolved.map(
      (l) =>
        `- ${l.ingredients.join(' + ') || l.entries[0]!.product}: ${RESOLUTION_LABELS[l.resolution!].toLowerCase()}${l.note ? ` (${l.note})` : ''}`,
    ),
  ];
  const assessment = parts.problems.length
    ? parts.problems.map(
        (p, i) =>
          `${i + 1}. ${p.title} — ${DTP_LABELS[p.category]}, ${SEVERITY_LABELS[p.severity].toLowerCase()}: ${p.description}${p.status === 'resolved' ? ` — resolved ${formatIsoDate(p.resolvedOn!)}: ${p.resolution}` : ''}`,
      )
    : ['No drug-therapy problems identified.'];
  const plan = [
    ...parts.plan.map((x, i) => {
      const problem = parts.problems.findIndex((p) => p.id === x.problemId) + 1;
      const who = x.prescriber
        ? `${ACTOR_LABELS.prescriber.toLowerCase()} ${x.prescriber.name}`
        : ACTOR_LABELS[x.actor].toLowerCase();
      const what = `${RECOMMENDATION_LABELS[x.action]}${x.medicine ? ` ${x.medicine}` : ''}`;
      return `${i + 1}. ${what} (problem ${problem}): ${x.detail} — ${who}${x.outcome ? `; ${OUTCOME_LABELS[x.outcome.result].toLowerCase()} ${formatIsoDate(x.outcome.date)}` : ''}.`;
    }),
    ...parts.communications
      .filter((m) => m.sentDate)
      .map(
        (m) =>
          `Sent to ${m.prescriber.name} by ${m.method} on ${formatIsoDate(m.sentDate!)}; response due ${formatIsoDate(m.dueDate!)}.`,
      ),
    `Action-plan items for the patient: ${parts.plan.filter((x) => x.talkedAbout).length}.`,
    ...(r.referrals ? [`Referrals: ${r.referrals}`] : []),
    ...(r.education ? [`Education: ${r.education}`] : []),
    `Follow-up: ${r.follow_up_date ? formatIsoDate(r.follow_up_date) : 'not set'}. Time spent: ${c.minutes} min.`,
  ];
  return [
    ['S', subjective],
    ['O', objective],
    ['A', assessment],
    ['P', plan],
  ]
    .map(([h, lines]) => `${h}:\n${(lines as string[]).join('\n')}`)
    .join('\n\n');
}
