import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
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
    expect(list.entries).toEqual([
      {
        patientId: gappy.id,
        name: 'Abernathy, Ines',
        phone: '2165550177',
        reasons: ['Statins: PDC 60%', 'atorvastatin: refill 10 days late'],
        attempts: 0,
        lastOutreach: null,
        due: true,
      },
    ]);
    expect((await call(session, 'adherence:worklist', { lateDays: 14 })).entries[0]!.reasons).toEqual([
      'Statins: PDC 60%',
    ]);

    await call(session, 'adherence:logOutreach', {
      patientId: gappy.id,
      attemptedOn: daysAgo(1),
      method: 'phone',
      result: 'leftMessage',
    });
    list = await call(session, 'adherence:worklist', {});
    expect(list.entries[0]).toMatchObject({
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
    expect((await call(session, 'adherence:worklist', {})).entries[0]).toMatchObject({ attempts: 2, due: false });
    await session.signOut();
  });
});
