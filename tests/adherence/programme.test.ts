import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { all, run, sql } from '../../main/db/sql';
import { formatPdc } from '../../preload/schemas/adherence';
import { figuresForToday, refreshInBackground } from '../../main/adherence/adherence-figures';
import { adherenceWorklist, worklistPage } from '../../main/adherence/programme';
import { stalePatients } from '../../main/population/figures-store';
import { recodeFills } from '../../main/medications/vocabulary/recognise-fills';
import { call, daysAgo, newPharmacy } from '../helpers/temp-pharmacy';

type Session = Awaited<ReturnType<typeof newPharmacy>>['session'];
async function fill(session: Session, patientId: string, drug: string, ago: number, days = 30) {
  await run(
    session.current().db,
    sql`INSERT INTO fills
          (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, created_at)
        VALUES (${randomUUID()}, ${patientId}, ${randomUUID().slice(0, 8)}, 0, ${daysAgo(ago)}, ${drug}, 30, ${days},
                ${daysAgo(0)})`,
  );
}

describe('the adherence programme', () => {
  it('shows a PDC as the reason with one decimal, never rounded up across the 80% threshold', () => {
    expect(formatPdc(0.796)).toBe('79.6%');
    expect(formatPdc(0.79996)).toBe('79.9%');
    expect(formatPdc(0.8)).toBe('80.0%');
    expect(formatPdc(0.57)).toBe('57.0%');
    expect(formatPdc(1)).toBe('100.0%');
  });

  it('measures PDC per Star measure and drug, lists who to call, and settles them once reached', async () => {
    const { session } = await newPharmacy();
    const gappy = await call(session, 'patients:create', {
      patient: {
        firstName: 'Ines',
        lastName: 'Abernathy',
        dateOfBirth: '1949-05-05',
        sex: 'female',
        phone: '2165550177',
      },
    });
    const steady = await call(session, 'patients:create', {
      patient: { firstName: 'Omar', lastName: 'Bayliss', dateOfBirth: '1950-06-06', sex: 'male' },
    });
    // 30-day statin fills 200, 170 and 140 days ago, then none until 40 days ago: 120 of 201 days covered, 10 days out
    // now.
    for (const ago of [200, 170, 140, 40]) await fill(session, gappy.id, 'ATORVASTATIN 40 MG TAB', ago);
    for (let ago = 330; ago >= 30; ago -= 30) await fill(session, steady.id, 'LISINOPRIL 10 MG TAB', ago);
    await recodeFills(session.current().db);

    const a = await call(session, 'adherence:patient', { patientId: gappy.id, months: 12 });
    expect(a.measures.find((m) => m.ruleId === 'pdc.statin')!.pdc).toBeCloseTo(120 / 201, 5);
    expect(a.measures.find((m) => m.ruleId === 'pdc.ras')!.pdc).toBeNull();
    expect(a.drugs).toMatchObject([
      {
        drug: 'atorvastatin',
        daysLate: 10,
        fills: [{ date: daysAgo(200), daysSupply: 30 }, {}, {}, { date: daysAgo(40) }],
      },
    ]);
    expect((await call(session, 'adherence:patient', { patientId: gappy.id, months: 3 })).drugs[0]!.fills).toHaveLength(
      1,
    );

    let list = await call(session, 'adherence:worklist', {});
    expect(list.lateDays).toBe(7);
    expect(list).toMatchObject({ total: 1, offset: 0, limit: 50 });
    expect(list.items).toEqual([
      {
        patientId: gappy.id,
        name: 'Abernathy, Ines',
        dateOfBirth: '1949-05-05',
        phone: '2165550177',
        // 120 / 201 = 59.70…%: one decimal, cut rather than rounded.
        reasons: ['Statins: PDC 59.7%', 'atorvastatin: refill 10 days late'],
        attempts: 0,
        lastOutreach: null,
        due: true,
      },
    ]);
    expect((await call(session, 'adherence:worklist', { lateDays: 14 })).items[0]!.reasons).toEqual([
      'Statins: PDC 59.7%',
    ]);

    await call(session, 'adherence:logOutreach', {
      patientId: gappy.id,
      attemptedOn: daysAgo(1),
      method: 'phone',
      result: 'leftMessage',
    });
    list = await call(session, 'adherence:worklist', {});
    expect(list.items[0]).toMatchObject({
      attempts: 1,
      lastOutreach: { date: daysAgo(1), result: 'leftMessage' },
      due: true,
    });
    const history = await call(session, 'adherence:logOutreach', {
      patientId: gappy.id,
      attemptedOn: daysAgo(0),
      method: 'phone',
      result: 'reached',
      intervention: 'ninetyDay',
      note: 'Agreed to 90-day fills',
    });
    expect(history.map((h) => [h.result, h.intervention, h.by])).toEqual([
      ['reached', 'ninetyDay', 'pharmacist1'],
      ['leftMessage', 'none', 'pharmacist1'],
    ]);
    expect((await call(session, 'adherence:worklist', {})).items[0]).toMatchObject({ attempts: 2, due: false });
    expect(await call(session, 'adherence:worklist', { onlyDue: true })).toMatchObject({ items: [], total: 0 });
    await session.signOut();
  });

  it('ranks, searches and pages the worklist in SQL, and recomputes only the patient whose fills changed', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    const person = async (lastName: string, dateOfBirth: string) =>
      (await call(session, 'patients:create', { patient: { firstName: 'Rosa', lastName, dateOfBirth, sex: 'female' } }))
        .id;
    // Two statin measures below 80% (Zeller lower), one refill 20 days late with no measure below (Able), and two
    // patients of the same name told apart by date of birth.
    const zeller = await person('Zeller', '1950-01-01');
    for (const ago of [300, 270, 100]) await fill(session, zeller, 'ATORVASTATIN 40 MG TAB', ago);
    const twinA = await person('Brambleton', '1944-02-02');
    const twinB = await person('Brambleton', '1951-03-03');
    for (const id of [twinA, twinB])
      for (const ago of [200, 170, 60]) await fill(session, id, 'ROSUVASTATIN 10 MG TAB', ago);
    const able = await person('Able', '1948-04-04');
    for (const ago of [110, 80, 50]) await fill(session, able, 'LISINOPRIL 10 MG TAB', ago);
    await recodeFills(db);

    const list = await call(session, 'adherence:worklist', {});
    expect(list.total).toBe(4);
    // Star measure at risk first (lowest PDC first among equals), then the refill late with every measure at goal.
    expect(list.items.map((e) => [e.name, e.dateOfBirth])).toEqual([
      ['Zeller, Rosa', '1950-01-01'],
      ['Brambleton, Rosa', '1944-02-02'],
      ['Brambleton, Rosa', '1951-03-03'],
      ['Able, Rosa', '1948-04-04'],
    ]);
    expect(list.items[3]!.reasons).toEqual(['lisinopril: refill 20 days late']);

    const page = await call(session, 'adherence:worklist', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(page.items.map((e) => e.patientId)).toEqual([twinA, twinB]);
    const byDob = await call(session, 'adherence:worklist', { search: '03/03/1951' });
    expect(byDob.items.map((e) => e.patientId)).toEqual([twinB]);
    expect((await call(session, 'adherence:worklist', { search: 'bramb' })).total).toBe(2);
    await expect(call(session, 'adherence:worklist', { limit: 500 })).rejects.toThrow(/At most 200 rows/);

    // Figures are kept: a fill today clears only Able's row (the trigger), and the next read recomputes only him.
    const asOf = sql`SELECT patient_id FROM population_figures WHERE adherence_as_of IS NOT NULL ORDER BY patient_id`;
    const current = async () => (await all<{ patient_id: string }>(db, asOf)).map((r) => r.patient_id);
    expect(await current()).toHaveLength(4);
    await fill(session, able, 'LISINOPRIL 10 MG TAB', 0);
    expect(await current()).not.toContain(able);
    await recodeFills(db);
    const after = await call(session, 'adherence:worklist', {});
    expect(after.total).toBe(3);
    expect(after.items.some((e) => e.patientId === able)).toBe(false);
    expect(await current()).toContain(able);
    await session.signOut();
  });
});

