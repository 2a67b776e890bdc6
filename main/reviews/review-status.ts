// The review's state machine: draft → in progress ⇄ awaiting prescriber → completed. A completed
// review is read-only (it takes dated addenda only), so nothing leaves "completed".
import { STATUS_LABELS, type ReviewAction, type ReviewStatus } from '../../preload/schemas/reviews';
import { AppError } from '../common/errors';

const TRANSITIONS: Record<ReviewStatus, Partial<Record<ReviewAction, ReviewStatus>>> = {
  draft: { start: 'inProgress' },
  inProgress: { awaitPrescriber: 'awaitingPrescriber', complete: 'completed' },
  awaitingPrescriber: { resume: 'inProgress', complete: 'completed' },
  completed: {},
};

const ACTION_WORDS: Record<ReviewAction, string> = {
  start: 'start',
  awaitPrescriber: 'wait for the prescriber on',
  resume: 'resume',
  complete: 'complete',
};

export const allowedActions = (status: ReviewStatus): ReviewAction[] =>
  Object.keys(TRANSITIONS[status]) as ReviewAction[];

/** The status an action leads to, or a conflict that says why it cannot be taken now. */
export function transition(status: ReviewStatus, action: ReviewAction): ReviewStatus {
  const next = TRANSITIONS[status][action];
  if (next) return next;
  const why =
    status === 'completed'
      ? 'A completed review is read-only; add a dated addendum instead.'
      : `From "${STATUS_LABELS[status]}" you can ${allowedActions(status)
          .map((a) => ACTION_WORDS[a])
          .join(' or ')} the review.`;
  throw new AppError(
    'conflict',
    `Cannot ${ACTION_WORDS[action]} a review that is ${STATUS_LABELS[status].toLowerCase()}. ${why}`,
  );
}
