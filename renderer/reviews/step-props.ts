import type { Review } from '../../preload/schemas/reviews';
import type { call } from '../api/bridge';

export type Changes = Parameters<typeof call<'reviews:update'>>[1]['changes'];

/** What every step of the review gets: the review, and the two ways to change it (queued on the latest version). */
export interface StepProps {
  review: Review;
  readOnly: boolean;
  update: (changes: Changes) => Promise<void>;
  save: (work: (r: Review) => Promise<Review>) => Promise<void>;
  /** Like save, but a refusal goes back to the form that asked (to show against its fields). */
  submitChange: (work: (r: Review) => Promise<Review>) => Promise<void>;
}
