import { useState } from 'react';
import { REVIEW_TYPE_LABELS, STATUS_LABELS } from '../../preload/schemas/reviews';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { startReview } from './start-review';

/** The patient's reviews: start a CMR, TMR or follow-up, or resume one that is open. */
export function ReviewsPanel({ patientId }: { patientId: string }) {
  const { data: reviews, error } = useCall('reviews:forPatient', { patientId });
  const [failure, setFailure] = useState<string | null>(null);
  const start = (type: 'cmr' | 'tmr' | 'followUp') => startReview(patientId, type).catch((e: Error) => setFailure(e.message));
  return (
    <section className="panel" aria-labelledby="reviews-title">
      <div className="panel-head">
        <h2 id="reviews-title">Reviews</h2>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void start('cmr')}>
            Start CMR
          </button>
          <button type="button" onClick={() => void start('tmr')}>
            Start TMR
          </button>
          <button type="button" onClick={() => void start('followUp')}>
            Start follow-up
          </button>
        </div>
      </div>
      {(failure ?? error) && <div className="alert alert-error" role="alert">{failure ?? error}</div>}
      {reviews && reviews.length === 0 && <p className="muted">No reviews yet.</p>}
      {reviews && reviews.length > 0 && (
        <table className="data-table compact">
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id} className="clickable" tabIndex={0} onClick={() => navigate(`/reviews/${r.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/reviews/${r.id}`)}>
                <td className="strong">{REVIEW_TYPE_LABELS[r.type]}</td>
                <td>{STATUS_LABELS[r.status]}</td>
                <td>
                  {r.pharmacist}, {new Date(r.createdAt).toLocaleDateString()}
                  {r.completedAt ? ` – completed ${new Date(r.completedAt).toLocaleDateString()}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
