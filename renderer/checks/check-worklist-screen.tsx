import { useState } from 'react';
import type { PopulationEntry } from '../../preload/schemas/checks';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';

const LISTS = [
  { key: 'majorInteraction', title: 'Serious interactions', hint: 'Contraindicated or major drug–drug interactions in current medicines' },
  { key: 'lowAdherence', title: 'Adherence below 80%', hint: 'PQA proportion of days covered over 12 months: diabetes, RAS antagonists, statins' },
  { key: 'careGaps', title: 'Care gaps and older adults', hint: 'Diabetes without a statin, heart failure therapy, rescue inhaler overuse, STOPP criteria' },
] as const;

/** Whom to call first: the checks run over every patient, dismissed findings left out. */
export function CheckWorklistScreen() {
  const { data, error } = useCall('checks:population', {});
  const [text, setText] = useState('');
  const find = (entries: PopulationEntry[]) => entries.filter((e) => !text.trim() || e.name.toLowerCase().includes(text.trim().toLowerCase()));

  return (
    <section aria-labelledby="worklist-title">
      <div className="page-head">
        <h1 id="worklist-title">Check worklist</h1>
      </div>
      {error && <div className="alert alert-error" role="alert">{error}</div>}
      {!data && !error && <p className="muted">Checking every patient…</p>}
      {data && (
        <>
          <div className="summary-tiles" role="status">
            {LISTS.map((l) => (
              <div key={l.key} className="tile">
                <span className="tile-number">{data[l.key].length}</span> {l.title.toLowerCase()}
              </div>
            ))}
            <div className="tile tile-muted">
              <span className="tile-number">{data.screened}</span> patients checked in {(data.elapsedMs / 1000).toFixed(1)} s
            </div>
          </div>
          <div className="panel filter-bar elig-filters">
            <div className="field">
              <label htmlFor="worklist-find">Find patient</label>
              <input id="worklist-find" value={text} onChange={(e) => setText(e.target.value)} placeholder="Last name" autoComplete="off" />
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
                        <th>Found</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entries.slice(0, 200).map((e) => (
                        <tr key={e.patientId} className="clickable" tabIndex={0} onClick={() => navigate(`/patients/${e.patientId}`)} onKeyDown={(k) => k.key === 'Enter' && navigate(`/patients/${e.patientId}`)}>
                          <td className="strong nowrap">{e.name}</td>
                          <td>{e.findings.join(' · ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {entries.length > 200 && <p className="muted">Showing the first 200 of {entries.length}; find a patient by name to narrow the list.</p>}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
