// Each fill as a bar as long as its days' supply, one row per medicine: the gaps show themselves.
import { DAY_MS } from '../../preload/schemas/dates';
import type { PatientAdherence } from '../../preload/schemas/adherence';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const ROW = 34;
const LABEL = 170;
const WIDTH = 900;

export function RefillTimeline({ data }: { data: PatientAdherence }) {
  const start = day(data.period.start);
  const end = day(data.period.end) + 1;
  const x = (d: number) => LABEL + ((Math.min(Math.max(d, start), end) - start) / (end - start)) * (WIDTH - LABEL - 10);
  const height = data.drugs.length * ROW + 28;
  const months: { at: number; label: string }[] = [];
  for (
    let m = new Date(`${data.period.start.slice(0, 7)}-01T00:00:00Z`);
    day(m.toISOString().slice(0, 10)) < end;
    m.setUTCMonth(m.getUTCMonth() + 1)
  ) {
    const d = day(m.toISOString().slice(0, 10));
    if (d >= start) months.push({ at: d, label: m.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' }) });
  }
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="refill-timeline"
      role="img"
      aria-label={`Refill timeline from ${data.period.start} to ${data.period.end}: each bar is one fill's days of supply`}
    >
      {months.map((m) => (
        <g key={m.at}>
          <line x1={x(m.at)} x2={x(m.at)} y1={0} y2={height - 22} stroke="#dde3ea" />
          <text x={x(m.at) + 3} y={height - 6} fontSize="13" fill="#3d4a5c">
            {m.label}
          </text>
        </g>
      ))}
      {data.drugs.map((d, i) => (
        <g key={d.drug}>
          <text x={0} y={i * ROW + 21} fontSize="15" fill="#16202c" fontWeight={600}>
            {d.drug}
          </text>
          <line x1={LABEL} x2={WIDTH - 10} y1={i * ROW + 16} y2={i * ROW + 16} stroke="#e9edf2" strokeWidth={14} />
          {d.fills.map((f) => (
            <rect
              key={f.date}
              x={x(day(f.date))}
              y={i * ROW + 9}
              width={Math.max(2, x(day(f.date) + f.daysSupply) - x(day(f.date)))}
              height={14}
              rx={2}
              fill={d.pdc !== null && d.pdc < 0.8 ? '#b7860b' : '#1a5aa6'}
            >
              <title>
                {f.date}: {f.daysSupply} days
              </title>
            </rect>
          ))}
        </g>
      ))}
      <line x1={x(end - 1)} x2={x(end - 1)} y1={0} y2={height - 22} stroke="#a8201a" strokeDasharray="4 3" />
    </svg>
  );
}
