// What a pharmacy owner acts on: the MTM programme, clinical work, adherence, billing and time,
// for a date range. Every chart has its numbers beside it and a CSV.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES } from '../../preload/schemas/billing';
import { DTP_LABELS, SEVERITY_LABELS, type DTP_CATEGORIES, type SEVERITIES } from '../../preload/schemas/checks';
import type { ReportSummary } from '../../preload/schemas/reports';
import { OUTCOME_LABELS, REVIEW_TYPE_LABELS, type OUTCOMES } from '../../preload/schemas/reviews';
import { useCall } from '../api/use-call';
import { DateRangeFields, useDateRange } from '../ui/date-range';
import { Loaded } from '../ui/loaded';
import { ReportCard } from './report-card';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const COLORS = ['#1a5aa6', '#2f7d4f', '#b7860b', '#a8201a', '#5b6778'];

/** More rows than this, and the bars lie down: one readable label per row, the chart as tall as it needs. */
const MAX_UPRIGHT_ROWS = 6;

/** Bars per row of a report's table; keys are the table's own columns. */
function Bars({
  data,
  x,
  bars,
  percent,
}: {
  data: object[];
  x: string;
  bars: { key: string; name: string }[];
  percent?: boolean;
}) {
  const lying = data.length > MAX_UPRIGHT_ROWS;
  // Room for the longest label at 13 px, up to a quarter of a counter monitor's chart.
  const labelWidth = Math.min(
    250,
    16 + 7 * Math.max(0, ...data.map((d) => String((d as Record<string, unknown>)[x]).length)),
  );
  const values = {
    tick: { fontSize: 13 },
    allowDecimals: !percent,
    domain: percent ? [0, 100] : undefined,
    unit: percent ? '%' : undefined,
  } as const;
  return (
    <ResponsiveContainer width="100%" height={lying ? 60 + data.length * (22 + 14 * bars.length) : 240}>
      <BarChart
        data={data}
        layout={lying ? 'vertical' : 'horizontal'}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={lying} horizontal={!lying} />
        {lying ? (
          <>
            <XAxis type="number" {...values} />
            <YAxis type="category" dataKey={x} tick={{ fontSize: 13 }} interval={0} width={labelWidth} />
          </>
        ) : (
          <>
            <XAxis dataKey={x} tick={{ fontSize: 13 }} interval={0} />
            <YAxis {...values} />
          </>
        )}
        <Tooltip />
        {/* In the bars' own order, not alphabetical. */}
        {bars.length > 1 && <Legend itemSorter={null} />}
        {bars.map((b, i) => (
          <Bar key={b.key} dataKey={b.key} name={b.name} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ReportsScreen() {
  const { typed, setTyped, range } = useDateRange(364);
  const summary = useCall('reports:summary', range);
  const { data } = summary;
  return (
    <section aria-labelledby="reports-title">
      <div className="page-head">
        <h1 id="reports-title">Reports</h1>
        {data && <p className="muted">Computed in {(data.elapsedMs / 1000).toFixed(2)} s</p>}
      </div>
      <DateRangeFields labels={['From', 'To']} typed={typed} onChange={setTyped} />
      <Loaded result={summary} loading="Counting…">
        {(r) => <Reports r={r} />}
      </Loaded>
    </section>
  );
}

function Reports({ r }: { r: ReportSummary }) {
  const stamp = `${r.period.from}-to-${r.period.to}`;
  // A claim's life in order, not by how many claims are in each state.
  const claimsByStatus = [...r.claimsByStatus].sort(
    (a, b) => CLAIM_STATUSES.indexOf(a.status) - CLAIM_STATUSES.indexOf(b.status),
  );
  const adherence = r.adherence.map((a) => ({
    label: a.label,
    now: a.now.share === null ? 0 : Math.round(a.now.share * 100),
    prior: a.prior.share === null ? 0 : Math.round(a.prior.share * 100),
  }));
  const problems = Object.values(
    r.problems.reduce<Record<string, Record<string, number | string>>>((acc, p) => {
      const label = DTP_LABELS[p.category as (typeof DTP_CATEGORIES)[number]] ?? p.category;
      acc[label] = { ...(acc[label] ?? { category: label }), [p.severity]: p.count };
      return acc;
    }, {}),
  );
  return (
    <div className="reports">
      <ReportCard
        id="cmr"
        title="Comprehensive medication reviews"
        note="The completion rate is enrolled patients who received a CMR ÷ patients enrolled in the MTM programme in the period (the Part D display measure’s denominator), not ÷ those offered one."
        fileName={`cmr-${stamp}.csv`}
        chart={
          <Bars
            data={[{ what: 'CMRs', enrolled: r.cmr.enrolled, offered: r.cmr.offered, completed: r.cmr.completed }]}
            x="what"
            bars={[
              { key: 'enrolled', name: 'Enrolled' },
              { key: 'offered', name: 'Offered' },
              { key: 'completed', name: 'Completed' },
            ]}
          />
        }
        table={{
          columns: ['Enrolled', 'Offered', 'Completed', 'Enrolled with a CMR', 'Completion rate'],
          rows:
            r.cmr.enrolled || r.cmr.offered || r.cmr.completed
              ? [[r.cmr.enrolled, r.cmr.offered, r.cmr.completed, r.cmr.enrolledWithCmr, pct(r.cmr.rate)]]
              : [],
        }}
      />
      <ReportCard
        id="tmr"
        title="TMRs per enrolled patient, by quarter"
        fileName={`tmr-${stamp}.csv`}
        chart={
          <Bars
            data={r.tmrByQuarter}
            x="quarter"
            bars={[
              { key: 'tmrs', name: 'TMRs' },
              { key: 'enrolled', name: 'Enrolled' },
            ]}
          />
        }
        table={{
          columns: ['Quarter', 'TMRs', 'Enrolled', 'Per enrolled patient'],
          rows: r.tmrByQuarter.map((q) => [
            q.quarter,
            q.tmrs,
            q.enrolled,
            q.perEnrolled === null ? '—' : q.perEnrolled.toFixed(2),
          ]),
        }}
      />
      <ReportCard
        id="programme"
        title="Targeted, enrolled and opted out, by contract"
        fileName={`programme-${stamp}.csv`}
        chart={
          <Bars
            data={r.programme}
            x="contract"
            bars={[
              { key: 'targeted', name: 'Targeted' },
              { key: 'enrolled', name: 'Enrolled' },
              { key: 'optedOut', name: 'Opted out' },
            ]}
          />
        }
        table={{
          columns: ['Contract', 'Targeted', 'Enrolled', 'Opted out'],
          rows: r.programme.map((p) => [p.contract, p.targeted, p.enrolled, p.optedOut]),
        }}
      />
      <ReportCard
        id="problems"
        title="Drug-therapy problems by category and severity"
        fileName={`problems-${stamp}.csv`}
        chart={
          <Bars
            data={problems}
            x="category"
            bars={(['contraindicated', 'major', 'moderate', 'minor'] as (typeof SEVERITIES)[number][])
              .filter((s) => r.problems.some((p) => p.severity === s))
              .map((s) => ({ key: s, name: SEVERITY_LABELS[s] }))}
          />
        }
        table={{
          columns: ['Category', 'Severity', 'Problems'],
          rows: r.problems.map((p) => [
            DTP_LABELS[p.category as (typeof DTP_CATEGORIES)[number]] ?? p.category,
            SEVERITY_LABELS[p.severity as (typeof SEVERITIES)[number]] ?? p.severity,
            p.count,
          ]),
        }}
      />
      <ReportCard
        id="outcomes"
        title="Recommendations to prescribers, by outcome"
        fileName={`outcomes-${stamp}.csv`}
        chart={
          <Bars
            data={r.outcomes.map((o) => ({
              outcome: OUTCOME_LABELS[o.outcome as (typeof OUTCOMES)[number]] ?? 'Awaiting answer',
              count: o.count,
            }))}
            x="outcome"
            bars={[{ key: 'count', name: 'Recommendations' }]}
          />
        }
        table={{
          columns: ['Outcome', 'Recommendations'],
          rows: r.outcomes.map((o) => [
            OUTCOME_LABELS[o.outcome as (typeof OUTCOMES)[number]] ?? 'Awaiting answer',
            o.count,
          ]),
        }}
      />
      <ReportCard
        id="prescribers"
        title="Acceptance rate per prescriber"
        note="Accepted or modified ÷ answered. The chart shows the prescribers who have answered; the table lists everyone written to."
        fileName={`prescribers-${stamp}.csv`}
        chart={
          <Bars
            data={r.prescribers
              .filter((p) => p.rate !== null)
              .map((p) => ({ prescriber: p.prescriber, rate: Math.round(p.rate! * 100) }))}
            x="prescriber"
            bars={[{ key: 'rate', name: 'Acceptance %' }]}
            percent
          />
        }
        table={{
          columns: ['Prescriber', 'Sent', 'Answered', 'Led to a change', 'Acceptance'],
          rows: r.prescribers.map((p) => [p.prescriber, p.sent, p.answered, p.changed, pct(p.rate)]),
        }}
      />
      <ReportCard
        id="adherence"
        title="Patients at 80% PDC or better, per Star measure"
        note="The year ending on the last date, against the year before."
        fileName={`adherence-${stamp}.csv`}
        chart={
          <Bars
            data={adherence}
            x="label"
            bars={[
              { key: 'prior', name: 'Year before' },
              { key: 'now', name: 'Now' },
            ]}
            percent
          />
        }
        table={{
          columns: ['Measure', 'Now: at goal / measured', 'Now', 'Year before: at goal / measured', 'Year before'],
          rows: r.adherence
            .filter((a) => a.now.measured || a.prior.measured)
            .map((a) => [
              a.label,
              `${a.now.atGoal} / ${a.now.measured}`,
              pct(a.now.share),
              `${a.prior.atGoal} / ${a.prior.measured}`,
              pct(a.prior.share),
            ]),
        }}
      />
      <ReportCard
        id="claims"
        title="Claims by status"
        fileName={`claims-${stamp}.csv`}
        chart={
          <Bars
            data={claimsByStatus.map((c) => ({
              status: CLAIM_STATUS_LABELS[c.status],
              billed: c.billedCents / 100,
              paid: c.paidCents / 100,
            }))}
            x="status"
            bars={[
              { key: 'billed', name: 'Billed $' },
              { key: 'paid', name: 'Paid $' },
            ]}
          />
        }
        table={{
          columns: ['Status', 'Claims', 'Billed', 'Paid'],
          rows: claimsByStatus.map((c) => [
            CLAIM_STATUS_LABELS[c.status],
            c.count,
            usd(c.billedCents),
            usd(c.paidCents),
          ]),
        }}
      />
      <ReportCard
        id="denials"
        title="Denial and rejection reasons"
        fileName={`denials-${stamp}.csv`}
        chart={<Bars data={r.denials} x="reason" bars={[{ key: 'count', name: 'Claims' }]} />}
        table={{ columns: ['Reason', 'Claims'], rows: r.denials.map((d) => [d.reason, d.count]) }}
      />
      <ReportCard
        id="revenue"
        title="MTM revenue per month"
        fileName={`revenue-${stamp}.csv`}
        chart={
          <Bars
            data={r.revenueByMonth.map((m) => ({
              month: m.month,
              billed: m.billedCents / 100,
              paid: m.paidCents / 100,
            }))}
            x="month"
            bars={[
              { key: 'billed', name: 'Billed $' },
              { key: 'paid', name: 'Paid $' },
            ]}
          />
        }
        table={{
          columns: ['Month', 'Billed', 'Paid'],
          rows: r.revenueByMonth.map((m) => [m.month, usd(m.billedCents), usd(m.paidCents)]),
        }}
      />
      <ReportCard
        id="time"
        title="Pharmacist time per review type"
        fileName={`time-${stamp}.csv`}
        chart={
          <Bars
            data={r.timeByType.map((t) => ({
              type: REVIEW_TYPE_LABELS[t.type as keyof typeof REVIEW_TYPE_LABELS]?.replace(/ \(.*\)$/, '') ?? t.type,
              average: t.average === null ? 0 : Math.round(t.average),
            }))}
            x="type"
            bars={[{ key: 'average', name: 'Average minutes' }]}
          />
        }
        table={{
          columns: ['Review type', 'Reviews', 'Minutes', 'Average minutes'],
          rows: r.timeByType.map((t) => [
            REVIEW_TYPE_LABELS[t.type as keyof typeof REVIEW_TYPE_LABELS] ?? t.type,
            t.reviews,
            t.minutes,
            t.average === null ? '—' : Math.round(t.average),
          ]),
        }}
      />
    </div>
  );
}
