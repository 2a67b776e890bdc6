import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { all, run, sql } from '../../main/db/sql';
import type { Row } from '../../main/db/rows';
import type { Session } from '../../main/security/session';
import { neededLine, type ScreenedPatient } from '../../preload/schemas/eligibility';
import { call, daysAgo, newPharmacy } from '../helpers/temp-pharmacy';

const AS_OF = '2025-06-30';
const EIGHT = [
  'lisinopril',
  'atorvastatin',
  'metformin',
  'levothyroxine',
  'sertraline',
  'amlodipine',
  'tiotropium',
  'donepezil',
];
const DISEASES = { diabetes: 'E11.9', hypertension: 'I10', dyslipidemia: 'E78.5', respiratory: 'J44.9' };

/** A patient with the given active condition codes and one fill per drug (yearly cost split across them). */
async function patientWith(
  session: Session,
  lastName: string,
  codes: string[],
  drugs: string[],
  annualCost: number,
  fillDate = '2025-03-01',
): Promise<string> {
  const p = await call(session, 'patients:create', {
    patient: { firstName: 'Test', lastName, dateOfBirth: '1945-01-01', sex: 'female' },
  });
  for (const code of codes) await call(session, 'conditions:add', { patientId: p.id, code });
  const db = session.current().db;
  // A full year of history (first fill a year back), so the cost is not scaled up.
  await run(
    db,
    sql`INSERT INTO fills
          (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, cost, created_at)
        VALUES (${randomUUID()}, ${p.id}, ${`${lastName}-0`}, 0, '2024-07-01', 'Amoxicillin 500 mg cap', 21, 7, 0,
                ${new Date().toISOString()})`,
  );
  for (const [i, drug] of drugs.entries()) {
    await run(
      db,
      sql`INSERT INTO fills
            (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, cost, created_at)
          VALUES (${randomUUID()}, ${p.id}, ${`${lastName}-${i + 1}`}, 0, ${fillDate},
                  ${`${drug.toUpperCase()} 10 MG TAB`}, 30, 30, ${annualCost / drugs.length},
                  ${new Date().toISOString()})`,
    );
  }
  return p.id;
}

const screen = async (session: Session, contractYear = 2025, asOf = AS_OF) =>
  call(session, 'eligibility:screen', { contractYear, asOf });
const byName = (patients: ScreenedPatient[], name: string) => patients.find((p) => p.name === `${name}, Test`);

