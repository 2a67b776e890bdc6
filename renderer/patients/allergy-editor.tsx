import { ALLERGY_KINDS, ALLERGY_SEVERITIES } from '../../preload/schemas/patients';
import { capitalize } from '../ui/capitalize';
import { SelectField, TextField } from '../ui/field';
import type { AllergyDraft } from './patient-form-state';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: capitalize(v) }));

export function AllergyEditor({
  allergies,
  noKnownAllergies,
  errors,
  onChange,
  onNoKnownAllergies,
}: {
  allergies: AllergyDraft[];
  noKnownAllergies: boolean;
  errors: Record<string, string>;
  onChange: (next: AllergyDraft[]) => void;
  onNoKnownAllergies: (value: boolean) => void;
}) {
  const update = (i: number, patch: Partial<AllergyDraft>) =>
    onChange(allergies.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset>
      <legend>Allergies and intolerances</legend>
      {allergies.map((a, i) => (
        <div className="form-grid allergy-row" key={i}>
          <TextField
            label="Substance"
            value={a.substance}
            onChange={(v) => update(i, { substance: v })}
            error={errors[`allergies.${i}.substance`]}
            autoFocus={!a.substance}
          />
          <TextField
            label="Reaction"
            value={a.reaction}
            onChange={(v) => update(i, { reaction: v })}
            error={errors[`allergies.${i}.reaction`]}
            placeholder="e.g. hives, rash"
          />
          <SelectField
            label="Severity"
            value={a.severity}
            onChange={(v) => update(i, { severity: v as AllergyDraft['severity'] })}
            options={options(ALLERGY_SEVERITIES)}
          />
          <div className="field row-end">
            <SelectField
              label="Type"
              value={a.kind}
              onChange={(v) => update(i, { kind: v as AllergyDraft['kind'] })}
              options={options(ALLERGY_KINDS)}
            />
            <button
              type="button"
              className="ghost"
              aria-label={`Remove allergy ${a.substance || i + 1}`}
              onClick={() => onChange(allergies.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
      <div className="allergy-actions">
        <button
          type="button"
          onClick={() => {
            onNoKnownAllergies(false);
            onChange([...allergies, { substance: '', reaction: '', severity: 'unknown', kind: 'allergy' }]);
          }}
        >
          + Add allergy
        </button>
        <label className={`checkbox${errors.noKnownAllergies ? ' has-error' : ''}`}>
          <input
            type="checkbox"
            checked={noKnownAllergies}
            disabled={allergies.length > 0}
            onChange={(e) => onNoKnownAllergies(e.target.checked)}
          />
          No known allergies (asked and confirmed)
        </label>
      </div>
      {errors.noKnownAllergies ? (
        <p className="field-error" role="alert">
          ⚠ {errors.noKnownAllergies}
        </p>
      ) : null}
    </fieldset>
  );
}
