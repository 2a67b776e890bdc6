// The contract year's beneficiary-level MTM data elements, for the plan or MTM vendor: codes, dates and counts only.
// A file with a missing or out-of-set value is not written; the patients and fields to correct are listed here.
import { useState } from 'react';
import { thisYear } from '../../preload/schemas/dates';
import type { FieldIssue } from '../../preload/contract';
import { BridgeFailure, call } from '../api/bridge';
import { downloadText } from '../ui/download';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { SavedNote } from '../ui/saved-note';

export function DataElementsPanel() {
  const [year, setYear] = useState(String(thisYear()));
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const errors = useFormErrors();
  const run = async () => {
    errors.clear();
    setDone(null);
    setRefused(null);
    try {
      const f = await call('reports:mtmDataElements', { contractYear: Number(year) });
      downloadText(f.fileName, f.content);
      setDone(`Saved ${f.fileName}: ${f.rows} beneficiar${f.rows === 1 ? 'y' : 'ies'}.`);
    } catch (e) {
      // The file's own problems (patients named) are listed; a bad year goes under the field.
      if (e instanceof BridgeFailure && e.error.issues?.length && e.error.field === undefined && !isYearIssue(e))
        setRefused({ message: e.error.message, issues: e.error.issues });
      else errors.show(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="elements-title">
      <h2 id="elements-title">CMS MTM data elements</h2>
      <p className="muted">
        One row per patient enrolled in the contract year, as codes, dates and counts (no notes): targeting reason,
        enrollment and opt-out, CMR offer, date and delivery, written summary, TMRs, recommendations to prescribers and
        the changes they led to.
      </p>
      <div className="row-end">
        <TextField
          label="Contract year"
          value={year}
          onChange={setYear}
          error={errors.fields.contractYear ?? errors.form ?? undefined}
          inputMode="numeric"
        />
        <button type="button" onClick={() => void run()}>
          Export CSV
        </button>
      </div>
      <SavedNote text={done} />
      {refused && (
        <div className="alert alert-error" role="alert" data-testid="elements-refused">
          <p>{refused.message}</p>
          <ul>
            {refused.issues.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const isYearIssue = (e: BridgeFailure) => e.error.issues?.some((i) => i.field === 'contractYear') ?? false;
