// The contract year's beneficiary-level MTM data elements, for the plan or MTM vendor.
import { useState } from 'react';
import { thisYear } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { downloadText } from '../ui/download';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

export function DataElementsPanel() {
  const [year, setYear] = useState(String(thisYear()));
  const [done, setDone] = useState<string | null>(null);
  const errors = useFormErrors();
  const run = async () => {
    errors.clear();
    setDone(null);
    try {
      const f = await call('reports:mtmDataElements', { contractYear: Number(year) });
      downloadText(f.fileName, f.content);
      setDone(`Saved ${f.fileName}: ${f.rows} beneficiar${f.rows === 1 ? 'y' : 'ies'}.`);
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="elements-title">
      <h2 id="elements-title">CMS MTM data elements</h2>
      <p className="muted">
        One row per patient targeted or enrolled in the contract year: criteria met, enrollment and opt-out, CMR offer
        and delivery, written summary, TMRs, recommendations to prescribers and the changes they led to.
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
      {done && (
        <p role="status" className="status-ok">
          {done}
        </p>
      )}
    </section>
  );
}
