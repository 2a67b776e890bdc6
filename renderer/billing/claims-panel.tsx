// Claims by service date, payer and status, each moved along by what the clearinghouse and the
// remittance say: submitted, paid (amount and date), denied or rejected (reason), corrected, voided.
import { useState, type MouseEvent } from 'react';
import {
  actionsFor,
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  type Claim,
  type ClaimAction,
  type ClaimStatus,
  type Payer,
} from '../../preload/schemas/billing';
import { formatIsoDate, parseUsDate, todayIso } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { RowActions } from '../ui/row-actions';
import { useForm } from '../ui/use-form';
import { codesOf, dollars } from './money';
import { PlanWarning } from './claim-problems';

type Action = ClaimAction;
const ACTION_LABELS: Record<Action, string> = {
  ready: 'Ready',
  submitted: 'Submitted',
  paid: 'Paid…',
  denied: 'Denied…',
  rejected: 'Rejected…',
  replace: 'Correct',
  void: 'Void',
  payerNumber: 'Payer’s no.…',
};

function openReview(click: MouseEvent, reviewId: string) {
  click.preventDefault();
  navigate(`/reviews/${reviewId}`);
}

export function ClaimsPanel({
  payers,
  range,
  onChanged,
}: {
  payers: Payer[];
  range: { from: string; to: string };
  onChanged: () => void;
}) {
  const [payerId, setPayerId] = useState('');
  const [status, setStatus] = useState('');
  const claims = useCall('claims:list', {
    from: range.from,
    to: range.to,
    ...(payerId ? { payerId } : {}),
    ...(status ? { status: status as ClaimStatus } : {}),
  });
  const [asking, setAsking] = useState<{ claim: Claim; action: Asked } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (c: Claim, action: Action) => {
    // Remittance results need their details; correcting or voiding an adjudicated claim needs the payer's number.
    const adjudicated = c.status === 'paid' || c.status === 'denied';
    if (
      action === 'paid' ||
      action === 'denied' ||
      action === 'rejected' ||
      action === 'payerNumber' ||
      ((action === 'replace' || action === 'void') && adjudicated && !c.payerClaimNumber)
    )
      return setAsking({ claim: c, action });
    setError(null);
    await call('claims:act', { action, id: c.id, version: c.version }).then(
      () => {
        claims.reload();
        onChanged();
      },
      (e: Error) => setError(e.message),
    );
  };
  return (
    <section className="panel" aria-labelledby="claims-title">
      <div className="panel-head">
        <h2 id="claims-title">
          Claims{' '}
          <span className="count-note">
            {claims.data
              ? `${claims.data.length} · ${dollars(claims.data.reduce((s, c) => s + c.totalCents, 0))} billed · ${dollars(claims.data.reduce((s, c) => s + (c.paidCents ?? 0), 0))} paid`
              : ''}
          </span>
        </h2>
      </div>
      <div className="form-grid">
        <SelectField
          label="Payer"
          value={payerId}
          onChange={setPayerId}
          options={[{ value: '', label: 'All payers' }, ...payers.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: 'Any status' },
            ...CLAIM_STATUSES.map((s) => ({ value: s, label: CLAIM_STATUS_LABELS[s] })),
          ]}
        />
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {asking && (
        <RemittanceForm
          {...asking}
          onDone={() => {
            setAsking(null);
            claims.reload();
            onChanged();
          }}
        />
      )}
      <Loaded result={claims} loading={null}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No claims with service dates in this range.</p>
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>Claim</th>
                  <th>Patient</th>
                  <th>Service</th>
                  <th>Payer</th>
                  <th>Codes</th>
                  <th>Charge</th>
                  <th>Status</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td className="strong nowrap">
                      {c.claimNumber}
                      {c.frequency !== '1' && (
                        <span className="tag">{c.frequency === '7' ? 'Correction' : 'Void'}</span>
                      )}
                    </td>
                    <td>
                      <a href={`#/reviews/${c.reviewId}`} onClick={(e) => openReview(e, c.reviewId)}>
                        {c.patientName}
                      </a>
                    </td>
                    <td className="nowrap">{formatIsoDate(c.serviceDate)}</td>
                    <td>
                      {c.payerName}
                      {c.planWarning && <PlanWarning text={c.planWarning} />}
                    </td>
                    <td title={c.explanation}>{codesOf(c.lines)}</td>
                    <td>{dollars(c.totalCents)}</td>
                    <td>
                      <span className="tag">{CLAIM_STATUS_LABELS[c.status]}</span>
                      {c.paidCents !== null && (
                        <div className="muted small">
                          {dollars(c.paidCents)} on {formatIsoDate(c.paidDate!)}
                        </div>
                      )}
                      {c.denialReason && <div className="muted small">{c.denialReason}</div>}
                      {c.payerClaimNumber && <div className="muted small">Payer’s no. {c.payerClaimNumber}</div>}
                    </td>
                    <RowActions>
                      {actionsFor(c.status)
                        .filter((a) => a !== 'payerNumber' || !c.payerClaimNumber)
                        .map((a) => (
                          <button key={a} type="button" className="link" onClick={() => void act(c, a)}>
                            {ACTION_LABELS[a]}
                          </button>
                        ))}
                    </RowActions>
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

type Asked = 'paid' | 'denied' | 'rejected' | 'replace' | 'void' | 'payerNumber';
const SUBMIT_LABELS: Record<Asked, string> = {
  paid: 'Record payment',
  denied: 'Record',
  rejected: 'Record',
  replace: 'Correct claim',
  void: 'Void claim',
  payerNumber: 'Record number',
};

function RemittanceForm({ claim, action, onDone }: { claim: Claim; action: Asked; onDone: () => void }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    amount: (claim.totalCents / 100).toFixed(2),
    date: formatIsoDate(todayIso()),
    reason: '',
    payerNumber: claim.payerClaimNumber ?? '',
  });
  const onSubmit = submit(async () => {
    const base = { id: claim.id, version: claim.version };
    const payerClaimNumber = v.payerNumber.trim() || undefined;
    await call(
      'claims:act',
      action === 'paid'
        ? { ...base, action, paidAmount: Number(v.amount), paidDate: parseUsDate(v.date) ?? v.date, payerClaimNumber }
        : action === 'denied'
          ? { ...base, action, reason: v.reason, payerClaimNumber }
          : action === 'rejected'
            ? { ...base, action, reason: v.reason }
            : action === 'payerNumber'
              ? { ...base, action, payerClaimNumber: v.payerNumber.trim() }
              : { ...base, action, payerClaimNumber },
    );
    onDone();
  });
  const payerNumber = (
    <TextField
      label="Payer’s claim number (on the remittance)"
      span={2}
      value={v.payerNumber}
      onChange={set('payerNumber')}
      error={errors.fields.payerClaimNumber}
      hint={
        action === 'paid' || action === 'denied'
          ? 'Needed to correct or void this claim later.'
          : action === 'payerNumber'
            ? 'A correction or void of this claim is exported only under the payer’s number.'
            : `A ${action === 'replace' ? 'correction' : 'void'} names the claim by the payer’s number.`
      }
      autoFocus={action === 'replace' || action === 'void' || action === 'payerNumber'}
    />
  );
  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Claim ${claim.claimNumber} ${action}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <FormAlert message={errors.form} />
      <p className="strong">
        Claim {claim.claimNumber} · {claim.patientName} · {dollars(claim.totalCents)}
      </p>
      <div className="form-grid">
        {action === 'paid' && (
          <>
            <TextField
              label="Amount paid ($)"
              value={v.amount}
              onChange={set('amount')}
              error={errors.fields.paidAmount}
              inputMode="decimal"
              autoFocus
            />
            <TextField
              label="Date paid"
              value={v.date}
              onChange={set('date')}
              error={errors.fields.paidDate}
              placeholder="MM/DD/YYYY"
            />
          </>
        )}
        {(action === 'denied' || action === 'rejected') && (
          <TextField
            label={
              action === 'denied' ? 'Denial reason (from the remittance)' : 'Rejection reason (from the clearinghouse)'
            }
            span={action === 'denied' ? 2 : 4}
            value={v.reason}
            onChange={set('reason')}
            error={errors.fields.reason}
            autoFocus
          />
        )}
        {action !== 'rejected' && payerNumber}
      </div>
      <FormActions submitLabel={SUBMIT_LABELS[action]} busy={busy} onCancel={onDone} />
    </form>
  );
}
