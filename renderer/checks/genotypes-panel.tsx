import { useState } from 'react';
import { PGX_GENES, PGX_RESULTS } from '../../preload/schemas/checks';
import { formatIsoDate, parseUsDate, todayIso } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { useForm } from '../ui/use-form';

/** Pharmacogenomic results from a lab report, in CPIC's terms; the checks use the latest per gene. */
export function GenotypesPanel({ patientId, onChanged }: { patientId: string; onChanged: () => void }) {
  const genotypes = useCall('genotypes:list', { patientId });
  const { reload } = genotypes;
  const [adding, setAdding] = useState(false);
  const today = formatIsoDate(todayIso());
  const {
    values: v,
    set,
    setValues,
    errors,
    busy,
    submit,
  } = useForm({ gene: PGX_GENES[0], result: '', testedOn: today, laboratory: '' });
  const onSubmit = submit(async (f) => {
    await call('genotypes:add', {
      patientId,
      gene: f.gene,
      result: f.result,
      testedOn: parseUsDate(f.testedOn) ?? f.testedOn,
      laboratory: f.laboratory,
    });
    setAdding(false);
    setValues({ gene: PGX_GENES[0], result: '', testedOn: today, laboratory: '' });
    reload();
    onChanged();
  });
  const seen = new Set<string>();

  return (
    <section className="panel" aria-labelledby="pgx-title">
      <div className="panel-head">
        <h2 id="pgx-title">Pharmacogenomics</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            + Add result
          </button>
        )}
      </div>
      <Loaded result={genotypes} loading={null}>
        {(results) =>
          results.length === 0 ? (
            adding ? null : (
              <p className="muted">No genetic test results recorded.</p>
            )
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>Gene</th>
                  <th>Result</th>
                  <th>Tested</th>
                  <th>Laboratory</th>
                </tr>
              </thead>
              <tbody>
                {results.map((g) => {
                  const superseded = seen.has(g.gene);
                  seen.add(g.gene);
                  return (
                    <tr key={g.id} className={superseded ? 'inactive' : undefined}>
                      <td className="strong">{g.gene}</td>
                      <td>
                        {g.result}
                        {superseded && <span className="tag tag-muted">superseded</span>}
                      </td>
                      <td>{formatIsoDate(g.testedOn)}</td>
                      <td>{g.laboratory ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {adding && (
        <form
          className="inline-panel"
          onSubmit={onSubmit}
          noValidate
          aria-label="Add a genetic test result"
          onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
        >
          <FormAlert message={errors.form} />
          <div className="form-grid">
            <SelectField
              label="Gene"
              value={v.gene}
              onChange={(gene) => setValues((prev) => ({ ...prev, gene, result: '' }))}
              options={PGX_GENES.map((g) => ({ value: g, label: g }))}
              error={errors.fields.gene}
              autoFocus
            />
            <SelectField
              label="Result"
              value={v.result}
              onChange={set('result')}
              options={[
                { value: '', label: 'Choose…' },
                ...(PGX_RESULTS[v.gene] ?? []).map((r) => ({ value: r, label: r })),
              ]}
              error={errors.fields.result}
            />
            <TextField
              label="Date tested"
              value={v.testedOn}
              onChange={set('testedOn')}
              error={errors.fields.testedOn}
              placeholder="MM/DD/YYYY"
            />
            <TextField
              label="Laboratory (optional)"
              value={v.laboratory}
              onChange={set('laboratory')}
              error={errors.fields.laboratory}
            />
          </div>
          <div className="actions">
            <button type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Add result
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
