// The Today screen's "CMR offers due" list: members enrolled this contract year with no CMR offer yet, each
// with the date it is due (enrolment + 60 days, CMS guidance), soonest first.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { cmrOffersDue } from '../../main/eligibility/cmr-offers';
import { cmrOfferDueDate } from '../../main/eligibility/targeting';
import { todayWork } from '../../main/reviews/today';
import { setPharmacyTimeZone, todayIso } from '../../preload/schemas/dates';
import type { EnrollmentAction } from '../../preload/schemas/eligibility';
import { call, newPharmacy } from '../helpers/temp-pharmacy';

afterEach(() => {
  vi.useRealTimers();
  setPharmacyTimeZone(null);
});

describe('CMR offers due', () => {
  it('is due 60 days after enrolment, counted in calendar days at the pharmacy', () => {
    expect(cmrOfferDueDate('2026-01-05')).toBe('2026-03-06');
    expect(cmrOfferDueDate('2024-01-05')).toBe('2024-03-05'); // 2024 has a 29 February
    expect(cmrOfferDueDate('2026-11-15')).toBe('2027-01-14');
    // 9:30 pm on 6 March in New York is already 7 March in UTC: the offer due that day is not yet overdue.
    setPharmacyTimeZone('America/New_York');
    const evening = new Date('2026-03-07T02:30:00Z');
    expect(todayIso(evening)).toBe('2026-03-06');
    expect(evening.toISOString().slice(0, 10)).toBe('2026-03-07');
  });

  it('lists every outstanding offer of the year on the Today tile, overdue first, until it is made', async () => {
    const { session } = await newPharmacy();
    const db = session.current().db;
    const person = async (lastName: string) =>
      (
        await call(session, 'patients:create', {
          patient: { firstName: 'Test', lastName, dateOfBirth: '1945-01-01', sex: 'female' },
        })
      ).id;
    const step = (patientId: string, contractYear: number, version: number, body: object) =>
      call(session, 'eligibility:record', { patientId, contractYear, version, ...body } as EnrollmentAction);
    const early = await person('Early');
    const late = await person('Late');
    const targeted = await person('Targeted');
    const offered = await person('Offered');
    const optedOut = await person('OptedOut');
    const lastYear = await person('LastYear');
    await step(early, 2026, 0, { action: 'enroll', date: '2026-06-01' });
    await step(late, 2026, 0, { action: 'enroll', date: '2026-08-20' });
    await step(targeted, 2026, 0, { action: 'target', date: '2026-07-10' });
    await step(offered, 2026, 0, { action: 'enroll', date: '2026-05-01' });
    await step(offered, 2026, 1, { action: 'offerCmr', date: '2026-05-20', method: 'mail' });
    await step(optedOut, 2026, 0, { action: 'enroll', date: '2026-05-01' });
    await step(optedOut, 2026, 1, { action: 'optOut', date: '2026-05-10', reason: 'request' });
    await step(lastYear, 2025, 0, { action: 'enroll', date: '2025-12-01' });

    const today = '2026-09-01';
    const work = await todayWork(db, today);
    expect(work.cmrOffersDue).toEqual([
      expect.objectContaining({
        patient: 'Early, Test',
        enrolledDate: '2026-06-01',
        dueDate: '2026-07-31',
        overdue: true,
      }),
      expect.objectContaining({
        patient: 'Targeted, Test',
        enrolledDate: '2026-07-10',
        dueDate: '2026-09-08',
        overdue: false,
      }),
      expect.objectContaining({ patient: 'Late, Test', dueDate: '2026-10-19', overdue: false }),
    ]);
    // The tile's count is the list's length; a due date of today is due, not overdue.
    expect(work.cmrOffersDue).toHaveLength(3);
    expect((await cmrOffersDue(db, '2026-09-08')).find((o) => o.patientId === targeted)?.overdue).toBe(false);
    expect((await cmrOffersDue(db, '2026-09-09')).find((o) => o.patientId === targeted)?.overdue).toBe(true);

    // Recording the offer takes it off the list; the screening shows the same due date until then.
    const r = await call(session, 'eligibility:screen', { contractYear: 2026, asOf: today });
    expect(r.patients.find((p) => p.patientId === late)?.enrollment.cmrOfferDueDate).toBe('2026-10-19');
    const offer = work.cmrOffersDue.find((o) => o.patientId === early)!;
    await step(early, 2026, offer.version, { action: 'offerCmr', date: '2026-08-30', method: 'telephone' });
    expect((await todayWork(db, today)).cmrOffersDue.map((o) => o.patient)).toEqual(['Targeted, Test', 'Late, Test']);
    await session.signOut();
  });

  it("judges overdue against the pharmacy's own date, not UTC's", async () => {
    const { session } = await newPharmacy();
    const { id } = await call(session, 'patients:create', {
      patient: { firstName: 'Test', lastName: 'Evening', dateOfBirth: '1945-01-01', sex: 'female' },
    });
    await call(session, 'eligibility:record', {
      patientId: id,
      contractYear: 2026,
      version: 0,
      action: 'enroll',
      date: '2026-01-05',
    });
    const db = session.current().db;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-07T02:30:00Z'));
    setPharmacyTimeZone('America/New_York');
    expect(await cmrOffersDue(db)).toMatchObject([{ dueDate: '2026-03-06', overdue: false }]);
    setPharmacyTimeZone('UTC');
    expect(await cmrOffersDue(db)).toMatchObject([{ dueDate: '2026-03-06', overdue: true }]);
    vi.useRealTimers();
    await session.signOut();
  });

  it('puts what is overdue or due this week first, written CMR summaries due 14 days after the CMR included', async () => {
    const { session } = await newPharmacy();
    const db = session.current().db;
    const person = async (lastName: string, dateOfBirth: string) =>
      (
        await call(session, 'patients:create', {
          patient: { firstName: 'Rosalind', lastName, dateOfBirth, sex: 'female' },
        })
      ).id;
    const cmr = async (patientId: string, cmrDate: string, sent: string | null, status = 'completed') => {
      const id = randomUUID();
      await run(
        db,
        sql`INSERT INTO reviews (id, patient_id, type, status, pharmacist, cmr_date, summary_sent_date, created_at,
                                 updated_at, updated_by)
            VALUES (${id}, ${patientId}, 'cmr', ${status}, 'pharmacist1', ${cmrDate}, ${sent}, ${`${cmrDate}T10:00:00Z`},
                    ${`${cmrDate}T10:00:00Z`}, 'pharmacist1')`,
      );
      return id;
    };
    // Two patients of one name, told apart by date of birth.
    const older = await person('Brambleton', '1941-04-04');
    const younger = await person('Brambleton', '1952-05-05');
    const overdue = await cmr(older, '2026-08-10', null);
    const dueSoon = await cmr(younger, '2026-08-28', null, 'inProgress');
    await cmr(await person('Given', '1950-01-01'), '2026-08-20', '2026-08-20');
    const enrolled = await person('Enrolled', '1946-06-06');
    await call(session, 'eligibility:record', {
      patientId: enrolled,
      contractYear: 2026,
      version: 0,
      action: 'enroll',
      date: '2026-07-01',
    });

    const work = await todayWork(db, '2026-09-01');
    expect(work.summariesDue).toEqual([
      {
        reviewId: overdue,
        patientId: older,
        patient: 'Brambleton, Rosalind',
        dateOfBirth: '1941-04-04',
        cmrDate: '2026-08-10',
        dueDate: '2026-08-24',
        overdue: true,
      },
      expect.objectContaining({ reviewId: dueSoon, dateOfBirth: '1952-05-05', dueDate: '2026-09-11', overdue: false }),
    ]);
    // Overdue first, then due within the week; the summary due 09/11 and the TMR due at the quarter's end wait in
    // their lists.
    expect(work.queue.map((t) => [t.kind, t.patient, t.dateOfBirth, t.dueDate, t.overdue, t.reviewId])).toEqual([
      ['summary', 'Brambleton, Rosalind', '1941-04-04', '2026-08-24', true, overdue],
      ['offer', 'Enrolled, Rosalind', '1946-06-06', '2026-08-30', true, null],
    ]);
    expect(work.queue[0]!.reason).toBe('Written CMR summary: give or send it within 14 days of the CMR of 08/10/2026');
    expect(work.tmrsDue).toEqual([
      {
        patientId: enrolled,
        patient: 'Enrolled, Rosalind',
        dateOfBirth: '1946-06-06',
        lastTmr: null,
        dueDate: '2026-09-30',
      },
    ]);
    expect((await todayWork(db, '2026-09-05')).queue.map((t) => t.kind)).toEqual(['summary', 'offer', 'summary']);
    expect(work.outreach).toMatchObject({ items: [], total: 0 });
    await session.signOut();
  });
});
