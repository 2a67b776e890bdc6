// Step 4: one communication per prescriber, with a life of its own apart from sign-off (prepared → sent → answered
// or no response): recorded as sent when the fax is printed or saved, or here by hand, before or after signing; then
// each recommendation's answer. Referrals and education given.
import { useRef } from 'react';
import {
  COMMUNICATION_LABELS,
  COMMUNICATION_METHODS,
  COMMUNICATION_STATE_LABELS,
  communicationState,
  RESPONSE_DAYS,
  OUTCOME_LABELS,
  OUTCOMES,
  RECOMMENDATION_LABELS,
  type PrescriberCommunication,
  type Recommendation,
} from '../../preload/schemas/reviews';
import { formatIsoDate, isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { formatPhone } from '../../preload/schemas/identifiers';
import { call } from '../api/bridge';
import { useAllowed } from '../app/user-context';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { typedDate } from './review-step';
import { SavedArea } from './saved-fields';
import type { StepProps } from './step-props';

export function InterventionStep(props: StepProps) {
  const { review: r, readOnly, update } = props;
  return (
    <>
      {r.communications.length === 0 && (
        <section className="panel">
          <h2>Prescriber communications</h2>
          <p className="muted">No recommendation in the plan asks a prescriber to act.</p>
        </section>
      )}
      {r.communications.map((c) => (
        <CommunicationPanel
          key={c.prescriber.id}
          {...props}
          communication={c}
          recommendations={r.plan.filter((x) => c.recommendationIds.includes(x.id))}
        />
      ))}
      <section className="panel two-col" aria-label="Referrals and education">
        <div>
          <h2>Referrals</h2>
          <SavedArea
            label="Referrals"
            rows={3}
            value={r.referrals}
            disabled={readOnly}
            onSave={(v) => update({ referrals: v || null })}
            placeholder="Who the patient was referred to, and why"
          />
        </div>
        <div>
          <h2>Education given</h2>
          <SavedArea
            label="Education given"
            rows={3}
            value={r.education}
            disabled={readOnly}
            onSave={(v) => update({ education: v || null })}
            placeholder="What was taught (e.g. inhaler technique, using a pill box)"
          />
        </div>
      </section>
    </>
  );
}

function CommunicationPanel({
  review: r,
  submitChange,
  save,
  communication: c,
  recommendations,
}: StepProps & { communication: PrescriberCommunication; recommendations: Recommendation[] }) {
  const sentOn = todayIso();
  const panel = useRef<HTMLElement>(null);
  // Sending is the pharmacist's; it goes on after sign-off like the answers.
  const canSend = useAllowed('reviews:saveCommunication');
  const state = communicationState(c, r.plan);
  const pending = recommendations.filter((x) => !x.outcome);
  /** The next answer to record, else this panel's own button: never the page body. */
  const focusNextAnswer = () =>
    setTimeout(() =>
      (
        panel.current?.querySelector<HTMLElement>('select[data-pending]:not(:disabled)') ??
        panel.current?.querySelector<HTMLElement>('button')
      )?.focus(),
    );
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(
    {
      method: (c.method ?? (c.prescriber.fax ? 'fax' : 'phone')) as string,
      sentDate: formatIsoDate(c.sentDate ?? sentOn),
      dueDate: formatIsoDate(c.dueDate ?? isoDaysBefore(sentOn, -RESPONSE_DAYS)),
    },
    { draft: `communication:${r.id}:${c.prescriber.id}` },
  );
  const onSubmit = submit(async () => {
    await submitChange((cur) =>
      call('reviews:saveCommunication', {
        id: cur.id,
        version: cur.version,
        prescriberId: c.prescriber.id,
        method: v.method as (typeof COMMUNICATION_METHODS)[number],
        sentDate: typedDate(v.sentDate) ?? '',
        dueDate: typedDate(v.dueDate) ?? '',
      }),
    );
    focusNextAnswer();
  });
  const record = async (id: string, outcome: (typeof OUTCOMES)[number]) => {
    await save((cur) =>
      call('reviews:recordOutcome', {
        id: cur.id,
        version: cur.version,
        recommendationId: id,
        outcome,
        date: todayIso(),
      }),
    );
    focusNextAnswer();
  };
  const overdue = state === 'sent' && c.dueDate! < todayIso();
  return (
    <section className="panel" aria-label={`Communication to ${c.prescriber.name}`} ref={panel}>
      <div className="panel-head">
        <div>
          <h2>{c.prescriber.name}</h2>
          <p className="muted">
            {[
              c.prescriber.fax && `Fax ${formatPhone(c.prescriber.fax)}`,
              c.prescriber.phone && `Phone ${formatPhone(c.prescriber.phone)}`,
            ]
              .filter(Boolean)
              .join(' · ') || 'No fax or phone on file'}
          </p>
        </div>
        <p className={state === 'prepared' || overdue ? 'attention' : 'ok-note'} role="status">
          <span className="tag">{COMMUNICATION_STATE_LABELS[state]}</span>{' '}
          {c.sentDate
            ? `Sent by ${COMMUNICATION_LABELS[c.method!].toLowerCase()} on ${formatIsoDate(c.sentDate)} · answer due ${formatIsoDate(c.dueDate!)}${overdue ? ' — overdue' : ''}`
            : 'Printing or saving the fax (Documentation) records it as sent today'}
        </p>
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Recommendation</th>
            <th>Prescriber’s answer</th>
          </tr>
        </thead>
        <tbody>
          {recommendations.map((x) => (
            <tr key={x.id}>
              <td>
                <span className="tag">{RECOMMENDATION_LABELS[x.action]}</span> {x.detail}
              </td>
              <td>
                <OutcomeField recommendation={x} disabled={!c.sentDate} onRecord={(o) => record(x.id, o)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overdue && (
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              void pending.reduce((done, x) => done.then(() => record(x.id, 'noResponse')), Promise.resolve())
            }
          >
            No answer by {formatIsoDate(c.dueDate!)}: record no response
          </button>
        </div>
      )}
      {canSend && (
        <form
          className="inline-form"
          onSubmit={onSubmit}
          noValidate
          aria-label={`Record what was sent to ${c.prescriber.name}`}
        >
          <FormAlert message={errors.form} />
          <div className="form-grid">
            <SelectField
              label="Sent by"
              value={v.method}
              onChange={set('method')}
              error={errors.fields.method}
              options={COMMUNICATION_METHODS.map((m) => ({ value: m, label: COMMUNICATION_LABELS[m] }))}
            />
            <TextField
              label="Sent on"
              value={v.sentDate}
              onChange={set('sentDate')}
              error={errors.fields.sentDate}
              placeholder="MM/DD/YYYY"
            />
            <TextField
              label="Answer due"
              value={v.dueDate}
              onChange={set('dueDate')}
              error={errors.fields.dueDate}
              placeholder="MM/DD/YYYY"
            />
            <div className="field field-button">
              <button type="submit" className={c.sentDate ? undefined : 'primary'} disabled={busy}>
                {c.sentDate ? 'Update' : 'Record as sent'}
              </button>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}

function OutcomeField({
  recommendation: x,
  disabled,
  onRecord,
}: {
  recommendation: Recommendation;
  disabled: boolean;
  onRecord: (o: (typeof OUTCOMES)[number]) => Promise<void>;
}) {
  return (
    <div className="outcome">
      <select
        aria-label={`Answer to: ${x.detail}`}
        data-pending={x.outcome ? undefined : ''}
        disabled={disabled}
        value={x.outcome?.result ?? ''}
        onChange={(e) => e.target.value && void onRecord(e.target.value as (typeof OUTCOMES)[number])}
      >
        <option value="">{disabled ? 'Send it first' : 'Awaiting answer'}</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABELS[o]}
          </option>
        ))}
      </select>
      {x.outcome && (
        <span className="muted small">
          {' '}
          {formatIsoDate(x.outcome.date)} · {x.outcome.by}
        </span>
      )}
    </div>
  );
}
