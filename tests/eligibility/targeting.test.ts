// Conformance: one test per CMS targeting rule MTM Desk applies (resources/regulatory/mtm-targeting.json).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import { latestBundledThreshold } from '../../main/eligibility/criteria-store';
import { targetingReason } from '../../main/eligibility/targeting';
import type { Session } from '../../main/security/session';
import { CORE_DISEASE_IDS, type EnrollmentAction, type ScreenedPatient } from '../../preload/schemas/eligibility';
import targeting from '../../resources/regulatory/mtm-targeting.json';
import { call, newPharmacy } from '../helpers/temp-pharmacy';

const NINE = CORE_DISEASE_IDS.filter((d) => d !== 'hivAids');
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
const THREE = ['E11.9', 'I10', 'E78.5'];

/** A patient with active conditions and, in the year before `asOf`, one fill per drug sharing `cost`. */
async function patient(
  session: Session,
  lastName: string,
  codes: string[],
  drugs: string[],
  cost: number,
  asOf: string,
): Promise<string> {
  const p = await call(session, 'patients:create', {
    patient: { firstName: 'Test', lastName, dateOfBirth: '1945-01-01', sex: 'female' },
  });
  for (const code of codes) await call(session, 'conditions:add', { patientId: p.id, code });
  const db = session.current().db;
  const year = Number(asOf.slice(0, 4));
  const fills: [string, string, number][] = [
    // a full year of history, so the cost is not scaled up
    [`${year - 1}-${asOf.slice(5)}`, 'Amoxicillin 500 mg cap', 0],
    ...drugs.map((d): [string, string, number] => [
      `${year}-${asOf.slice(5, 7)}-01`,
      `${d.toUpperCase()} 10 MG TAB`,
      0,
    ]),
  ];
  for (const [i, [date, name]] of fills.entries()) {
    const share = i === 0 ? 0 : cost / drugs.length;
    await run(
      db,
      sql`INSERT INTO fills
            (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, cost, created_at)
          VALUES (${randomUUID()}, ${p.id}, ${`${lastName}-${i}`}, 0, ${date}, ${name}, 30, 30, ${share},
                  ${new Date().toISOString()})`,
    );
  }
  return p.id;
}

const screen = (session: Session, contractYear: number, asOf: string) =>
  call(session, 'eligibility:screen', { contractYear, asOf });
const find = (patients: ScreenedPatient[], name: string) => patients.find((p) => p.name === `${name}, Test`);

