import { useState } from 'react';
import { DTP_CATEGORIES, DTP_LABELS, SEVERITIES, SEVERITY_LABELS, type DrugTherapyProblem } from '../../preload/schemas/checks';
import { call } from '../api/bridge';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

const BLANK = { category: '', severity: 'moderate', title: '', description: '' };

/** The patient's drug-therapy problems: accepted from the checks or entered by the pharmacist. */
export function ProblemsPanel({ patientId, problems, onChanged, readOnly = false }: { patientId: string; problems: DrugTherapyProblem[] | null; onChanged: () => void; readOnly?: boolean }) {
  const [adding, setAdding] = useState(false);
  const { values: v, set, setValues, errors, busy, submit } = useForm(BLANK);
  const onSubmit = submit(async (f) => {
    await call('problems:add', { patientId, category: f.category as DrugTherapyProblem['category'], severity: f.severity as DrugTherapyProblem['severity'], title: f.title, description: f.description });
    setValues(BLANK);
    setAdding(false);
    onChanged();
  });
  return (
    <section className="panel" aria-labelledby="problems-title">
      <div className="panel-head">
        <h2 id="problems-title">
          Drug-therapy problems <span className="count-note">{problems ? `${problems.filter((p) => p.status === 'open').length} open` : ''}</span>
        </h2>
        {!adding && !readOnly && (
          <button type="button" onClick={() => setAdding(true)}>
            + Add a problem
          </button>
        )}
      </div>
      {problems && problems.length === 0 && !adding && <p className="muted">None yet: accept findings above, or add a problem the checks cannot see.</p>}
      {problems && problems.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>Problem</th>
              <th>Category</th>
              <th>Severity</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={p.id} className={p.status === 'resolved' ? 'inactive' : undefined}>
                <td>
                  <span className="strong">{p.title}</span>
                  <div className="muted small">{p.description}</div>
                </td>
                <td>{DTP_LABELS[p.category]}</td>
                <td>{SEVERITY_LABELS[p.severity]}</td>
                <td>
                  {p.source === 'check' ? 'Clinical check' : 'Entered'} · {p.createdBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <form className="inline-panel" onSubmit={onSubmit} noValidate aria-label="Add a drug-therapy problem" onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}>
          <FormAlert message={errors.form} />
          <div className="form-grid">
            <SelectField label="Kind of problem" value={v.category} onChange={set('category')} error={errors.fields.category} options={[{ value: '', label: 'Choose…' }, ...DTP_CATEGORIES.map((c) => ({ value: c, label: DTP_LABELS[c] }))]} autoFocus />
            <SelectField label="Severity" value={v.severity} onChange={set('severity')} error={errors.fields.severity} options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} />
            <TextField label="Medicines involved" span={2} value={v.title} onChange={set('title')} error={errors.fields.title} placeholder="e.g. metformin" />
            <TextField label="What is the problem" span={4} value={v.description} onChange={set('description')} error={errors.fields.description} placeholder="e.g. stops metformin when her stomach is upset; A1c 8.9%" />
          </div>
          <FormActions submitLabel="Add problem" busy={busy} onCancel={() => setAdding(false)} />
        </form>
      )}
    </section>
  );
}
