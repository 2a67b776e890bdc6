import { useState } from 'react';
import { parseUsDate, todayIso } from '../../preload/schemas/dates';
import { KIND_LABELS, SOURCE_LABELS, type Medication } from '../../preload/schemas/medications';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { formatIsoDate } from '../patients/patient-format';
import { TextField } from '../ui/field';
import { ScanBottles } from '../scanning/scan-bottles';
import { Loaded } from '../ui/loaded';
import { useForm } from '../ui/use-form';
import { MedicationForm } from './medication-form';

type Open = { kind: 'add' } | { kind: 'edit' | 'stop' | 'history'; med: Medication } | null;
/**
 * The product as entered, with strength and form added only where the name does not already say them ("vit D3 2000").
 */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]/g, '');
const product = (m: Medication) =>
  [
    m.product,
    ...[m.strength, m.doseForm].filter(
      (x): x is string => Boolean(x) && !squash(m.product).includes(squash(x!).replace(/iu$|mg$/, '')),
    ),
  ].join(' ');
const todayUs = () => formatIsoDate(todayIso());
const UNCODED = 'Entered as free text, not matched to the drug vocabulary: checks cannot see it';

/** Active and past medicines, each change kept in the entry's history. */
export function MedicationsPanel({ patientId, onChanged }: { patientId: string; onChanged: () => void }) {
  const meds = useCall('medications:list', { patientId });
  const { data: list, reload } = meds;
  const [open, setOpen] = useState<Open>(null);
  const [scanning, setScanning] = useState(false);
  const history = (med: Medication) => setOpen({ kind: 'history', med });
  const done = () => {
    setOpen(null);
    reload();
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="meds-title">
      <div className="panel-head">
        <h2 id="meds-title">
          Medications <span className="count-note">{list ? `${list.active.length} active` : ''}</span>
        </h2>
        <div className="scan-head-actions">
          {scanning ? null : (
            <button
              type="button"
              onClick={() => setScanning(true)}
              title="Scan the bottles the patient brought against this list"
            >
              Scan bottles
            </button>
          )}
          {open?.kind === 'add' ? null : (
            <button type="button" onClick={() => setOpen({ kind: 'add' })}>
              + Add medicine
            </button>
          )}
        </div>
      </div>
      {scanning ? (
        <ScanBottles
          patientId={patientId}
          startOn
          onClose={() => setScanning(false)}
          onChanged={() => {
            reload();
            onChanged();
          }}
        />
      ) : null}
      {open?.kind === 'add' ? <MedicationForm patientId={patientId} onDone={done} /> : null}
      <Loaded result={meds} loading={null}>
        {(list) => (
          <>
            {list.active.length ? (
              <table className="data-table compact meds-table" aria-label="Active medications">
                <thead>
                  <tr>
                    <th>Medicine</th>
                    <th>How I use it</th>
                    <th>Why I use it</th>
                    <th>Prescriber</th>
                    <th>Started</th>
                    <th>From</th>
                    <th>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.active.map((m) => (
                    <tr key={m.id}>
                      <td className="strong">
                        {product(m)}
                        {m.kind !== 'rx' ? <span className="tag">{KIND_LABELS[m.kind]}</span> : null}
                        {m.coded ? null : (
                          <span className="tag tag-muted" title={UNCODED}>
                            Uncoded
                          </span>
                        )}
                      </td>
                      <td>{m.sig ?? ''}</td>
                      <td>{m.indication ?? ''}</td>
                      <td>{m.prescriber?.name ?? ''}</td>
                      <td className="nowrap">{m.startDate ? formatIsoDate(m.startDate) : ''}</td>
                      <td>{SOURCE_LABELS[m.source]}</td>
                      <td className="row-actions">
                        <button type="button" className="ghost small" onClick={() => setOpen({ kind: 'edit', med: m })}>
                          Change
                        </button>
                        <button type="button" className="ghost small" onClick={() => setOpen({ kind: 'stop', med: m })}>
                          Stop…
                        </button>
                        <button type="button" className="ghost small" onClick={() => history(m)}>
                          History
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">
                No active medicines recorded. Include over-the-counter products, vitamins and herbals the patient takes.
              </p>
            )}
            {open?.kind === 'edit' ? (
              <MedicationForm key={open.med.id} patientId={patientId} existing={open.med} onDone={done} />
            ) : null}
            {open?.kind === 'stop' ? <StopForm med={open.med} onDone={done} /> : null}
            {open?.kind === 'history' ? <History med={open.med} onClose={() => setOpen(null)} /> : null}
            {list.past.length ? (
              <details className="history">
                <summary>{list.past.length} stopped</summary>
                <table className="data-table compact">
                  <tbody>
                    {list.past.map((m) => (
                      <tr key={m.id}>
                        <td className="strong">{product(m)}</td>
                        <td>stopped {formatIsoDate(m.stopDate!)}</td>
                        <td>{m.stopReason}</td>
                        <td className="row-actions">
                          <button type="button" className="ghost small" onClick={() => history(m)}>
                            History
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function StopForm({ med, onDone }: { med: Medication; onDone: () => void }) {
  const { values, set, errors, submit } = useForm({ on: todayUs(), reason: '' });
  const onSubmit = submit(async (v) => {
    await call('medications:stop', {
      id: med.id,
      version: med.version,
      stopDate: parseUsDate(v.on) ?? v.on,
      reason: v.reason,
    });
    onDone();
  });
  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Stop ${med.product}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <p className="strong">Stop {product(med)}</p>
      <div className="row-end">
        <TextField label="Stopped on" value={values.on} onChange={set('on')} error={errors.fields.stopDate} />
        <TextField
          label="Why it was stopped"
          value={values.reason}
          onChange={set('reason')}
          error={errors.fields.reason ?? errors.form ?? undefined}
          autoFocus
          placeholder="e.g. side effect: dry cough"
        />
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Stop medicine
        </button>
      </div>
    </form>
  );
}

function History({ med, onClose }: { med: Medication; onClose: () => void }) {
  const verb = { added: 'Added', changed: 'Changed', stopped: 'Stopped' };
  return (
    <div className="inline-panel" role="region" aria-label={`History of ${med.product}`}>
      <div className="panel-head">
        <p className="strong">History of {med.product}</p>
        <button type="button" className="ghost small" onClick={onClose}>
          Close
        </button>
      </div>
      <Loaded result={useCall('medications:history', { id: med.id })} loading={null} compact>
        {(versions) => (
          <ol className="version-list">
            {versions.map((v) => (
              <li key={v.version}>
                <strong>{verb[v.change]}</strong> {new Date(v.changedAt).toLocaleString()} by {v.changedBy}:{' '}
                {product(v.medication)}
                {v.medication.sig ? ` — ${v.medication.sig}` : ''}
                {v.change === 'stopped' ? ` — ${v.medication.stopReason}` : ''}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </div>
  );
}
