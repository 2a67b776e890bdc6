import { useState } from 'react';
import type { PopulationEntry } from '../../preload/schemas/checks';
import { formatIsoDate } from '../../preload/schemas/dates';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { Loaded } from '../ui/loaded';

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

/** Whom to call first: the checks run over every patient, dismissed findings left out. */
export function CheckWorklistScreen() {
  const population = useCall('checks:population', {});
  const [text, setText] = useState('');
  const find = (entries: PopulationEntry[]) =>
    entries.filter((e) => !text.trim() || e.name.toLowerCase().includes(text.trim().toLowerCase()));

  return (
    <section aria-labelledby="worklist-title">
      <div className="page-head">
        <h1 id="worklist-title">Check worklist</h1>
      </div>
      <Loaded result={population} loading="Checking every patient…">
        {(data) => (
          <>
            <div className="summary-tiles" role="status">
              {LISTS.map((l) => (
                <div key={l.key} className="tile">
                  <span className="tile-number">{data[l.key].length}</span> {l.title.toLowerCase()}
                </div>
              ))}
              <div className="tile tile-muted">
                <span className="tile-number">{data.screened}</span> patients checked in{' '}
                {(data.elapsedMs / 1000).toFixed(1)} s
              </div>
              <a className="tile tile-link" href="#/adherence">
                Adherence below 80% and late refills: the Adherence worklist (Alt+H)
              </a>
            </div>
            <div className="panel filter-bar elig-filters">
              <div className="field">
                <label htmlFor="worklist-find">Find patient</label>
                <input
                  id="worklist-find"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="Last name"
                  autoComplete="off"
                />
              </div>
            </div>
            {LISTS.map((l) => {
              const entries = find(data[l.key]);
              return (
                <section key={l.key} className="panel worklist-panel" aria-labelledby={`wl-${l.key}`}>
                  <h2 id={`wl-${l.key}`}>
                    {l.title} <span className="count-note">{entries.length}</span>
                  </h2>
                  <p className="field-hint">{l.hint}</p>
                  {entries.length === 0 ? (
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
                        {entries.slice(0, 200).map((e) => (
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
                  {entries.length > 200 && (
                    <p className="muted">
                      Showing the first 200 of {entries.length}; find a patient by name to narrow the list.
                    </p>
                  )}
                </section>
              );
            })}
          </>
        )}
      </Loaded>
    </section>
  );
}
