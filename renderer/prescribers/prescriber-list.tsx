import { useEffect, useState } from 'react';
import { formatPhone } from '../../preload/schemas/identifiers';
import type { Prescriber } from '../../preload/schemas/prescribers';
import { call } from '../api/bridge';
import { navigate } from '../app/use-hash-route';
import { capitalize } from '../ui/capitalize';
import { Loaded } from '../ui/loaded';
import { useListKeys } from '../ui/use-list-keys';

const NONE_YET = 'No prescribers yet. Add the doctors and nurse practitioners your patients see.';
const name = (p: Prescriber) =>
  `${p.lastName.toUpperCase()}, ${p.firstName}${p.credentials ? `, ${p.credentials}` : ''}`;

export function PrescriberList() {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Prescriber[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call('prescribers:search', { query, limit: 100 }).then(
        (r) => {
          if (!current) return;
          setRows(r.prescribers);
          setTruncated(r.truncated);
          setError(null);
        },
        (e: Error) => current && setError(e.message),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const { active, onKeyDown } = useListKeys(
    rows ?? [],
    (p) => navigate(`/prescribers/${p.id}`),
    () => setQuery(''),
  );

  return (
    <section aria-labelledby="prescribers-title">
      <div className="page-head">
        <h1 id="prescribers-title">Prescribers</h1>
        <a className="button primary" href="#/prescribers/new">
          + New prescriber
        </a>
      </div>
      <div className="search-box">
        <label htmlFor="prescriber-search">Find a prescriber</label>
        <input
          id="prescriber-search"
          type="search"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Name (Smith, J), practice, NPI, or part of a phone or fax number"
          autoComplete="off"
        />
      </div>
      <Loaded result={{ data: rows, error }} loading={null}>
        {(found) => (
          <>
            {found.length ? (
              <table className="data-table" aria-label="Prescribers">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>NPI</th>
                    <th>Practice</th>
                    <th>Fax</th>
                    <th>Phone</th>
                    <th>Contact by</th>
                  </tr>
                </thead>
                <tbody>
                  {found.map((p, i) => (
                    <tr
                      key={p.id}
                      className={i === active ? 'active' : undefined}
                      onClick={() => navigate(`/prescribers/${p.id}`)}
                    >
                      <td className="strong">{name(p)}</td>
                      <td className="mono">{p.npi}</td>
                      <td>{p.practice ?? ''}</td>
                      <td>{formatPhone(p.fax)}</td>
                      <td>{formatPhone(p.phone)}</td>
                      <td>{capitalize(p.preferredContact)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="empty">{query ? 'No prescriber matches.' : NONE_YET}</p>
            )}
            {truncated ? <p className="result-count">More prescribers match: type more to narrow the list.</p> : null}
          </>
        )}
      </Loaded>
    </section>
  );
}
