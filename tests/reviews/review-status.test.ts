import { describe, expect, it } from 'vitest';
import { allowedActions, transition } from '../../main/reviews/review-status';
import { REVIEW_ACTIONS, REVIEW_STATUSES } from '../../preload/schemas/reviews';

describe('review state machine', () => {
  it('moves draft → in progress ⇄ awaiting prescriber → completed', () => {
    expect(transition('draft', 'start')).toBe('inProgress');
    expect(transition('inProgress', 'awaitPrescriber')).toBe('awaitingPrescriber');
    expect(transition('awaitingPrescriber', 'resume')).toBe('inProgress');
    expect(transition('awaitingPrescriber', 'complete')).toBe('completed');
    expect(transition('inProgress', 'complete')).toBe('completed');
  });

  it('refuses every other transition with a reason, and nothing leaves completed', () => {
    const legal = new Set([
      'draft:start',
      'inProgress:awaitPrescriber',
      'inProgress:complete',
      'awaitingPrescriber:resume',
      'awaitingPrescriber:complete',
    ]);
    for (const status of REVIEW_STATUSES) {
      for (const action of REVIEW_ACTIONS) {
        if (legal.has(`${status}:${action}`)) continue;
        expect(() => transition(status, action), `${status} + ${action}`).toThrow(/Cannot/);
      }
    }
    expect(() => transition('draft', 'complete')).toThrow(
      'Cannot complete a review that is draft. From "Draft" you can start the review.',
    );
    expect(() => transition('completed', 'resume')).toThrow(/read-only; add a dated addendum/);
    expect(allowedActions('completed')).toEqual([]);
  });
});