describe("Today's adherence calls on the first visit of a day", () => {
  it('starts a background pass over the stale figures in slices instead of waiting for the whole pharmacy', async () => {
    const { session } = await newPharmacy();
    const db = session.current().db;
    // One typed all in lower case: shown in proper case.
    for (const lastName of ['Aldous', 'brisco', 'Cantrell']) {
      const p = await call(session, 'patients:create', {
        patient: { firstName: 'Pat', lastName, dateOfBirth: '1948-02-02', sex: 'female' },
      });
      for (const ago of [200, 170, 140, 40]) await fill(session, p.id, 'ATORVASTATIN 40 MG TAB', ago);
    }
    await recodeFills(db);
    // Figures worked out yesterday: all three are stale today.
    await adherenceWorklist(db, {}, daysAgo(1));
    expect((await stalePatients(db, 'adherence', daysAgo(0))).ids).toHaveLength(3);

    expect(await figuresForToday(db, daysAgo(0), 1)).toEqual({ updating: true });
    await refreshInBackground(db, daysAgo(0), 1);
    expect((await stalePatients(db, 'adherence', daysAgo(0))).ids).toHaveLength(0);
    const page = await worklistPage(db, {}, daysAgo(0));
    expect(page.items.map((i) => i.reasons[1])).toEqual(Array(3).fill('atorvastatin: refill 10 days late'));
    expect(page.items.map((i) => i.name)).toEqual(['Aldous, Pat', 'Brisco, Pat', 'Cantrell, Pat']);

    // A few stale patients (one new fill) are brought up to date at once.
    await fill(session, page.items[0]!.patientId, 'ATORVASTATIN 40 MG TAB', 0);
    await recodeFills(db);
    expect(await figuresForToday(db, daysAgo(0), 1)).toEqual({ updating: false });
    expect((await worklistPage(db, {}, daysAgo(0))).total).toBe(3);
    expect((await call(session, 'reviews:today', {})).outreach.updating).toBe(false);
  });
});
