import { useEffect, useState, type FormEvent } from 'react';
import { AUDIT_SORT_COLUMNS, type AuditSearchResult } from '../../preload/schemas/audit';
import { formatInstantTime, parseUsDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { TextField } from '../ui/field';
import { downloadText } from '../ui/download';
import { useFormErrors } from '../ui/form-errors';

type Sort = (typeof AUDIT_SORT_COLUMNS)[number];
const COLUMNS: { key: Sort; label: string }[] = [
  { key: 'at', label: 'Time' },
  { key: 'username', label: 'User' },
  { key: 'action', label: 'Action' },
  { key: 'category', label: 'Data' },
  { key: 'patient', label: 'Patient' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'detail', label: 'Detail' },
];
const EMPTY = { from: '', to: '', username: '', patient: '', action: '' };
const PAGE = 200;

/** The dates are typed MM/DD/YYYY, as on every other screen, and sent as YYYY-MM-DD. */
const asIso = (typed: string) => (typed.trim() ? (parseUsDate(typed) ?? typed) : '');

/** Administrators: who did what, to whose record, when — filter, sort, export. */
export function AuditScreen() {
  const [draft, setDraft] = useState(EMPTY);
  const [filter, setFilter] = useState(EMPTY);
  const [sort, setSort] = useState<{ sort: Sort; direction: 'asc' | 'desc' }>({ sort: 'at', direction: 'desc' });
  const [offset, setOffset] = useState(0);
  const [result, setResult] = useState<AuditSearchResult | null>(null);
  const errors = useFormErrors();
  const { show: showErrors, clear: clearErrors } = errors;

  useEffect(() => {
    call('audit:search', { filter: { ...filter, ...sort }, limit: PAGE, offset }).then(
      (r) => {
        setResult(r);
        clearErrors();
      },
      (failure) => showErrors(failure, 'filter.'),
    );
  }, [filter, sort, offset, showErrors, clearErrors]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setFilter({ ...draft, from: asIso(draft.from), to: asIso(draft.to) });
  };

  async function exportCsv() {
    try {
      const out = await call('audit:exportCsv', { filter: { ...filter, ...sort } });
      downloadText(out.filename, out.csv);
    } catch (failure) {
      errors.show(failure, 'filter.');
    }
  }

  const sortBy = (key: Sort) => {
    setOffset(0);
    setSort((s) => ({ sort: key, direction: s.sort === key && s.direction === 'desc' ? 'asc' : 'desc' }));
  };

  const header = (c: (typeof COLUMNS)[number]) => (
    <th key={c.key} aria-sort={sort.sort === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => sortBy(c.key)}>
        {c.label} {sort.sort === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );

  return (
    <section aria-labelledby="audit-title">
      <div className="page-head">
        <h1 id="audit-title">Audit trail</h1>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <form className="panel filter-bar" onSubmit={apply} noValidate>
        <TextField
          label="From"
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
          error={errors.fields.from}
          placeholder="MM/DD/YYYY"
        />
        <TextField
          label="To"
          value={draft.to}
          onChange={(to) => setDraft({ ...draft, to })}
          error={errors.fields.to}
          placeholder="MM/DD/YYYY"
        />
        <TextField
          label="User"
          value={draft.username}
          onChange={(username) => setDraft({ ...draft, username })}
          autoComplete="off"
        />
        <TextField
          label="Patient (last name)"
          value={draft.patient}
          onChange={(patient) => setDraft({ ...draft, patient })}
          autoComplete="off"
        />
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          >
            <option value="">All actions</option>
            {result?.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            Filter
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setFilter(EMPTY);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      {errors.form && !Object.keys(errors.fields).length ? (
        <div className="alert alert-error" role="alert">
          {errors.form}
        </div>
      ) : null}
      {result ? (
        <>
          <p className="result-count" aria-live="polite">
            {result.total === 0
              ? 'No entries match.'
              : `Entries ${offset + 1}–${offset + result.rows.length} of ${result.total}.`}{' '}
            Times are shown in this computer’s time zone; the export is in UTC.
          </p>
          <table className="data-table compact audit-table">
            <thead>
              <tr>{COLUMNS.map(header)}</tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className={r.outcome === 'success' ? undefined : `outcome-${r.outcome}`}>
                  <td className="nowrap">{formatInstantTime(r.at)}</td>
                  <td>{r.username}</td>
                  <td className="mono">{r.action}</td>
                  <td>{r.category}</td>
                  <td>{r.patientName ?? ''}</td>
                  <td>
                    {r.outcome === 'success' ? (
                      'Success'
                    ) : (
                      <strong>{r.outcome === 'denied' ? '⛔ Denied' : '⚠ Failed'}</strong>
                    )}
                  </td>
                  <td className="detail">{r.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.total > PAGE ? (
            <div className="actions">
              <button type="button" onClick={() => setOffset((o) => Math.max(0, o - PAGE))} disabled={offset === 0}>
                ← Previous {PAGE}
              </button>
              <button type="button" onClick={() => setOffset((o) => o + PAGE)} disabled={offset + PAGE >= result.total}>
                Next {PAGE} →
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      <p className="field-hint">
        Entries cannot be changed or deleted; <code>npm run mtm -- audit verify</code> checks that none has been.
      </p>
    </section>
  );
}
