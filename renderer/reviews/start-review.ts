import type { Review } from '../../preload/schemas/reviews';
import { BridgeFailure, call } from '../api/bridge';
import { navigate } from '../app/use-hash-route';

/** Opens a new review of the type, or the one of that type already open for the patient, and goes to it. */
export async function startReview(patientId: string, type: Review['type']): Promise<void> {
  try {
    navigate(`/reviews/${(await call('reviews:create', { patientId, type })).id}`);
  } catch (e) {
    const open =
      e instanceof BridgeFailure && e.error.code === 'conflict'
        ? (await call('reviews:forPatient', { patientId })).find((r) => r.type === type && r.status !== 'completed')
        : undefined;
    if (!open) throw e;
    navigate(`/reviews/${open.id}`);
  }
}
