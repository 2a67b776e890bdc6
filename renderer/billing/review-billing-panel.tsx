// Billing a signed review: choose the payer, see exactly what the claim would say (codes, units,
// how the minutes were counted, new or established), override with a reason if needed, create it.
import { useState } from 'react';
import { CLAIM_STATUS_LABELS, type ClaimPreview } from '../../preload/schemas/billing';
import { formatIsoDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { SelectField, TextField } from '../ui/field';
import { codesOf, dollars } from './money';

export function ReviewBillingPanel({ reviewId }: { reviewId: string }) {
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
    <section className="panel" aria-labelledby="billing-title">
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
