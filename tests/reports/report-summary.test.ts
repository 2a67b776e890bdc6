import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { recodeFills } from '../../main/medications/vocabulary/recognise-fills';
import { billable } from '../helpers/billing-setup';
import { call, daysAgo } from '../helpers/temp-pharmacy';
import { confirmedExport } from '../billing/confirmed-export';

describe('reports on a small pharmacy, against figures worked out by hand', () => {
  it('counts the programme, problems, outcomes, adherence, claims and time', async () => {
    const { session, review, patientId, payerId } = await billable();
    const today = daysAgo(0);
    const year = Number(today.slice(0, 4));
    // A second patient offered a CMR today, not yet reviewed.
    const other = await call(session, 'patients:create', {
      patient: { firstName: 'Tomasz', lastName: 'Wrona', dateOfBirth: '1951-01-20', sex: 'male' },
    });
    await call(session, 'eligibility:record', {
      action: 'offerCmr',
      patientId: other.id,
      contractYear: year,
      version: 0,
      date: today,
      method: 'telephone',
    });
    // The CMR's prescriber recommendation is accepted; a TMR of 15 minutes follows today.
    await call(session, 'reviews:recordOutcome', {
      id: review.id,
      version: review.version,
      recommendationId: review.plan[0]!.id,
      outcome: 'accepted',
      date: today,
    });
    let tmr = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    tmr = await call(session, 'reviews:act', { id: tmr.id, version: tmr.version, action: 'start' });
    tmr = await call(session, 'reviews:update', {
      id: tmr.id,
      version: tmr.version,
      changes: { deliveryMethod: 'telephone', followUpDate: tmr.suggestedFollowUp, problemsConfirmed: true },
    });
    for (const l of tmr.reconciliation)
      tmr = await call(session, 'reviews:resolveLine', {
        id: tmr.id,
        version: tmr.version,
        lineKey: l.key,
        resolution: 'asListed',
      });
    tmr = await call(session, 'reviews:timer', { id: tmr.id, version: tmr.version, timer: { correctMinutes: 15 } });
    tmr = await call(session, 'reviews:act', { id: tmr.id, version: tmr.version, action: 'complete', minutes: 15 });
    // Claims: the CMR paid $80.00 of $90.50; the TMR denied.
    const act = (id: string, version: number, a: Record<string, unknown>) =>
      call(session, 'claims:act', { id, version, ...a } as never);
    for (const reviewId of [review.id, tmr.id]) {
      const c = await call(session, 'claims:create', { reviewId, payerId });
      await act(c.id, c.version, { action: 'ready' });
    }
    await confirmedExport(session, { format: 'csv', from: daysAgo(30), to: today, payerId });
    const [cmrClaim, tmrClaim] = (await call(session, 'claims:list', { payerId })).sort((a, b) =>
      a.serviceDate.localeCompare(b.serviceDate),
    );
    await act(cmrClaim!.id, cmrClaim!.version, { action: 'paid', paidAmount: 80, paidDate: today });
    await act(tmrClaim!.id, tmrClaim!.version, { action: 'denied', reason: 'Service not covered' });
    // A year of statin fills with no gap: 90 days from 100 days ago, 90 more from 10 days ago.
    for (const [n, ago] of [
      [0, 100],
      [1, 10],
    ] as const) {
      await run(
        session.current().db,
        sql`INSERT INTO fills
              (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, created_at)
            VALUES (${randomUUID()}, ${patientId}, 'RX900', ${n}, ${daysAgo(ago)}, 'ATORVASTATIN 40 MG TAB', 90, 90,
                    ${today})`,
      );
    }
    await recodeFills(session.current().db);

    const r = await call(session, 'reports:summary', { from: daysAgo(60), to: today });
    // Over the enrolled (the Star measure's denominator): two enrolled, one offered (the other), one with a CMR.
    expect(r.cmr).toEqual({ enrolled: 2, offered: 1, completed: 1, enrolledWithCmr: 1, rate: 0.5 });
    expect(r.tmrByQuarter.at(-1)).toMatchObject({ tmrs: 1, enrolled: 2, perEnrolled: 0.5 });
    expect(r.programme).toEqual([
      { contract: 'No plan recorded', targeted: 1, enrolled: 1, optedOut: 0 },
      { contract: 'S5810', targeted: 1, enrolled: 1, optedOut: 0 },
    ]);
    expect(r.problems).toEqual([
      { category: 'adverseReaction', severity: 'moderate', count: 1 },
      { category: 'nonadherence', severity: 'moderate', count: 1 },
    ]);
    expect(r.outcomes).toEqual([{ outcome: 'accepted', count: 1 }]);
    expect(r.prescribers).toEqual([{ prescriber: 'Beatrice Okonjo, MD', sent: 1, answered: 1, changed: 1, rate: 1 }]);
    expect(r.adherence.find((a) => a.ruleId === 'pdc.statin')).toMatchObject({
      now: { measured: 1, atGoal: 1, share: 1 },
      prior: { measured: 0, atGoal: 0, share: null },
    });
    expect(r.adherence.find((a) => a.ruleId === 'pdc.diabetes')!.now.measured).toBe(0);
    expect(r.claimsByStatus.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'denied', count: 1, billedCents: 5000, paidCents: 0 },
      { status: 'paid', count: 1, billedCents: 9050, paidCents: 8000 },
    ]);
    expect(r.denials).toEqual([{ reason: 'Service not covered', count: 1 }]);
    const byMonth = new Map<string, { billedCents: number; paidCents: number }>();
    for (const [date, billed, paid] of [
      [review.cmrDate!, 9050, 8000],
      [tmr.completedAt!.slice(0, 10), 5000, 0],
    ] as const) {
      const m = byMonth.get(date.slice(0, 7)) ?? { billedCents: 0, paidCents: 0 };
      byMonth.set(date.slice(0, 7), { billedCents: m.billedCents + billed, paidCents: m.paidCents + paid });
    }
    expect(r.revenueByMonth).toEqual([...byMonth].sort().map(([month, v]) => ({ month, ...v })));
    expect(r.timeByType).toEqual([
      { type: 'cmr', reviews: 1, minutes: 38, average: 38 },
      { type: 'tmr', reviews: 1, minutes: 15, average: 15 },
    ]);
    await session.signOut();
  });
});
