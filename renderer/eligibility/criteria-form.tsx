import { CORE_CHRONIC_DISEASES } from '../../preload/schemas/clinical';
import type { TargetingCitation, YearCriteria } from '../../preload/schemas/eligibility';
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
  const core = CORE_CHRONIC_DISEASES.filter((d) => criteria.coreDiseases.includes(d.id));
  const bundled = criteria.bundledCostThreshold;
  const costHint =
    bundled === null
      ? `${criteria.costThresholdNote ?? `MTM Desk has no verified figure for ${criteria.contractYear}.`} Until it is entered, patients who meet the disease and drug criteria are listed as “Cost threshold not set”.`
      : `MTM Desk's figure for ${criteria.contractYear}: $${bundled.toLocaleString('en-US')} (see the sources below). Enter your plans' figure if it differs.`;
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
          hint={`2 to ${criteria.maxMinDiseases}`}
          autoFocus={bundled !== null}
        />
        <TextField
          label="Part D maintenance drugs, at least"
          value={v.minDrugs}
          onChange={set('minDrugs')}
          error={errors.fields.minDrugs}
          inputMode="numeric"
          hint={`2 to ${criteria.maxMinDrugs}${criteria.allMaintenanceDrugsCount ? '; every Part D maintenance drug counts' : ''}`}
        />
        <TextField
          label="Annual drug cost threshold ($)"
          span={2}
          value={v.costThreshold}
          onChange={set('costThreshold')}
          error={errors.fields.costThreshold}
          inputMode="decimal"
          hint={costHint}
          autoFocus={bundled === null}
        />
      </div>
      <fieldset className="checks" aria-describedby="diseases-msg">
        <legend>Diseases that count</legend>
        {core.map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" checked={v.diseases.includes(d.id)} onChange={() => toggle(d.id)} /> {d.name}
          </label>
        ))}
        <p className={errors.fields.diseases ? 'field-error' : 'field-hint'} id="diseases-msg">
          {errors.fields.diseases ??
            (criteria.allDiseasesRequired
              ? `From 2025 CMS requires all ${core.length} core chronic diseases to count.`
              : `The ${core.length} CMS core chronic diseases of ${criteria.contractYear} (HIV/AIDS counts from 2025). Tick the ones your plans target.`)}
        </p>
      </fieldset>
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

const EVIDENCE: Record<TargetingCitation['evidence'], string> = {
  primary: 'CMS or statute text',
  secondary: 'secondary source',
  notVerified: 'not verified',
};

/** Each rule of the year with its source and how firm it is. */
export function Sources({ sources }: { sources: TargetingCitation[] }) {
  return (
    <details className="field-hint targeting-sources">
      <summary>Sources for these rules</summary>
      <ul>
        {sources.map((s) => (
          <li key={s.rule}>
            <span className="strong">{s.rule}</span> ({EVIDENCE[s.evidence]}): {s.source}
          </li>
        ))}
      </ul>
    </details>
  );
}
