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
import { PAGE_SIZE } from '../../preload/schemas/paging';
import { call } from '../api/bridge';
import { navigate } from '../app/use-hash-route';
import { startReview } from '../reviews/start-review';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { PagedList, useKeptCall } from '../ui/paged-list';
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
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const late = Number(lateDays) > 0 ? { lateDays: Number(lateDays) } : {};
  const list = useKeptCall('adherence:worklist', { ...late, onlyDue, search, offset, limit: PAGE_SIZE });
  const [logging, setLogging] = useState<AdherenceWorklistEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entries = list.data?.items ?? [];
  const startTmr = (patientId: string) => void startReview(patientId, 'tmr').catch((x: Error) => setError(x.message));
  // A new filter starts from the first page; a logged call keeps the page.
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };
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
            onChange={refilter(setLateDays)}
            placeholder={String(list.data?.lateDays ?? 7)}
            inputMode="numeric"
          />
          <div className="field">
            <span className="field-label">Show</span>
            <label className="checkbox">
              <input type="checkbox" checked={onlyDue} onChange={(e) => refilter(setOnlyDue)(e.target.checked)} /> Only
              patients still to reach
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
          key={logging.patientId}
          entry={logging}
          next={entries[entries.findIndex((e) => e.patientId === logging.patientId) + 1] ?? null}
          onDone={(next) => {
            setLogging(next);
            list.reload();
          }}
        />
      )}
      <section className="panel" aria-labelledby="outreach-list">
        <h2 id="outreach-list">{onlyDue ? 'Patients to reach' : 'Everyone on the list'}</h2>
        <p className="field-hint">
          Most Star measures below 80% first, then the refill most days late, then the lowest PDC.
        </p>
        {list.error && (
          <div className="alert alert-error" role="alert">
            {list.error}
          </div>
        )}
        <PagedList
          id="adherence"
          page={list.data}
          loading={list.loading}
          search={search}
          onSearch={refilter(setSearch)}
          onOffset={setOffset}
        >
          {entries.length === 0 ? (
            <p className="muted">Nobody to call: every patient is at goal, current, or reached in the last 30 days.</p>
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
                {entries.map((e) => (
                  <tr key={e.patientId} className={logging?.patientId === e.patientId ? 'active' : undefined}>
                    <td className="strong">
                      <a href={`#/patients/${e.patientId}`} onClick={(x) => openPatient(x, e.patientId)}>
                        {e.name}
                      </a>
                      <div className="muted small">
                        born {formatIsoDate(e.dateOfBirth)}
                        {e.phone && ` · ${formatPhone(e.phone)}`}
                      </div>
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
          )}
        </PagedList>
      </section>
    </section>
  );
}

/** The outreach form; "Log and next patient" saves and opens the form for the patient below on the page. */
function OutreachForm({
  entry,
  next,
  onDone,
}: {
  entry: AdherenceWorklistEntry;
  next: AdherenceWorklistEntry | null;
  onDone: (next: AdherenceWorklistEntry | null) => void;
}) {
  const [thenNext, setThenNext] = useState(false);
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
    onDone(thenNext ? next : null);
  });
  return (
    <form
      className="panel inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Outreach to ${entry.name}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
    >
      <h2>
        Outreach to {entry.name} <span className="muted">· born {formatIsoDate(entry.dateOfBirth)}</span>
      </h2>
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
      <div className="actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" disabled={busy} onClick={() => setThenNext(false)}>
          Log outreach
        </button>
        {next && (
          <button type="submit" className="primary" disabled={busy} onClick={() => setThenNext(true)}>
            Log and next patient: {next.name}
          </button>
        )}
      </div>
    </form>
  );
}