describe('targeting per contract year (data)', () => {
  const years = [2022, 2023, 2024, 2025, 2026, 2027];
  const threshold: Record<number, number | null> = {
    2022: null,
    2023: 4935,
    2024: 5330,
    2025: 1623,
    2026: null,
    2027: null,
  };

  it.each(years)(
    '%i: core diseases, plan limits, drugs counted, threshold and DMP targeting, each cited',
    async (year) => {
      const { session } = await newPharmacy();
      const c = await call(session, 'eligibility:criteria', { contractYear: year });
      const from2025 = year >= 2025;
      expect(c).toMatchObject({
        contractYear: year,
        origin: 'default',
        coreDiseases: from2025 ? [...CORE_DISEASE_IDS] : NINE,
        diseases: from2025 ? [...CORE_DISEASE_IDS] : NINE,
        allDiseasesRequired: from2025,
        maxMinDiseases: 3,
        maxMinDrugs: 8,
        allMaintenanceDrugsCount: from2025,
        dmpAtRiskTargeted: true,
        costThreshold: threshold[year],
        bundledCostThreshold: threshold[year],
      });
      // A year without a verified figure says why instead of shipping one.
      if (threshold[year] === null) expect(c.costThresholdNote).toMatch(/enter/i);
      else expect(c.costThresholdNote).toBeNull();
      expect(c.sources).toHaveLength(5);
      for (const s of c.sources) expect(s.source.length).toBeGreaterThan(20);
      await session.signOut();
    },
  );

  it('cites the April 2024 rule for the 2025 changes, not CMS-4201-F, and bumps the version', () => {
    const y2025 = JSON.stringify(targeting.years['2025']);
    expect(y2025).toContain('CMS-4201-F3/CMS-4205-F, 89 FR 30448 (Apr. 23, 2024)');
    expect(y2025).toContain('January 1, 2025');
    expect(JSON.stringify(targeting)).not.toContain('88 FR 22120');
    expect(targeting.version).toBe('2026.12-1');
    // the 60-day offer is guidance, a value in the data
    expect(targeting.cmrOffer).toMatchObject({ daysAfterEnrollment: 60, kind: 'guidance' });
    expect(targeting.cmrOffer.source).toMatch(/guidance/);
    expect(latestBundledThreshold()).toEqual({ contractYear: 2025, costThreshold: 1623 });
  });

  it('refuses contract years before 2022 and carries the last rules forward after 2027, with no threshold', async () => {
    const { session } = await newPharmacy();
    expect(await dispatch(session, 'eligibility:criteria', { contractYear: 2021 })).toMatchObject({
      ok: false,
      error: { field: 'contractYear', message: expect.stringMatching(/from contract year 2022/) },
    });
    expect(await call(session, 'eligibility:criteria', { contractYear: 2028 })).toMatchObject({
      coreDiseases: [...CORE_DISEASE_IDS],
      allDiseasesRequired: true,
      costThreshold: null,
      costThresholdNote: expect.stringMatching(/enters its plans' figure/),
    });
    await session.signOut();
  });
});

describe('targeting rules in the screening', () => {
  it('counts HIV/AIDS as a core chronic disease only from 2025', async () => {
    const { session } = await newPharmacy();
    await patient(session, 'Hiv2024', ['B20', 'E11.9', 'I10'], EIGHT, 6000, '2024-06-30');
    const y2024 = await screen(session, 2024, '2024-06-30');
    expect(find(y2024.patients, 'Hiv2024')).toMatchObject({
      diseases: ['diabetes', 'hypertension'],
      meets: { diseases: false },
    });
    await patient(session, 'Hiv2025', ['B20', 'E11.9', 'I10'], EIGHT, 6000, '2025-06-30');
    const y2025 = await screen(session, 2025, '2025-06-30');
    expect(find(y2025.patients, 'Hiv2025')).toMatchObject({
      diseases: ['diabetes', 'hivAids', 'hypertension'],
      result: 'eligible',
      targetingReason: '01',
    });
    // A plan's 2024 criteria cannot name HIV/AIDS; for 2025 every one of the ten must count.
    expect(
      await dispatch(session, 'eligibility:setCriteria', {
        contractYear: 2024,
        criteria: { minDiseases: 2, minDrugs: 2, costThreshold: 5330, diseases: ['diabetes', 'hivAids'] },
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'diseases', message: expect.stringMatching(/HIV\/AIDS counts from 2025/) },
    });
    expect(
      await dispatch(session, 'eligibility:setCriteria', {
        contractYear: 2025,
        criteria: { minDiseases: 2, minDrugs: 2, costThreshold: 1623, diseases: NINE },
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/all 10 ticked/) } });
    await session.signOut();
  });

  it('from 2025 counts every Part D maintenance drug, of any class, and no other drug', async () => {
    const { session } = await newPharmacy();
    await patient(session, 'Classes', THREE, [...EIGHT, 'ibuprofen'], 2000, '2025-06-30');
    const r = await screen(session, 2025, '2025-06-30');
    expect(r.criteria.allMaintenanceDrugsCount).toBe(true);
    expect(find(r.patients, 'Classes')).toMatchObject({
      maintenanceDrugs: [...EIGHT].sort(),
      meets: { drugs: true },
      result: 'eligible',
    });
    expect((await screen(session, 2024, '2024-06-30')).criteria.allMaintenanceDrugsCount).toBe(false);
    await session.signOut();
  });

  it.each([2022, 2026, 2027])(
    '%i has no threshold in the data: meeting the disease and drug tests lists a patient as "threshold not set", never not eligible',
    async (year) => {
      const { session } = await newPharmacy();
      const asOf = `${year}-06-30`;
      await patient(session, 'Waiting', THREE, EIGHT, 9000, asOf);
      await patient(session, 'FewDrugs', THREE, EIGHT.slice(0, 2), 9000, asOf);
      const r = await screen(session, year, asOf);
      expect(r.criteria.costThreshold).toBeNull();
      expect(r.counts).toMatchObject({ eligible: 0, thresholdNotSet: 1 });
      expect(find(r.patients, 'Waiting')).toMatchObject({
        result: 'thresholdNotSet',
        meets: { diseases: true, drugs: true, cost: null },
        targetingReason: null,
      });
      // short of the drug test: judged on what can be judged
      expect(find(r.patients, 'FewDrugs')).toBeUndefined();
      await session.signOut();
    },
  );

  it('gives each targeting reason: 01 criteria, 02 DMP at-risk, 03 both, 04 none', async () => {
    const { session } = await newPharmacy();
    const asOf = '2025-06-30';
    const criteria = await patient(session, 'Criteria', THREE, EIGHT, 2000, asOf);
    const dmp = await patient(session, 'Dmp', ['I10'], ['lisinopril'], 100, asOf);
    const both = await patient(session, 'Both', THREE, EIGHT, 2000, asOf);
    const none = await patient(session, 'None', ['I10'], ['lisinopril'], 100, asOf);
    const record = (patientId: string, body: object) =>
      call(session, 'eligibility:record', { patientId, contractYear: 2025, version: 0, ...body } as EnrollmentAction);
    const dmpStep = { action: 'dmpAtRisk', date: '2024-11-15', source: 'planLetter' };
    expect(await record(dmp, dmpStep)).toMatchObject({ dmpAtRiskDate: '2024-11-15', dmpAtRiskSource: 'planLetter' });
    await record(both, { ...dmpStep, source: 'planPortal' });
    await record(none, { action: 'enroll', date: '2025-02-01' });

    const r = await screen(session, 2025, asOf);
    const reason = (id: string) => r.patients.find((p) => p.patientId === id);
    expect(reason(criteria)).toMatchObject({ result: 'eligible', targetingReason: '01' });
    // at risk: targeted whatever the diseases, drugs or cost
    expect(reason(dmp)).toMatchObject({
      result: 'eligible',
      targetingReason: '02',
      meets: { diseases: false, drugs: false, cost: false },
    });
    expect(reason(both)).toMatchObject({ result: 'eligible', targetingReason: '03' });
    expect(reason(none)).toMatchObject({ result: 'notEligible', targetingReason: '04' });

    expect(targetingReason({ meetsCriteria: true, dmpAtRisk: false })).toBe('01');
    expect(targetingReason({ meetsCriteria: false, dmpAtRisk: true })).toBe('02');
    expect(targetingReason({ meetsCriteria: true, dmpAtRisk: true })).toBe('03');
    expect(targetingReason({ meetsCriteria: false, dmpAtRisk: false })).toBe('04');
    expect(targetingReason({ meetsCriteria: null, dmpAtRisk: true })).toBeNull();
    await session.signOut();
  });

  it('targets DMP at-risk members from 2022, records the status with its source, and ends it', async () => {
    const { session } = await newPharmacy();
    const id = await patient(session, 'AtRisk', ['I10'], ['lisinopril'], 100, '2022-06-30');
    const act = (body: object) =>
      dispatch(session, 'eligibility:record', { patientId: id, contractYear: 2022, ...body });
    // bad input changes nothing
    expect(await act({ action: 'dmpAtRisk', version: 0, date: '2022-03-01', source: 'rumour' })).toMatchObject({
      ok: false,
      error: { field: 'source' },
    });
    expect(await act({ action: 'dmpAtRisk', version: 0, date: '2021-12-31', source: 'planLetter' })).toMatchObject({
      ok: false,
      error: { field: 'date' },
    });
    expect(await act({ action: 'dmpEnded', version: 0, date: '2022-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(find((await screen(session, 2022, '2022-06-30')).patients, 'AtRisk')).toBeUndefined();

    expect(await act({ action: 'dmpAtRisk', version: 0, date: '2022-03-01', source: 'planPhone' })).toMatchObject({
      ok: true,
      data: { status: 'none', version: 1, dmpAtRiskDate: '2022-03-01', cmrOfferDueDate: null },
    });
    expect(find((await screen(session, 2022, '2022-06-30')).patients, 'AtRisk')).toMatchObject({
      result: 'eligible',
      targetingReason: '02',
    });
    expect(await act({ action: 'dmpEnded', version: 1, date: '2022-02-01' })).toMatchObject({
      ok: false,
      error: { field: 'date' },
    });
    expect(await act({ action: 'dmpEnded', version: 1, date: '2022-05-01' })).toMatchObject({
      ok: true,
      data: { dmpAtRiskDate: null, dmpAtRiskSource: null },
    });
    expect(find((await screen(session, 2022, '2022-06-30')).patients, 'AtRisk')).toBeUndefined();
    await session.signOut();
  });
});
