// The patient's adherence: PDC per Star measure and per medicine, and the refill timeline.
import { useState } from 'react';
import { formatPdc } from '../../preload/schemas/adherence';
import { useCall } from '../api/use-call';
import { SelectField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { RefillTimeline } from './refill-timeline';

// One decimal, never rounded up: a PDC below 80% never reads 80%.
const pct = (x: number | null) => (x === null ? 'not measured' : formatPdc(x));
const below = (m: { pdc: number | null; threshold: number }) => m.pdc !== null && m.pdc < m.threshold;

export function AdherencePanel({ patientId }: { patientId: string }) {
  const [months, setMonths] = useState<3 | 6 | 12>(12);
  const adherence = useCall('adherence:patient', { patientId, months });
  return (
    <section className="panel" aria-labelledby="adherence-title">
      <div className="panel-head">
        <h2 id="adherence-title">Adherence</h2>
        <SelectField
          label="Period"
          value={String(months)}
          onChange={(v) => setMonths(Number(v) as 3 | 6 | 12)}
          options={[
            { value: '3', label: 'Last 3 months' },
            { value: '6', label: 'Last 6 months' },
            { value: '12', label: 'Last 12 months' },
          ]}
        />
      </div>
      <Loaded result={adherence} loading={null}>
        {(data) =>
          data.drugs.length === 0 ? (
            <p className="muted">No recognised fills in this period.</p>
          ) : (
            <>
              <div className="summary-tiles">
                {data.measures.map((m) => (
                  <div key={m.ruleId} className={`tile${below(m) ? ' tile-attention' : ''}`}>
                    <span className="tile-number">{pct(m.pdc)}</span> {m.label} (PDC)
                  </div>
                ))}
              </div>
              <RefillTimeline data={data} />
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th>Medicine</th>
                    <th>Fills</th>
                    <th>PDC</th>
                    <th>Supply</th>
                  </tr>
                </thead>
                <tbody>
                  {data.drugs.map((d) => (
                    <tr key={d.drug}>
                      <td className="strong">{d.drug}</td>
                      <td>{d.fills.length}</td>
                      <td className={d.pdc !== null && d.pdc < 0.8 ? 'attention' : undefined}>{pct(d.pdc)}</td>
                      <td>
                        {d.daysLate ? <span className="attention">ran out {d.daysLate} days ago</span> : 'current'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
