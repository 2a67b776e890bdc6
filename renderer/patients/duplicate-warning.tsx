import type { PatientSummary } from '../../preload/schemas/patients';
import { dobWithAge, listName } from './patient-format';

export function DuplicateWarning({
  matches,
  confirmed,
  onConfirm,
}: {
  matches: PatientSummary[];
  confirmed: boolean;
  onConfirm?: (v: boolean) => void;
}) {
  if (!matches.length) return null;
  return (
    <div className="alert alert-warning" role="alert" data-testid="duplicate-warning">
      <strong>⚠ Possible duplicate.</strong> {matches.length === 1 ? 'A patient' : `${matches.length} patients`} with
      this name and date of birth {matches.length === 1 ? 'is' : 'are'} already registered:
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <a href={`#/patients/${m.id}`}>
              {listName(m)}, born {dobWithAge(m.dateOfBirth)}
            </a>
          </li>
        ))}
      </ul>
      {onConfirm ? (
        <label className="checkbox">
          <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />I have checked:
          this is a different person
        </label>
      ) : null}
    </div>
  );
}
