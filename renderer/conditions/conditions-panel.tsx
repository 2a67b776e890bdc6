import { useState } from 'react';
import { parseUsDate, todayIso } from '../../preload/schemas/dates';
import { CORE_CHRONIC_DISEASES, type Condition } from '../../preload/schemas/clinical';
import { call } from '../api/bridge';
import { formatIsoDate } from '../patients/patient-format';
import { TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { ConditionPicker } from './condition-picker';

const coreName = (id: string) => CORE_CHRONIC_DISEASES.find((d) => d.id === id)?.name ?? id;
const asIso = (typed: string) => (typed.trim() ? (parseUsDate(typed) ?? typed) : undefined);

export function ConditionsPanel({
  patientId,
  conditions,
  onChanged,
}: {
  patientId: string;
  conditions: Condition[];
  onChanged: () => void;
}) {
  const [onset, setOnset] = useState('');
  const [resolving, setResolving] = useState<Condition | null>(null);
  const add = useForm({});
  const active = conditions.filter((c) => !c.resolvedOn);
  const resolved = conditions.filter((c) => c.resolvedOn);
  const coreCount = new Set(active.flatMap((c) => c.coreDiseases)).size;

  return (
    <section className="panel" aria-labelledby="conditions-title">
      <h2 id="conditions-title">
        Conditions <span className="count-note">{coreCount} of 10 CMS core chronic diseases</span>
      </h2>
      {active.length ? (
        <table className="data-table compact">
          <tbody>
            {active.map((c) => (
              <tr key={c.id}>
                <td className="mono nowrap">{c.code}</td>
                <td>
                  {c.title}
                  {c.coreDiseases.map((d) => (
                    <span key={d} className="tag" title="Counts toward Part D MTM eligibility">
                      {coreName(d)}
                    </span>
                  ))}
                </td>
                <td className="nowrap">{c.onsetDate ? `since ${formatIsoDate(c.onsetDate)}` : ''}</td>
                <td className="row-actions">
                  <button type="button" className="ghost small" onClick={() => setResolving(c)}>
                    Resolved…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No conditions recorded.</p>
      )}
      {resolving ? (
        <ResolveForm
          condition={resolving}
          onDone={() => {
            setResolving(null);
            onChanged();
          }}
        />
      ) : null}
      <div className="form-grid add-condition">
        <div>
          <ConditionPicker
            error={add.errors.fields.code ?? add.errors.fields.onsetDate ?? add.errors.form ?? undefined}
            onPick={(entry) =>
              void add.submit(async () => {
                await call('conditions:add', { patientId, code: entry.code, onsetDate: asIso(onset) });
                setOnset('');
                onChanged();
              })()
            }
          />
        </div>
        <TextField
          label="Since (optional)"
          value={onset}
          onChange={setOnset}
          placeholder="MM/DD/YYYY"
          inputMode="numeric"
        />
      </div>
      {resolved.length ? (
        <details className="history">
          <summary>{resolved.length} resolved</summary>
          <ul>
            {resolved.map((c) => (
              <li key={c.id}>
                <span className="mono">{c.code}</span> {c.title} — resolved {formatIsoDate(c.resolvedOn!)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ResolveForm({ condition, onDone }: { condition: Condition; onDone: () => void }) {
  const { values, set, errors, submit } = useForm({ on: formatIsoDate(todayIso()) });
  return (
    <form
      className="inline-panel"
      noValidate
      onSubmit={submit(async (v) => {
        await call('conditions:resolve', { id: condition.id, resolvedOn: asIso(v.on) ?? '' });
        onDone();
      })}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <div className="row-end">
        <TextField
          label={`${condition.code} ${condition.title} resolved on`}
          value={values.on}
          onChange={set('on')}
          error={errors.fields.resolvedOn ?? errors.form ?? undefined}
          autoFocus
        />
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Mark resolved
        </button>
      </div>
    </form>
  );
}
