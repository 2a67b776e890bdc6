import { useState } from 'react';
import { formatInstant } from '../../preload/schemas/dates';
import { REVIEW_TYPE_LABELS, STATUS_LABELS } from '../../preload/schemas/reviews';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { Loaded } from '../ui/loaded';
import { startReview } from './start-review';

/** The patient's reviews: start a CMR, TMR or follow-up, or resume one that is open. */
export function ReviewsPanel({ patientId }: { patientId: string }) {
  const reviews = useCall('reviews:forPatient', { patientId });
  const [failure, setFailure] = useState<string | null>(null);
  const start = (type: 'cmr' | 'tmr' | 'followUp') =>
    startReview(patientId, type).catch((e: Error) => setFailure(e.message));
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
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      <Loaded result={reviews} loading={null}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No reviews yet.</p>
          ) : (
            <table className="data-table compact">
              <tbody>
                {list.map((r) => (
                  <tr
                    key={r.id}
                    className="clickable"
                    tabIndex={0}
                    onClick={() => navigate(`/reviews/${r.id}`)}
                    onKeyDown={(e) => e.key === 'Enter' && navigate(`/reviews/${r.id}`)}
                  >
                    <td className="strong">{REVIEW_TYPE_LABELS[r.type]}</td>
                    <td>{STATUS_LABELS[r.status]}</td>
                    <td>
                      {r.pharmacist}, {formatInstant(r.createdAt)}
                      {r.completedAt ? ` – completed ${formatInstant(r.completedAt)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
