import type { Review } from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { navigate } from '../app/use-hash-route';

/** Opens a new review of the type and goes to it; the error (e.g. one already open) is the caller's to show. */
export async function startReview(patientId: string, type: Review['type']): Promise<void> {
  const review = await call('reviews:create', { patientId, type });
  navigate(`/reviews/${review.id}`);
}
