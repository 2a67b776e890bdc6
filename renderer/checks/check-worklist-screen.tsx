import { useState } from 'react';
import type { PopulationList } from '../../preload/schemas/checks';
import { formatIsoDate } from '../../preload/schemas/dates';
import { PAGE_SIZE } from '../../preload/schemas/paging';
import { navigate } from '../app/use-hash-route';
import { PagedList, useKeptCall } from '../ui/paged-list';

const LISTS = [
  {
    key: 'serious',
    title: 'Serious findings',
    hint: 'Contraindicated or major: interactions, duplications, kidney dosing, dose limits, disease–drug, older-adult criteria',
  },
  {
    key: 'review',
    title: 'To raise at the next review',
    hint: 'Moderate findings: AGS Beers 2023 and STOPP criteria, disease–drug, dose, duplications, interactions',
  },
  {
    key: 'careGaps',
    title: 'Care gaps',
    hint: 'Therapy missing for a condition (START v3, statin in diabetes), rescue inhaler overuse',
  },
] as const;

/** Whom to call first: the checks run over every patient, dismissed findings left out, one list at a time. */
export function CheckWorklistScreen() {
  const [list, setList] = useState<PopulationList>('serious');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const population = useKeptCall('checks:population', { list, search, offset, limit: PAGE_SIZE });
  const data = population.data;
  const shown = LISTS.find((l) => l.key === list)!;

  return (
    <section aria-labelledby="worklist-title">
      <div className="page-head">
        <h1 id="worklist-title">Check worklist</h1>
      </div>
      {population.error && (
        <div className="alert alert-error" role="alert">
          {population.error}
        </div>
      )}
      {!data && !population.error && <p aria-busy="true">Checking every patient…</p>}
      {data && (
        <>
          <div className="summary-tiles">
            {LISTS.map((l) => (
              <button
                key={l.key}
                type="button"
                className={`tile tile-button${list === l.key ? ' tile-open' : ''}`}
                aria-pressed={list === l.key}
                onClick={() => {
                  setList(l.key);
                  setOffset(0);
                }}
              >
                <span className="tile-number">{data.counts[l.key]}</span> {l.title.toLowerCase()}
              </button>
            ))}
            <div className="tile tile-muted" role="status">
              <span className="tile-number">{data.screened}</span> patients checked in{' '}
              {(data.elapsedMs / 1000).toFixed(1)} s
            </div>
            <a className="tile tile-link" href="#/adherence">
              Adherence below 80% and late refills: the Adherence worklist (Alt+H)
            </a>
          </div>
          <section className="panel worklist-panel" aria-labelledby="wl-list">
            <h2 id="wl-list">{shown.title}</h2>
            <p className="field-hint">{shown.hint}. Most findings first.</p>
            <PagedList
              id="worklist"
              page={data}
              loading={population.loading}
              search={search}
              onSearch={(text) => {
                setSearch(text);
                setOffset(0);
              }}
              onOffset={setOffset}
            >
              {data.items.length === 0 ? (
                <p className="muted">Nobody on this list.</p>
              ) : (
                <table className="data-table compact">
                  <thead>
                    <tr>
                      <th>Patient</th>
                      <th>Date of birth</th>
                      <th>Found</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((e) => (
                      <tr
                        key={e.patientId}
                        className="clickable"
                        tabIndex={0}
                        onClick={() => navigate(`/patients/${e.patientId}`)}
                        onKeyDown={(k) => k.key === 'Enter' && navigate(`/patients/${e.patientId}`)}
                      >
                        <td className="strong nowrap">{e.name}</td>
                        <td className="nowrap">{formatIsoDate(e.dateOfBirth)}</td>
                        <td>{e.findings.join(' · ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </PagedList>
          </section>
        </>
      )}
    </section>
  );
}
