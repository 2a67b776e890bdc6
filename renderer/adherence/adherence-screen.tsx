// Who to call about adherence: below 80% PDC on a Star measure or a refill more than N days late.
// Each call is logged; a conversation that becomes a targeted review starts a TMR.
import { useState, type MouseEvent } from 'react';
import {
  OUTREACH_INTERVENTION_LABELS,
  OUTREACH_INTERVENTIONS,
  OUTREACH_METHOD_LABELS,
  OUTREACH_METHODS,
  OUTREACH_RESULT_LABELS,
  OUTREACH_RESULTS,
  type AdherenceWorklistEntry,
} from '../../preload/schemas/adherence';
import { formatIsoDate, parseUsDate, todayIso } from '../../preload/schemas/dates';
import { formatPhone } from '../../preload/schemas/identifiers';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { startReview } from '../reviews/start-review';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { RowActions } from '../ui/row-actions';
import { useForm } from '../ui/use-form';

const lastOutreach = ({ lastOutreach: last, attempts }: AdherenceWorklistEntry) =>
  last ? `${formatIsoDate(last.date)}: ${OUTREACH_RESULT_LABELS[last.result]} (${attempts} in 30 days)` : 'None yet';

function openPatient(click: MouseEvent, patientId: string) {
  click.preventDefault();
  navigate(`/patients/${patientId}`);
}

export function AdherenceScreen() {
  const [lateDays, setLateDays] = useState('');
  const [onlyDue, setOnlyDue] = useState(true);
  const list = useCall('adherence:worklist', lateDays && Number(lateDays) > 0 ? { lateDays: Number(lateDays) } : {});
  const [logging, setLogging] = useState<AdherenceWorklistEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entries = (list.data?.entries ?? []).filter((e) => !onlyDue || e.due);
  const startTmr = (patientId: string) => void startReview(patientId, 'tmr').catch((x: Error) => setError(x.message));
  return (
    <section aria-labelledby="adherence-screen-title">
      <div className="page-head">
        <h1 id="adherence-screen-title">Adherence outreach</h1>
        {list.data && <p className="muted">Checked in {(list.data.elapsedMs / 1000).toFixed(1)} s</p>}
      </div>
      <div className="panel">
        <div className="form-grid">
          <TextField
            label="Refill late by more than (days)"
            value={lateDays}
            onChange={setLateDays}
            placeholder={String(list.data?.lateDays ?? 7)}
            inputMode="numeric"
          />
          <div className="field">
            <span className="field-label">Show</span>
            <label className="checkbox">
              <input type="checkbox" checked={onlyDue} onChange={(e) => setOnlyDue(e.target.checked)} /> Only patients
              still to reach
            </label>
          </div>
        </div>
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {logging && (
        <OutreachForm
          entry={logging}
          onDone={() => {
            setLogging(null);
            list.reload();
          }}
        />
      )}
      <section className="panel" aria-labelledby="outreach-list">
        <h2 id="outreach-list">
          {entries.length} patient{entries.length === 1 ? '' : 's'} {onlyDue ? 'to reach' : 'on the list'}
        </h2>
        <Loaded result={list} loading={null}>
          {() =>
            entries.length === 0 ? (
              <p className="muted">
                Nobody to call: every patient is at goal, current, or reached in the last 30 days.
              </p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>Patient</th>
                    <th>Why</th>
                    <th>Last outreach</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {entries.slice(0, 300).map((e) => (
                    <tr key={e.patientId}>
                      <td className="strong">
                        <a href={`#/patients/${e.patientId}`} onClick={(x) => openPatient(x, e.patientId)}>
                          {e.name}
                        </a>
                        {e.phone && <div className="muted small">{formatPhone(e.phone)}</div>}
                      </td>
                      <td>{e.reasons.join(' · ')}</td>
                      <td>{lastOutreach(e)}</td>
                      <RowActions>
                        <button type="button" className="link" onClick={() => setLogging(e)}>
                          Log outreach
                        </button>
                        <button type="button" className="link" onClick={() => startTmr(e.patientId)}>
                          Start TMR
                        </button>
                      </RowActions>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </section>
    </section>
  );
}

function OutreachForm({ entry, onDone }: { entry: AdherenceWorklistEntry; onDone: () => void }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    attemptedOn: formatIsoDate(todayIso()),
    method: 'phone',
    result: 'reached',
    intervention: 'none',
    note: '',
  });
  const onSubmit = submit(async () => {
    await call('adherence:logOutreach', {
      patientId: entry.patientId,
      attemptedOn: parseUsDate(v.attemptedOn) ?? v.attemptedOn,
      method: v.method as (typeof OUTREACH_METHODS)[number],
      result: v.result as (typeof OUTREACH_RESULTS)[number],
      intervention: v.intervention as (typeof OUTREACH_INTERVENTIONS)[number],
      note: v.note,
    });
    onDone();
  });
  return (
    <form
      className="panel inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Outreach to ${entry.name}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h2>Outreach to {entry.name}</h2>
      <p className="muted">{entry.reasons.join(' · ')}</p>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Date"
          value={v.attemptedOn}
          onChange={set('attemptedOn')}
          error={errors.fields.attemptedOn}
          placeholder="MM/DD/YYYY"
        />
        <SelectField
          label="How"
          value={v.method}
          onChange={set('method')}
          options={OUTREACH_METHODS.map((m) => ({ value: m, label: OUTREACH_METHOD_LABELS[m] }))}
          autoFocus
        />
        <SelectField
          label="Result"
          value={v.result}
          onChange={set('result')}
          options={OUTREACH_RESULTS.map((m) => ({ value: m, label: OUTREACH_RESULT_LABELS[m] }))}
        />
        <SelectField
          label="Intervention"
          value={v.intervention}
          onChange={set('intervention')}
          options={OUTREACH_INTERVENTIONS.map((m) => ({ value: m, label: OUTREACH_INTERVENTION_LABELS[m] }))}
        />
        <TextField
          label="Note"
          span={4}
          value={v.note}
          onChange={set('note')}
          error={errors.fields.note}
          placeholder="What was agreed"
        />
      </div>
      <FormActions submitLabel="Log outreach" busy={busy} onCancel={onDone} />
    </form>
  );
}
