import { useState } from 'react';
import { formatInstant } from '../../preload/schemas/dates';
import { FILL_FIELDS, type FillField, type FillImportReport, type FillMapping } from '../../preload/schemas/fills';
import { BridgeFailure, call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { readAsBase64 } from './read-file';

const MAX_SHOWN = 200;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
type Loaded = { name: string; base64: string };

/** Fill history from the dispensing system: choose the CSV, check the columns, read the report, import. */
export function ImportScreen() {
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<FillMapping>({});
  const [report, setReport] = useState<FillImportReport | null>(null);
  const [done, setDone] = useState<FillImportReport | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [createPatients, setCreatePatients] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check(f: Loaded, m?: FillMapping) {
    setBusy('Checking every row…');
    setError(null);
    setDone(null);
    try {
      const r = await call('fills:preview', { file: f, ...(m ? { mapping: m } : {}) });
      setReport(r);
      setMapping(r.mapping);
    } catch (e) {
      setReport(null);
      setError(e instanceof BridgeFailure ? e.error.message : 'The file could not be checked.');
    } finally {
      setBusy(null);
    }
  }

  async function choose(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    if (!chosen) return;
    const loaded = { name: chosen.name, base64: await readAsBase64(chosen) };
    setFile(loaded);
    await check(loaded);
  }

  async function runImport() {
    if (!file) return;
    setBusy('Importing…');
    setError(null);
    try {
      const r = await call('fills:import', { file, mapping, validOnly, createPatients });
      if (r.refused) setReport(r);
      else setDone(r);
    } catch (e) {
      setError(e instanceof BridgeFailure ? e.error.message : 'The import did not complete.');
    } finally {
      setBusy(null);
    }
  }

  const remap = (field: FillField, header: string) => {
    const next = { ...mapping, [field]: header || undefined };
    setMapping(next);
    if (file) void check(file, next);
  };
  const headerProblems = report?.issues.filter((i) => i.line === 1) ?? [];
  const rowProblems = report?.issues.filter((i) => i.line > 1) ?? [];
  const willImport = report?.validRows ?? 0;
  const blocked =
    !report ||
    headerProblems.length > 0 ||
    (rowProblems.length > 0 && !validOnly) ||
    (report.unknownPatients > 0 && !createPatients && !validOnly);

  return (
    <section aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">Import fill history</h1>
      </div>
      <div className="panel">
        <label className="file-pick">
          <span className="strong">CSV export from your dispensing system</span>
          <input
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            onChange={(e) => void choose(e.target)}
            aria-describedby="import-hint"
          />
        </label>
        <p id="import-hint" className="field-hint">
          Up to 16 MB. Every row is checked before anything is saved; importing the same file again adds nothing.
        </p>
        {busy ? (
          <p role="status" className="status-busy">
            {busy}
          </p>
        ) : null}
      </div>
      <DrugListStatus />
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {done ? (
        <div className="alert alert-ok" role="status" data-testid="import-done">
          <strong>Imported {plural(done.imported, 'fill')}</strong> from {done.fileName}.{' '}
          {plural(done.duplicates, 'fill')} already there; {plural(done.newPatients, 'new patient')};{' '}
          {plural(done.invalidRows, 'row')} with problems skipped.
          {done.unrecognisedRows ? ` ${plural(done.unrecognisedRows, 'fill')} for drugs not in the drug list.` : ''}
        </div>
      ) : null}
      {report && !done ? (
        <>
          <div className="detail-grid import-grid">
            <section className="panel" aria-labelledby="mapping-title">
              <h2 id="mapping-title">Columns</h2>
              <p className="field-hint">
                {report.fileName}: {report.rows} rows, read as {report.encoding}. Check that each item comes from the
                right column: its first value in the file is shown under it.
              </p>
              <table className="data-table compact" aria-label="Columns">
                <thead>
                  <tr>
                    <th>Item</th>
                    <th>Column in the file</th>
                  </tr>
                </thead>
                <tbody>
                  {FILL_FIELDS.map((f) => {
                    const sample = report.samples[mapping[f.id] ?? ''];
                    return (
                      <tr key={f.id}>
                        <td>
                          <label htmlFor={`map-${f.id}`}>{f.label}</label>
                        </td>
                        <td>
                          <select
                            id={`map-${f.id}`}
                            value={mapping[f.id] ?? ''}
                            onChange={(e) => remap(f.id, e.target.value)}
                            aria-describedby={sample ? `sample-${f.id}` : undefined}
                          >
                            <option value="">— not in this file —</option>
                            {report.headers.map((h) => (
                              <option key={h} value={h}>
                                {h}
                              </option>
                            ))}
                          </select>
                          {sample ? (
                            <p className="field-hint" id={`sample-${f.id}`}>
                              {sample}
                            </p>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            <section className="panel" aria-labelledby="report-title">
              <h2 id="report-title">Check</h2>
              <ul className="report-figures">
                <li>
                  <strong>{report.validRows}</strong> rows ready
                </li>
                <li className={report.invalidRows ? 'bad' : undefined}>
                  <strong>{report.invalidRows}</strong> rows with problems
                </li>
                <li>
                  <strong>{report.duplicates}</strong> repeated in the file
                </li>
                <li className={report.unknownPatients ? 'warn' : undefined}>
                  <strong>{report.unknownPatients}</strong> patients not on file
                </li>
                <li className={report.unrecognisedRows ? 'warn' : undefined}>
                  <strong>{report.unrecognisedRows}</strong> fills for drugs not in the drug list
                </li>
              </ul>
              {report.unrecognisedRows ? (
                <p className="field-hint" data-testid="unrecognised-drugs">
                  They import, but cannot count as Part D maintenance drugs until recognised:{' '}
                  {report.unrecognisedDrugs.join('; ')}
                  {report.unrecognisedDrugs.length < report.unrecognisedRows ? ' …' : ''}
                </p>
              ) : null}
              {report.unknownPatients ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={createPatients}
                    onChange={(e) => setCreatePatients(e.target.checked)}
                  />
                  Create the {report.unknownPatients} missing patient{report.unknownPatients === 1 ? '' : 's'} (name and
                  date of birth from the file)
                </label>
              ) : null}
              {rowProblems.length ? (
                <label className="checkbox">
                  <input type="checkbox" checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} />
                  Import the valid rows only and skip {report.invalidRows} with problems
                </label>
              ) : null}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={blocked || Boolean(busy)}
                  onClick={() => void runImport()}
                >
                  Import {willImport} fills
                </button>
              </div>
            </section>
          </div>
          {report.issues.length ? (
            <section className="panel" aria-labelledby="problems-title">
              <h2 id="problems-title">Problems ({report.issues.length})</h2>
              <table className="data-table compact" aria-label="Problems">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>Field</th>
                    <th>What is wrong</th>
                  </tr>
                </thead>
                <tbody>
                  {report.issues.slice(0, MAX_SHOWN).map((i, n) => (
                    <tr key={n}>
                      <td>{i.line === 1 ? 'Header' : i.line}</td>
                      <td>{i.field}</td>
                      <td>{i.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.issues.length > MAX_SHOWN ? (
                <p className="field-hint">
                  …and {report.issues.length - MAX_SHOWN} more. `npm run mtm -- import fills` prints them all.
                </p>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Which drug list recognises the fills: the bundled one, plus an RxNorm release if IT loaded one. */
function DrugListStatus() {
  const { data } = useCall('drugs:status', {});
  if (!data) return null;
  return (
    <p className="muted drug-list-status">
      Drug list: {data.bundledDrugs} products bundled (version {data.bundledVersion}).{' '}
      {data.release
        ? `RxNorm ${data.release} loaded ${formatInstant(data.loadedAt!)}: ${data.ingredients} ingredients, ${data.clinicalDrugs} clinical drugs, ${data.ndcs} NDCs.`
        : 'No RxNorm release loaded: fills are recognised by drug name only (IT: npm run mtm -- import rxnorm).'}
    </p>
  );
}
