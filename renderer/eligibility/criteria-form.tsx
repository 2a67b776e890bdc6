import { CORE_CHRONIC_DISEASES } from '../../preload/schemas/clinical';
import type { YearCriteria } from '../../preload/schemas/eligibility';
import { call } from '../api/bridge';
import { FormAlert, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

/** A plan's targeting criteria for one contract year (pharmacists only). */
export function CriteriaForm({ criteria, onDone }: { criteria: YearCriteria; onDone: (saved: boolean) => void }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(
    {
      minDiseases: String(criteria.minDiseases),
      minDrugs: String(criteria.minDrugs),
      costThreshold: criteria.costThreshold === null ? '' : String(criteria.costThreshold),
      diseases: criteria.diseases,
    },
    { prefix: 'criteria.' },
  );
  const onSubmit = submit(async (f) => {
    const cost = f.costThreshold.replace(/[$,\s]/g, '');
    await call('eligibility:setCriteria', {
      contractYear: criteria.contractYear,
      criteria: {
        minDiseases: Number(f.minDiseases),
        minDrugs: Number(f.minDrugs),
        costThreshold: cost ? Number(cost) : null,
        diseases: f.diseases,
      },
    });
    onDone(true);
  });
  const toggle = (id: string) =>
    set('diseases')(v.diseases.includes(id) ? v.diseases.filter((d) => d !== id) : [...v.diseases, id]);

  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Targeting criteria for ${criteria.contractYear}`}
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Core chronic diseases, at least"
          value={v.minDiseases}
          onChange={set('minDiseases')}
          error={errors.fields.minDiseases}
          inputMode="numeric"
          hint="2 or 3"
          autoFocus
        />
        <TextField
          label="Part D maintenance drugs, at least"
          value={v.minDrugs}
          onChange={set('minDrugs')}
          error={errors.fields.minDrugs}
          inputMode="numeric"
          hint="2 to 8"
        />
        <TextField
          label="Annual drug cost threshold ($)"
          span={2}
          value={v.costThreshold}
          onChange={set('costThreshold')}
          error={errors.fields.costThreshold}
          inputMode="decimal"
          hint="From the CMS Part D MTM Program Guidance memo for the year; leave empty if not yet known"
        />
      </div>
      <fieldset className="checks" aria-describedby="diseases-msg">
        <legend>Diseases that count</legend>
        {CORE_CHRONIC_DISEASES.map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" checked={v.diseases.includes(d.id)} onChange={() => toggle(d.id)} /> {d.name}
          </label>
        ))}
        <p className={errors.fields.diseases ? 'field-error' : 'field-hint'} id="diseases-msg">
          {errors.fields.diseases ??
            (criteria.allDiseasesRequired
              ? 'From 2025 CMS requires every core chronic disease to count.'
              : 'Tick the diseases your plans target this year.')}
        </p>
      </fieldset>
      <p className="field-hint">Source: {criteria.source}</p>
      <div className="actions">
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save criteria for {criteria.contractYear}
        </button>
      </div>
    </form>
  );
}
