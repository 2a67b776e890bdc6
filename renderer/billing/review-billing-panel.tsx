// Billing a signed review: choose the payer, see exactly what the claim would say (codes, units,
// how the minutes were counted, new or established), override with a reason if needed, create it. A claim made
// before the minutes were corrected says so: one never sent can be voided and coded again; one the payer has is
// left as it is, for the pharmacist to correct with the payer.
import { useEffect, useRef, useState } from 'react';
import { CLAIM_STATUS_LABELS, type Claim, type ClaimPreview } from '../../preload/schemas/billing';
import type { Review } from '../../preload/schemas/reviews';
import { formatIsoDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { SelectField, TextField } from '../ui/field';
import { codesOf, dollars } from './money';
import { PlanWarning } from './claim-problems';

/** A live claim coded from other minutes than the review now bills. */
const staleMinutes = (c: Claim, minutes: number | null) =>
  c.minutes !== minutes && c.frequency !== '8' && !['denied', 'rejected', 'voided'].includes(c.status);
const neverSent = (c: Claim) => c.status === 'draft' || c.status === 'ready';

export function ReviewBillingPanel({
  review,
  takeFocus,
}: {
  review: Pick<Review, 'id' | 'faceToFaceMinutes'>;
  /** Just made after the minutes were corrected: the focus comes here once the claims are read, to bill them. */
  takeFocus: boolean;
}) {
  const reviewId = review.id;
  const box = useRef<HTMLElement>(null);
  const focused = useRef(false);
  const setup = useCall('billing:setup', {});
  const claims = useCall('claims:list', { reviewId });
  const [payerId, setPayerId] = useState('');
  const [preview, setPreview] = useState<ClaimPreview | null>(null);
  const [override, setOverride] = useState<{ value: boolean; reason: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const payers = (setup.data?.payers ?? []).filter((p) => p.active);
  const request = (established = override) => ({
    reviewId,
    payerId,
    ...(established && established.reason.trim() ? { established } : {}),
  });
  const show = async (id: string) => {
    setPayerId(id);
    setPreview(null);
    setOverride(null);
    setError(null);
    if (id) await call('claims:preview', { reviewId, payerId: id }).then(setPreview, (e: Error) => setError(e.message));
  };
  const recode = async (c: Claim) => {
    setError(null);
    try {
      await call('claims:act', { id: c.id, version: c.version, action: 'void' });
      claims.reload();
      await show(c.payerId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const stale = (claims.data ?? []).filter((c) => staleMinutes(c, review.faceToFaceMinutes));
  const billed = (claims.data ?? []).some(
    (c) => c.status !== 'voided' && c.status !== 'denied' && c.status !== 'rejected',
  );
  // The payer the patient's plan names, chosen for the pharmacist when there is one (and nothing is billed yet).
  useEffect(() => {
    if (!claims.data || billed || payerId || !review.faceToFaceMinutes) return;
    call('claims:preview', { reviewId }).then(
      (p) => {
        setPayerId(p.payerId);
        setPreview(p);
      },
      () => undefined, // no payer to default to: the pharmacist chooses
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the claims are known
  }, [claims.data]);
  // A claim to code again first, else the payer to bill.
  useEffect(() => {
    if (!takeFocus || focused.current || !claims.data || !setup.data) return;
    focused.current = true;
    box.current?.querySelector<HTMLElement>('.alert button, select')?.focus();
  }, [takeFocus, claims.data, setup.data]);
  const create = async () => {
    setError(null);
    try {
      await call('claims:create', request());
      setPreview(null);
      setPayerId('');
      claims.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="billing-title" ref={box}>
      <h2 id="billing-title">Billing</h2>
      {claims.data && claims.data.length > 0 && (
        <table className="data-table compact">
          <tbody>
            {claims.data.map((c) => (
              <tr key={c.id}>
                <td className="strong">{c.claimNumber}</td>
                <td>{c.payerName}</td>
                <td>{codesOf(c.lines)}</td>
                <td>{dollars(c.totalCents)}</td>
                <td>
                  <span className="tag">{CLAIM_STATUS_LABELS[c.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stale.map((c) => (
        <div key={c.id} className="alert alert-warning" role="status">
          Claim {c.claimNumber} was coded from {c.minutes} minutes; the review now bills {review.faceToFaceMinutes}{' '}
          minutes.{' '}
          {neverSent(c) ? (
            <button type="button" onClick={() => void recode(c)}>
              Void {c.claimNumber} and code it again
            </button>
          ) : (
            `It is ${CLAIM_STATUS_LABELS[c.status].toLowerCase()} and was not changed: if the payer must know, correct it with them (Billing → Claims).`
          )}
        </div>
      ))}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {setup.data && !payers.length && (
        <p className="muted">No payers are set up yet: an administrator adds them under Billing → Set-up.</p>
      )}
      {payers.length > 0 && (
        <div className="form-grid">
          <SelectField
            label="Bill to"
            value={payerId}
            onChange={(v) => void show(v)}
            options={[
              { value: '', label: 'Choose the payer…' },
              ...payers.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        </div>
      )}
      {preview && (
        <div className="claim-preview" aria-label="Claim preview">
          <p className="strong">
            {[
              codesOf(preview.lines),
              dollars(preview.totalCents),
              `service date ${formatIsoDate(preview.serviceDate)}`,
              `diagnoses ${preview.diagnoses.join(', ')}`,
            ].join(' · ')}
          </p>
          <p>{preview.explanation}</p>
          {preview.planWarning && <PlanWarning text={preview.planWarning} />}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={override !== null}
              onChange={(e) =>
                setOverride(e.target.checked ? { value: !preview.computedEstablished, reason: '' } : null)
              }
            />
            Bill as {preview.computedEstablished ? 'a new' : 'an established'} patient instead (the pharmacy’s history
            says {preview.computedEstablished ? 'established' : 'new'})
          </label>
          {override && (
            <TextField
              label="Why"
              value={override.reason}
              onChange={(reason) => setOverride({ ...override, reason })}
              placeholder="e.g. seen at our other location in the last three years"
            />
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={Boolean(override && !override.reason.trim())}
              onClick={() => void create()}
            >
              Create claim
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
