import { Fragment, useState } from 'react';
import { DTP_LABELS, SEVERITY_LABELS, type DrugTherapyProblem } from '../../preload/schemas/checks';
import { formatIsoDate, parseUsDate, todayIso } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { FormActions, FormAlert, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { ProblemForm } from './problem-form';

/** The patient's drug-therapy problems: accepted from the checks or entered by the pharmacist. */
export function ProblemsPanel({
  patientId,
  problems,
  medicines,
  onChanged,
  readOnly = false,
}: {
  patientId: string;
  problems: DrugTherapyProblem[] | null;
  /** The patient's current medicines, for a new problem to name. */
  medicines: string[];
  onChanged: () => void;
  readOnly?: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const [resolving, setResolving] = useState<string | null>(null);
  const [reopenError, setReopenError] = useState<string | null>(null);
  const reopen = async (id: string) => {
    setReopenError(null);
    try {
      await call('problems:reopen', { id });
      onChanged();
    } catch (e) {
      setReopenError((e as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="problems-title">
      <div className="panel-head">
        <h2 id="problems-title">
          Drug-therapy problems{' '}
          <span className="count-note">
            {problems ? `${problems.filter((p) => p.status === 'open').length} open` : ''}
          </span>
        </h2>
        {!adding && !readOnly && (
          <button type="button" onClick={() => setAdding(true)}>
            + Add a problem
          </button>
        )}
      </div>
      {problems && problems.length === 0 && !adding && (
        <p className="muted">None yet: accept findings above, or add a problem the checks cannot see.</p>
      )}
      {problems && problems.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>Problem</th>
              <th>Category</th>
              <th>Severity</th>
              <th>From</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <Fragment key={p.id}>
                <tr className={p.status === 'resolved' ? 'inactive' : undefined}>
                  <td>
                    <span className="strong">{p.title}</span>
                    <div className="muted small">{p.description}</div>
                  </td>
                  <td>{DTP_LABELS[p.category]}</td>
                  <td>{SEVERITY_LABELS[p.severity]}</td>
                  <td>
                    {p.source === 'check' ? 'Clinical check' : 'Entered'} · {p.createdBy}
                  </td>
                  <td>
                    {p.status === 'resolved' ? (
                      <>
                        Resolved {formatIsoDate(p.resolvedOn!)} · {p.resolvedBy}
                        <div className="muted small">{p.resolution}</div>
                        {!readOnly && (
                          <button type="button" className="link" onClick={() => void reopen(p.id)}>
                            Reopen
                          </button>
                        )}
                      </>
                    ) : readOnly || resolving === p.id ? (
                      'Open'
                    ) : (
                      <button type="button" onClick={() => setResolving(p.id)} aria-label={`Resolved: ${p.title}`}>
                        Resolved…
                      </button>
                    )}
                  </td>
                </tr>
                {resolving === p.id && (
                  <tr>
                    <td colSpan={5}>
                      <ResolveForm
                        problem={p}
                        onDone={() => {
                          setResolving(null);
                          onChanged();
                        }}
                        onCancel={() => setResolving(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {reopenError && <FormAlert message={reopenError} />}
      {adding && (
        <ProblemForm
          patientId={patientId}
          medicines={medicines}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

/** When and how an open problem was resolved (the prescriber changed the dose, the patient now takes it daily...). */
function ResolveForm({
  problem,
  onDone,
  onCancel,
}: {
  problem: DrugTherapyProblem;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { values: v, set, errors, busy, submit } = useForm({ resolvedOn: formatIsoDate(todayIso()), resolution: '' });
  const onSubmit = submit(async (f) => {
    await call('problems:resolve', {
      id: problem.id,
      resolvedOn: parseUsDate(f.resolvedOn) ?? f.resolvedOn,
      resolution: f.resolution,
    });
    onDone();
  });
  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Resolve ${problem.title}`}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Resolved on"
          value={v.resolvedOn}
          onChange={set('resolvedOn')}
          error={errors.fields.resolvedOn}
          placeholder="MM/DD/YYYY"
        />
        <TextField
          label="How it was resolved"
          span={3}
          value={v.resolution}
          onChange={set('resolution')}
          error={errors.fields.resolution}
          placeholder="e.g. prescriber lowered amlodipine to 2.5 mg; no dizziness since"
          autoFocus
        />
      </div>
      <FormActions submitLabel="Mark resolved" busy={busy} onCancel={onCancel} />
    </form>
  );
}
