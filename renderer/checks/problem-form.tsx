// A drug-therapy problem entered by the pharmacist: its medicines picked from the patient's list, so the plan knows
// which medicines the problem concerns. Stored as before, the names joined in the title ("lisinopril + losartan").
import { useId, useState, type KeyboardEvent } from 'react';
import {
  DTP_CATEGORIES,
  DTP_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  type DrugTherapyProblem,
} from '../../preload/schemas/checks';
import { call } from '../api/bridge';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

/** What a problem is started from: a reconciliation difference names its medicine and what differs. */
export interface ProblemPrefill {
  medicines: string[];
  description: string;
}

export function ProblemForm({
  patientId,
  medicines,
  prefill,
  onDone,
  onCancel,
}: {
  patientId: string;
  /** The patient's current medicines, to pick from. */
  medicines: string[];
  prefill?: ProblemPrefill;
  onDone: () => void;
  onCancel: () => void;
}) {
  const blank = {
    category: '',
    severity: 'moderate',
    picked: prefill?.medicines ?? ([] as string[]),
    other: '',
    description: prefill?.description ?? '',
  };
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(blank, {
    // A prefilled form is one line's; only the blank one is kept across a lock.
    draft: prefill ? undefined : `problem-form:${patientId}:new`,
  });
  const onSubmit = submit(async (f) => {
    await call('problems:add', {
      patientId,
      category: f.category as DrugTherapyProblem['category'],
      severity: f.severity as DrugTherapyProblem['severity'],
      title: [...f.picked, f.other.trim()].filter(Boolean).join(' + '),
      description: f.description,
    });
    onDone();
  });
  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label="Add a drug-therapy problem"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <SelectField
          label="Kind of problem"
          value={v.category}
          onChange={set('category')}
          error={errors.fields.category}
          options={[
            { value: '', label: 'Choose…' },
            ...DTP_CATEGORIES.map((c) => ({ value: c, label: DTP_LABELS[c] })),
          ]}
          autoFocus
        />
        <SelectField
          label="Severity"
          value={v.severity}
          onChange={set('severity')}
          error={errors.fields.severity}
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
        />
        <MedicinePicker
          medicines={[...new Set([...medicines, ...v.picked])]}
          picked={v.picked}
          onChange={set('picked')}
          error={errors.fields.title}
        />
        <TextField
          label="Or a medicine not on the list"
          span={2}
          value={v.other}
          onChange={set('other')}
          placeholder="e.g. a statin to start"
        />
        <TextField
          label="What is the problem"
          span={4}
          value={v.description}
          onChange={set('description')}
          error={errors.fields.description}
          placeholder="e.g. stops metformin when her stomach is upset; A1c 8.9%"
        />
      </div>
      <FormActions submitLabel="Add problem" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** "Medicines involved": one Tab stop; ↑/↓ (or ←/→) move between the medicines, Space ticks one. */
function MedicinePicker({
  medicines,
  picked,
  onChange,
  error,
}: {
  medicines: string[];
  picked: string[];
  onChange: (picked: string[]) => void;
  error: string | undefined;
}) {
  const id = useId();
  const [active, setActive] = useState(0);
  const move = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (!step || !medicines.length) return;
    e.preventDefault();
    const next = (active + step + medicines.length) % medicines.length;
    setActive(next);
    e.currentTarget.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[next]?.focus();
  };
  return (
    <fieldset
      className={`field span-4 plain-fieldset medicine-picker${error ? ' has-error' : ''}`}
      aria-describedby={error ? `${id}-msg` : undefined}
      onKeyDown={move}
    >
      <legend className="field-label">Medicines involved</legend>
      {medicines.length === 0 && <p className="muted">No medicines on the list.</p>}
      <div className="picker-options">
        {medicines.map((m, i) => (
          <label key={m} className="checkbox">
            <input
              type="checkbox"
              tabIndex={i === active ? 0 : -1}
              checked={picked.includes(m)}
              onFocus={() => setActive(i)}
              onChange={(e) => onChange(e.target.checked ? [...picked, m] : picked.filter((x) => x !== m))}
            />{' '}
            {m}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-msg`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
