import { useEffect, useMemo, useRef, useState } from 'react';
import type { PatientSearchResult, PatientSummary } from '../../preload/schemas/patients';
import { call } from '../api/bridge';
import { navigate } from '../app/use-hash-route';
import { Loaded } from '../ui/loaded';
import { useListKeys } from '../ui/use-list-keys';
import { dobWithAge, formatMbi, formatPhone, listName, sexLabel } from './patient-format';

type SortKey = 'name' | 'dob';
const MATCHED_BY: Record<PatientSearchResult['matchedBy'], string> = {
  all: 'All patients',
  name: 'Matching by name',
  dateOfBirth: 'Matching by date of birth',
  phone: 'Matching by phone number',
  mbi: 'Matching by Medicare number',
};

const count = (n: number, more: boolean) => `${n}${more ? '+' : ''} patient${n === 1 ? '' : 's'}`;

function sortPatients(list: PatientSummary[], key: SortKey, asc: boolean): PatientSummary[] {
  const value = (p: PatientSummary) =>
    key === 'name' ? `${p.lastName}\u0000${p.firstName}`.toLowerCase() : p.dateOfBirth;
  return [...list].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (asc ? 1 : -1));
}

export function PatientList() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<PatientSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'name', asc: true });
  const input = useRef<HTMLInputElement>(null);

  // Type-ahead: each keystroke searches after a short pause; a stale answer never overwrites a newer one.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call('patients:search', { query, limit: 50 })
        .then((r) => {
          if (!current) return;
          setResult(r);
          setError(null);
        })
        .catch((e: Error) => current && setError(e.message));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  // "/" or Ctrl+K jumps to search from anywhere on the page; Alt+N starts a new patient.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.key === '/' && !typing) || (e.ctrlKey && e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        input.current?.focus();
      } else if (e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        navigate('/patients/new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows = useMemo(() => (result ? sortPatients(result.patients, sort.key, sort.asc) : []), [result, sort]);

  const { active, onKeyDown } = useListKeys(
    rows,
    (p) => navigate(`/patients/${p.id}`),
    () => setQuery(''),
  );

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort((s) => ({ key, asc: s.key === key ? !s.asc : true }))}
      >
        {label} {sort.key === key ? (sort.asc ? '▲' : '▼') : ''}
      </button>
    </th>
  );

  return (
    <section aria-labelledby="patients-title">
      <div className="page-head">
        <h1 id="patients-title">Patients</h1>
        <a className="button primary" href="#/patients/new" title="New patient (Alt+N)">
          + New patient
        </a>
      </div>
      <div className="search-box">
        <label htmlFor="patient-search">Find a patient</label>
        <input
          id="patient-search"
          ref={input}
          type="search"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Name (Smith, Jo), date of birth (03/14/1950), phone or Medicare number"
          aria-controls="patient-results"
          aria-activedescendant={rows[active] ? `patient-row-${rows[active].id}` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="field-hint">↑ ↓ to move, Enter to open, Esc to clear. Press / or Ctrl+K to come back here.</p>
      </div>
      <Loaded result={{ data: result, error }} loading={null}>
        {(found) => (
          <>
            <p className="result-count" aria-live="polite">
              {MATCHED_BY[found.matchedBy]}:{' '}
              {rows.length === 0 ? 'no patients found' : count(rows.length, found.truncated)}
              {found.truncated ? ' — type more to narrow the list' : ''}
            </p>
            {rows.length ? (
              <table className="data-table" id="patient-results">
                <thead>
                  <tr>
                    {header('name', 'Name')}
                    {header('dob', 'Date of birth')}
                    <th>Sex</th>
                    <th>Phone</th>
                    <th>Medicare (MBI)</th>
                    <th>Part D plan</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p, i) => (
                    <tr
                      key={p.id}
                      id={`patient-row-${p.id}`}
                      className={i === active ? 'active' : undefined}
                      aria-selected={i === active}
                      onClick={() => navigate(`/patients/${p.id}`)}
                    >
                      <td className="strong">
                        <a href={`#/patients/${p.id}`} tabIndex={-1}>
                          {listName(p)}
                        </a>
                      </td>
                      <td>{dobWithAge(p.dateOfBirth)}</td>
                      <td>{sexLabel(p.sex)}</td>
                      <td>{formatPhone(p.phone)}</td>
                      <td className="mono">{formatMbi(p.mbi)}</td>
                      <td>{p.partDPlanName ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : query ? null : (
              <p className="empty">No patients yet. Press Alt+N or choose “New patient” to register the first one.</p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