describe('Part D MTM eligibility screening', () => {
  it('says what a patient has against what the rule needs, met or not', () => {
    expect(neededLine(4, 3, 'core chronic disease')).toBe('4 core chronic diseases (3 needed)');
    expect(neededLine(1, 3, 'core chronic disease')).toBe('1 core chronic disease (3 needed)');
    expect(neededLine(0, 8, 'Part D maintenance drug')).toBe('0 Part D maintenance drugs (8 needed)');
  });

  it('applies each criterion at its boundary and explains the result per patient', async () => {
    const { session } = await newPharmacy();
    const three = [DISEASES.diabetes, DISEASES.hypertension, DISEASES.dyslipidemia];
    await patientWith(session, 'Exact', three, EIGHT, 1623);
    await patientWith(session, 'Cent', three, EIGHT, 1622.99);
    await patientWith(session, 'TwoDiseases', three.slice(0, 2), EIGHT, 5000);
    await patientWith(session, 'SevenDrugs', three, [...EIGHT.slice(0, 7), 'ibuprofen'], 5000);
    await patientWith(session, 'FarOff', [DISEASES.diabetes], ['metformin'], 200);
    await patientWith(session, 'OldFills', three, EIGHT, 5000, '2024-06-30');

    const r = await screen(session);
    expect(r).toMatchObject({
      asOf: AS_OF,
      periodStart: '2024-07-01',
      screened: 6,
      counts: { eligible: 1, close: 3, notEligible: 2 },
    });
    expect(byName(r.patients, 'Exact')).toMatchObject({
      result: 'eligible',
      meets: { diseases: true, drugs: true, cost: true },
      annualCost: 1623,
      diseases: ['diabetes', 'dyslipidemia', 'hypertension'],
      maintenanceDrugs: [...EIGHT].sort(),
      enrollment: { status: 'none', version: 0 },
    });
    expect(byName(r.patients, 'Cent')).toMatchObject({ result: 'close', meets: { cost: false } });
    expect(byName(r.patients, 'TwoDiseases')).toMatchObject({
      result: 'close',
      meets: { diseases: false, drugs: true, cost: true },
    });
    // ibuprofen and the amoxicillin course are not maintenance drugs
    expect(byName(r.patients, 'SevenDrugs')).toMatchObject({
      result: 'close',
      maintenanceDrugs: expect.not.arrayContaining(['ibuprofen', 'amoxicillin']),
    });
    expect(byName(r.patients, 'SevenDrugs')!.maintenanceDrugs).toHaveLength(7);
    // fills outside the 12 months before the as-of date do not count; the worklist leaves out the far-off
    expect(byName(r.patients, 'FarOff')).toBeUndefined();
    expect(byName(r.patients, 'OldFills')).toBeUndefined();

    // A plan that requires two diseases makes TwoDiseases eligible.
    await call(session, 'eligibility:setCriteria', {
      contractYear: 2025,
      criteria: {
        minDiseases: 2,
        minDrugs: 8,
        costThreshold: 1623,
        diseases: [
          'alzheimers',
          'boneArthritis',
          'heartFailure',
          'diabetes',
          'dyslipidemia',
          'esrd',
          'hivAids',
          'hypertension',
          'mentalHealth',
          'respiratory',
        ],
      },
    });
    expect(byName((await screen(session)).patients, 'TwoDiseases')).toMatchObject({ result: 'eligible' });
    await session.signOut();
  });

  it('counts resolved conditions only until they resolved, and leaves cost unchecked when a year has no threshold', async () => {
    const { session } = await newPharmacy();
    const id = await patientWith(
      session,
      'Resolved',
      [DISEASES.diabetes, DISEASES.hypertension, DISEASES.respiratory],
      EIGHT,
      3000,
      '2025-01-15',
    );
    const clinical = await call(session, 'patients:clinical', { patientId: id });
    const copd = clinical.conditions.find((c) => c.code === DISEASES.respiratory)!;
    await call(session, 'conditions:resolve', { id: copd.id, resolvedOn: '2025-05-01' });
    expect(byName((await screen(session)).patients, 'Resolved')).toMatchObject({
      result: 'close',
      diseases: ['diabetes', 'hypertension'],
    });
    expect(byName((await screen(session, 2025, '2025-04-30')).patients, 'Resolved')).toMatchObject({
      result: 'eligible',
    });

    // 2026: no published threshold bundled, so cost is left unchecked until the pharmacy enters it.
    await patientWith(
      session,
      'Recent',
      [DISEASES.diabetes, DISEASES.hypertension, DISEASES.dyslipidemia],
      EIGHT,
      600,
      '2025-12-01',
    );
    const y2026 = await screen(session, 2026, '2026-01-31');
    expect(y2026.criteria).toMatchObject({
      contractYear: 2026,
      costThreshold: null,
      origin: 'default',
      minDiseases: 3,
      minDrugs: 8,
    });
    // two months of history are scaled from the 90-day floor: 600 × 365 / 90
    expect(byName(y2026.patients, 'Recent')).toMatchObject({
      result: 'thresholdNotSet',
      targetingReason: null,
      meets: { cost: null },
      annualCost: 2433.33,
    });
    await call(session, 'eligibility:setCriteria', {
      contractYear: 2026,
      criteria: { minDiseases: 3, minDrugs: 8, costThreshold: 2500, diseases: y2026.criteria.diseases },
    });
    expect(byName((await screen(session, 2026, '2026-01-31')).patients, 'Recent')).toMatchObject({
      result: 'close',
      meets: { cost: false },
    });
    await session.signOut();
  });

  it('keeps criteria within what CMS allows for the year', async () => {
    const { session } = await newPharmacy();
    const set = (contractYear: number, criteria: object) =>
      dispatch(session, 'eligibility:setCriteria', { contractYear, criteria });
    const all = [
      'alzheimers',
      'boneArthritis',
      'heartFailure',
      'diabetes',
      'dyslipidemia',
      'esrd',
      'hivAids',
      'hypertension',
      'mentalHealth',
      'respiratory',
    ];
    expect(await set(2025, { minDiseases: 4, minDrugs: 8, costThreshold: 1623, diseases: all })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'criteria.minDiseases' },
    });
    expect(await set(2025, { minDiseases: 3, minDrugs: 1, costThreshold: 1623, diseases: all })).toMatchObject({
      ok: false,
      error: { field: 'criteria.minDrugs' },
    });
    expect(await set(2025, { minDiseases: 3, minDrugs: 8, costThreshold: 1623, diseases: ['diabetes'] })).toMatchObject(
      { ok: false, error: { message: expect.stringMatching(/every core chronic disease/) } },
    );
    expect(
      await set(2024, { minDiseases: 2, minDrugs: 2, costThreshold: 5330, diseases: ['diabetes', 'hypertension'] }),
    ).toMatchObject({ ok: true, data: { origin: 'pharmacy', minDrugs: 2, diseases: ['diabetes', 'hypertension'] } });
    expect(await set(2026, { minDiseases: 3, minDrugs: 8, costThreshold: 1700, diseases: all })).toMatchObject({
      ok: true,
      data: { costThreshold: 1700 },
    });
    await session.signOut();
  });

  it('records enrollment steps in order, with dates in the contract year and no lost updates', async () => {
    const { session } = await newPharmacy();
    const patientId = await patientWith(session, 'Enrolled', [DISEASES.diabetes], ['metformin'], 100);
    const act = (body: object) => dispatch(session, 'eligibility:record', { patientId, contractYear: 2025, ...body });
    expect(await act({ action: 'target', version: 0, date: '2025-01-10' })).toMatchObject({
      ok: true,
      data: { status: 'targeted', version: 1 },
    });
    expect(await act({ action: 'offerCmr', version: 1, date: '2026-01-10', method: 'telephone' })).toMatchObject({
      ok: false,
      error: { field: 'date' },
    });
    expect(await act({ action: 'offerCmr', version: 1, date: '2025-02-01', method: 'telephone' })).toMatchObject({
      ok: true,
      data: { status: 'cmrOffered', enrolledDate: '2025-02-01', cmrOfferedMethod: 'telephone' },
    });
    expect(await act({ action: 'completeCmr', version: 1, date: '2025-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await act({ action: 'completeCmr', version: 2, date: '2025-01-31' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/before it was offered/) },
    });
    expect(await act({ action: 'optOut', version: 2, date: '2025-02-15', reason: 'request' })).toMatchObject({
      ok: true,
      data: { status: 'optedOut', optOutReason: 'request' },
    });
    expect(await act({ action: 'completeCmr', version: 3, date: '2025-03-01' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/opted out on 2025-02-15/) },
    });
    expect(await act({ action: 'enroll', version: 3, date: '2025-03-01' })).toMatchObject({
      ok: true,
      data: { status: 'cmrOffered', optOutDate: null },
    });
    // Anyone with a programme step stays on the worklist, eligible or not.
    expect(byName((await screen(session)).patients, 'Enrolled')).toMatchObject({
      result: 'notEligible',
      enrollment: { status: 'cmrOffered', version: 4 },
    });
    const audit = await all<Pick<Row<'audit_log'>, 'action'>>(
      session.current().db,
      sql`SELECT action FROM audit_log WHERE category = 'mtm' AND patient_id = ${patientId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['mtm.target', 'mtm.offerCmr', 'mtm.optOut', 'mtm.enroll']);
    await session.signOut();
  });

  it('ranks, searches (name or date of birth) and pages the worklist, with the total', async () => {
    const { session } = await newPharmacy();
    const three = [DISEASES.diabetes, DISEASES.hypertension, DISEASES.dyslipidemia];
    await patientWith(session, 'Close', three.slice(0, 2), EIGHT, 5000);
    for (const name of ['Carr', 'Abel', 'Bose']) await patientWith(session, name, three, EIGHT, 5000);
    await patientWith(session, 'FarOff', [DISEASES.diabetes], ['metformin'], 200);

    const first = await call(session, 'eligibility:screen', { contractYear: 2025, asOf: AS_OF, limit: 2 });
    // Eligible before close, then by name; the far-off patient is on no page.
    expect(first).toMatchObject({ total: 4, offset: 0, limit: 2, screened: 5, offersDue: 0 });
    expect(first.patients.map((p) => p.name)).toEqual(['Abel, Test', 'Bose, Test']);
    const next = await call(session, 'eligibility:screen', { contractYear: 2025, asOf: AS_OF, offset: 2, limit: 2 });
    expect(next.patients.map((p) => p.name)).toEqual(['Carr, Test', 'Close, Test']);
    const close = await call(session, 'eligibility:screen', { contractYear: 2025, asOf: AS_OF, view: 'close' });
    expect(close.patients.map((p) => p.name)).toEqual(['Close, Test']);
    const found = await call(session, 'eligibility:screen', { contractYear: 2025, asOf: AS_OF, search: 'bos' });
    expect(found.patients.map((p) => p.name)).toEqual(['Bose, Test']);
    const born = await call(session, 'eligibility:screen', { contractYear: 2025, asOf: AS_OF, search: '01/01/1945' });
    expect(born.total).toBe(4);
    await expect(
      call(session, 'eligibility:screen', { contractYear: 2025, view: 'everyone' as 'worklist' }),
    ).rejects.toThrow(/Choose which patients to show/);
    await session.signOut();
  });

  it('screens to today from the fill sums kept in the population figures, summed again when a fill changes', async () => {
    const { session } = await newPharmacy();
    const db = session.current().db;
    const year = Number(daysAgo(0).slice(0, 4));
    const seven = EIGHT.filter((d) => d !== 'metformin');
    const id = await patientWith(session, 'cached', Object.values(DISEASES), seven, 7000, daysAgo(30));
    const first = (await call(session, 'eligibility:screen', { contractYear: year, view: 'all' })).patients;
    // Typed in lower case, shown in proper case.
    expect(first.map((p) => [p.name, p.maintenanceDrugs])).toEqual([['Cached, Test', [...seven].sort()]]);
    expect(await all(db, sql`SELECT eligibility_as_of, fills_costed FROM population_figures`)).toEqual([
      { eligibility_as_of: daysAgo(0), fills_costed: 7 },
    ]);

    await run(
      db,
      sql`INSERT INTO fills
            (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, cost, created_at)
          VALUES (${randomUUID()}, ${id}, 'cached-9', 0, ${daysAgo(2)}, 'METFORMIN 500 MG TAB', 60, 30, 12,
                  ${new Date().toISOString()})`,
    );
    const again = (await call(session, 'eligibility:screen', { contractYear: year, view: 'all' })).patients[0]!;
    expect(again.maintenanceDrugs).toEqual([...EIGHT].sort());
    expect(again.annualCost).toBeGreaterThan(first[0]!.annualCost!);
    await session.signOut();
  });
});
