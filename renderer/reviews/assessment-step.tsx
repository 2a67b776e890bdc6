// Step 2: the checks' findings and the hand-entered problems; the pharmacist confirms the list.
import { formatIsoDate } from '../../preload/schemas/dates';
import { useCall } from '../api/use-call';
import { ChecksPanel } from '../checks/checks-panel';
import { ProblemsPanel } from '../checks/problems-panel';
import { Loaded } from '../ui/loaded';
import { takenMedicines } from './review-step';
import type { StepProps } from './step-props';

export function AssessmentStep({
  review: r,
  readOnly,
  update,
  onProblemsChanged,
}: StepProps & { onProblemsChanged: () => void }) {
  const checks = useCall('checks:patient', { patientId: r.patientId });
  const checksChanged = () => {
    checks.reload();
    onProblemsChanged();
  };
  const stale = r.problemsConfirmed && r.problems.some((p) => p.createdAt > r.problemsConfirmed!.at);
  return (
    <>
      {!readOnly && (
        <Loaded result={checks} loading={null}>
          {(found) => <ChecksPanel patientId={r.patientId} checks={found} onChanged={checksChanged} />}
        </Loaded>
      )}
      <ProblemsPanel
        patientId={r.patientId}
        problems={r.problems}
        medicines={takenMedicines(r.reconciliation)}
        onChanged={onProblemsChanged}
        readOnly={readOnly}
      />
      <section className="panel confirm-panel" aria-label="Confirm the problem list">
        {r.problemsConfirmed && !stale ? (
          <p>
            <span className="ok-mark" aria-hidden="true">
              ✓
            </span>{' '}
            Problem list confirmed by {r.problemsConfirmed.by} on {formatIsoDate(r.problemsConfirmed.at.slice(0, 10))}.
          </p>
        ) : (
          <p>
            {stale
              ? 'Problems were added after the list was confirmed.'
              : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} on the list.`}{' '}
            Confirm the list once it is complete.
          </p>
        )}
        {!readOnly && (!r.problemsConfirmed || stale) && (
          <button type="button" className="primary" onClick={() => void update({ problemsConfirmed: true })}>
            Confirm problem list
          </button>
        )}
      </section>
    </>
  );
}
