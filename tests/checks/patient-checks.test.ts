import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import type { Row } from '../../main/db/rows';
import { all, one, run, sql } from '../../main/db/sql';
import type { Session } from '../../main/security/session';
import { recodeFills } from '../../main/medications/vocabulary/recognise-fills';
import { addTechnician, call, daysAgo, newPharmacy, PASSWORD, signInAsTechnician } from '../helpers/temp-pharmacy';

async function fill(session: Session, patientId: string, drugName: string, filled: string, daysSupply = 30) {
  await run(
    session.current().db,
    sql`INSERT INTO fills
          (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, created_at)
        VALUES (${randomUUID()}, ${patientId}, ${randomUUID().slice(0, 8)}, 0, ${filled}, ${drugName}, 30,
                ${daysSupply}, ${new Date().toISOString()})`,
  );
}

describe("a patient's clinical checks", () => {
  it('combine the medication list and current fills, recognise brands, and keep a dismissal until the drugs involved change', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Iris', lastName: 'Vandermolen', dateOfBirth: '1942-03-03', sex: 'female' },
    });
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product: 'warfarin', rxcui: '855332', kind: 'rx', source: 'pharmacyFill' },
    });
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product: 'Advil 200 mg', kind: 'otc', source: 'patientReported' },
    });
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product: 'Grandma’s tonic', kind: 'herbal', source: 'patientReported' },
    });
    await fill(session, p.id, 'NAPROXEN 500MG TAB', daysAgo(20));
    await fill(session, p.id, 'SIMVASTATIN 40 MG TAB', daysAgo(200)); // long finished: not current
    // Inserted raw, so recognised here as an import would.
    await recodeFills(session.current().db);

    const checks = await call(session, 'checks:patient', { patientId: p.id });
    // Most severe first, then by title; the label and the Beers table on the same pair make one finding.
    const titles = checks.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.title}`);
    expect(titles.slice(0, 3)).toEqual([
      'major dup.nsaid: ibuprofen + naproxen',
      'major ddi.bleed.warfarin-nsaid: warfarin + ibuprofen',
      'major ddi.bleed.warfarin-nsaid: warfarin + naproxen',
    ]);
    expect(checks.findings.find((f) => f.title === 'warfarin + ibuprofen')!.alsoCited.map((c) => c.source)).toContain(
      'beers-2023',
    );
    expect(checks.summary).toMatchObject({
      activeDrugs: 3,
      uncoded: ['Grandma’s tonic'],
      interactingPairs: 2,
      duplications: 1,
      adherence: [],
      kidney: { crcl: null, egfr: null, note: expect.stringMatching(/No serum creatinine/) },
    });
    expect(checks.summary.notChecked).toEqual(
      expect.arrayContaining([
        '1 product not recognised, so not checked: Grandma’s tonic.',
        expect.stringMatching(/No conditions recorded/),
      ]),
    );
    const nsaidFromFill = checks.findings.find((f) => f.title === 'warfarin + naproxen')!;
    expect(nsaidFromFill.involved).toEqual([
      { ingredient: 'warfarin', product: 'warfarin', source: 'list' },
      { ingredient: 'naproxen', product: 'NAPROXEN 500MG TAB', source: 'fill' },
    ]);

    // A technician may read the checks but not dismiss them.
    await addTechnician(session);
    const dup = checks.findings.find((f) => f.ruleId === 'dup.nsaid')!;
    const request = {
      patientId: p.id,
      ruleId: dup.ruleId,
      fingerprint: dup.fingerprint,
      reason: 'Naproxen stopped last week; fill history not yet updated',
    };
    const after = await call(session, 'checks:dismiss', request);
    expect(after.findings.find((f) => f.ruleId === 'dup.nsaid')!.dismissed).toMatchObject({
      reason: request.reason,
      by: 'pharmacist1',
    });
    const audit = await one<Pick<Row<'audit_log'>, 'action' | 'detail'>>(
      session.current().db,
      sql`SELECT action, detail FROM audit_log WHERE action = 'check.dismiss'`,
    );
    expect(audit).toEqual({ action: 'check.dismiss', detail: `ibuprofen + naproxen: ${request.reason}` });
    await signInAsTechnician(session);
    expect(await dispatch(session, 'checks:dismiss', request)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await session.signOut();

    // A third NSAID changes what the duplication involves: it shows again.
    await session.signIn({ username: 'pharmacist1', password: PASSWORD });
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product: 'meloxicam 15 mg', kind: 'rx', source: 'otherPharmacy' },
    });
    const again = await call(session, 'checks:patient', { patientId: p.id });
    expect(again.findings.find((f) => f.ruleId === 'dup.nsaid')).toMatchObject({
      title: 'ibuprofen + meloxicam + naproxen',
      dismissed: null,
    });
    expect(await dispatch(session, 'checks:dismiss', request)).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    await session.signOut();
  });

  it('report PQA adherence below 80% in a Star class, with the ESRD and insulin exclusions', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Otto', lastName: 'Brennan', dateOfBirth: '1950-05-05', sex: 'male' },
    });
    // Atorvastatin 30 days at 120, 80 and 20 days ago; the period runs from the first fill: 30 + 30 + 21 of 121 days
    for (const ago of [120, 80, 20]) await fill(session, p.id, 'ATORVASTATIN 20 MG TAB', daysAgo(ago));
    // Metformin filled on time (every 30 days), but with insulin on file the diabetes measure excludes the patient
    for (const ago of [90, 60, 30]) await fill(session, p.id, 'METFORMIN 500 MG TAB', daysAgo(ago));
    for (const ago of [70, 40]) await fill(session, p.id, 'INSULIN GLARGINE 100 UNIT/ML', daysAgo(ago));
    await recodeFills(session.current().db);

    const checks = await call(session, 'checks:patient', { patientId: p.id });
    const statin = checks.findings.find((f) => f.ruleId === 'pdc.statin')!;
    expect(statin).toMatchObject({
      severity: 'moderate',
      dtp: 'nonadherence',
      title: 'atorvastatin: 66.9% of days covered',
    });
    expect(statin.explanation).toContain('Covered 81 of 121 days');
    expect(checks.summary.adherence).toEqual([{ ruleId: 'pdc.statin', pdc: 81 / 121, periodDays: 121 }]);
    expect(checks.findings.some((f) => f.ruleId === 'pdc.diabetes')).toBe(false);
    // Per drug: metformin every 30 days from 90 days ago covers 90 of 91 days; insulin 60 of 71
    expect(checks.summary.adherenceByDrug).toEqual([
      { drug: 'atorvastatin', pdc: 81 / 121 },
      { drug: 'insulin glargine', pdc: 60 / 71 },
      { drug: 'metformin', pdc: 90 / 91 },
    ]);
    // The second 30-day insulin fill, 40 days ago, ran out 10 days ago: more than a week late
    expect(checks.findings.filter((f) => f.ruleId === 'refill.late').map((f) => f.title)).toEqual([
      'insulin glargine: supply ran out 10 days ago',
    ]);

    // ESRD on file: the PQA measures exclude the patient.
    await call(session, 'conditions:add', { patientId: p.id, code: 'N18.6' });
    expect((await call(session, 'checks:patient', { patientId: p.id })).summary.adherence).toEqual([]);
    await session.signOut();
  });

  it('estimate kidney function from the latest labs and flag drugs that need adjusting or avoiding', async () => {
    const { session } = await newPharmacy();
    const today = new Date().toISOString().slice(0, 10);
    const eighty = `${Number(today.slice(0, 4)) - 80}-01-01`;
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Hedda', lastName: 'Lindgren', dateOfBirth: eighty, sex: 'female' },
    });
    for (const product of ['gabapentin 300 mg', 'nitrofurantoin 100 mg', 'metformin 500 mg'])
      await call(session, 'medications:add', {
        patientId: p.id,
        medication: { product, kind: 'rx', source: 'pharmacyFill' },
      });
    await call(session, 'labs:add', { patientId: p.id, type: 'scr', value: 1.2, takenOn: daysAgo(10) });
    const noWeight = await call(session, 'checks:patient', { patientId: p.id });
    expect(noWeight.summary.kidney).toMatchObject({ crcl: null, egfr: 46, note: expect.stringMatching(/No weight/) });
    // Without a weight the eGFR stands in for the label's creatinine clearance, and the panel says so; eGFR 46 is not
    // below 45: metformin passes.
    expect(noWeight.findings.filter((f) => f.family === 'renal').map((f) => f.title)).toEqual([
      'gabapentin: eGFR 46 mL/min/1.73 m² (no weight: creatinine clearance not computed)',
      'nitrofurantoin: eGFR 46 mL/min/1.73 m² (no weight: creatinine clearance not computed)',
    ]);
    expect(noWeight.summary.notChecked).toContain(
      'No weight on record, so creatinine clearance thresholds were compared with the eGFR for: gabapentin, nitrofurantoin.',
    );

    await call(session, 'labs:add', { patientId: p.id, type: 'weight', value: 60, takenOn: daysAgo(10) });
    const checks = await call(session, 'checks:patient', { patientId: p.id });
    // Cockcroft–Gault: (140 − 80) × 60 / (72 × 1.2) × 0.85 = 35.4 mL/min
    expect(checks.summary.kidney).toMatchObject({ crcl: 35, egfr: 46, note: null });
    expect(checks.findings.filter((f) => f.family === 'renal').map((f) => `${f.severity}: ${f.title}`)).toEqual([
      'moderate: gabapentin: creatinine clearance 35 mL/min',
      'moderate: nitrofurantoin: creatinine clearance 35 mL/min',
    ]);
    // The label and Beers Table 6 agree on gabapentin below 60 mL/min: one finding, both cited.
    expect(checks.findings.find((f) => f.title.startsWith('gabapentin'))!.alsoCited).toHaveLength(1);
    await session.signOut();
  });

  it('turn an accepted finding into a drug-therapy problem for the review, once', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Abe', lastName: 'Quintero', dateOfBirth: '1950-01-01', sex: 'male' },
    });
    for (const product of ['clopidogrel 75 mg', 'omeprazole 20 mg'])
      await call(session, 'medications:add', {
        patientId: p.id,
        medication: { product, kind: 'rx', source: 'pharmacyFill' },
      });
    const f = (await call(session, 'checks:patient', { patientId: p.id })).findings.find(
      (x) => x.title === 'clopidogrel + omeprazole',
    );
    const after = await call(session, 'checks:accept', {
      patientId: p.id,
      ruleId: f!.ruleId,
      fingerprint: f!.fingerprint,
    });
    expect(after.findings.find((x) => x.title === 'clopidogrel + omeprazole')).toMatchObject({
      ruleId: 'ddi.bleed.clopidogrel-omeprazole',
      accepted: { by: 'pharmacist1' },
      dismissed: null,
    });
    type Problem = Pick<
      Row<'drug_therapy_problems'>,
      'source' | 'rule_id' | 'category' | 'severity' | 'title' | 'status'
    >;
    const problems = await all<Problem>(
      session.current().db,
      sql`SELECT source, rule_id, category, severity, title, status FROM drug_therapy_problems
          WHERE patient_id = ${p.id}`,
    );
    expect(problems).toEqual([
      {
        source: 'check',
        rule_id: 'ddi.bleed.clopidogrel-omeprazole',
        category: 'ineffectiveDrug',
        severity: f!.severity,
        title: 'clopidogrel + omeprazole',
        status: 'open',
      },
    ]);
    const again = { patientId: p.id, ruleId: f!.ruleId, fingerprint: f!.fingerprint };
    expect(await dispatch(session, 'checks:accept', again)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch(session, 'checks:dismiss', { ...again, reason: 'changed my mind' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    // Problems the checks cannot see are entered by hand, next to the accepted ones.
    expect(
      await dispatch(session, 'problems:add', {
        patientId: p.id,
        category: 'nonadherence',
        severity: 'moderate',
        title: 'metformin',
        description: '',
      }),
    ).toMatchObject({ ok: false, error: { field: 'description' } });
    await call(session, 'problems:add', {
      patientId: p.id,
      category: 'nonadherence',
      severity: 'moderate',
      title: 'metformin',
      description: 'Skips doses when her stomach is upset',
    });
    expect(
      (await call(session, 'problems:list', { patientId: p.id })).map((x) => `${x.source}: ${x.title} (${x.category})`),
    ).toEqual(['check: clopidogrel + omeprazole (ineffectiveDrug)', 'manual: metformin (nonadherence)']);
    await session.signOut();
  });

  it('count CNS-active and anticholinergic medicines for the risk summary', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Ida', lastName: 'Marsh', dateOfBirth: '1938-07-07', sex: 'female' },
    });
    for (const product of ['oxybutynin 5 mg', 'lorazepam 0.5 mg', 'sertraline 50 mg', 'lisinopril 10 mg'])
      await call(session, 'medications:add', {
        patientId: p.id,
        medication: { product, kind: 'rx', source: 'pharmacyFill' },
      });
    const { summary } = await call(session, 'checks:patient', { patientId: p.id });
    expect(summary).toMatchObject({
      activeDrugs: 4,
      cnsActive: ['lorazepam', 'sertraline'],
      anticholinergic: ['oxybutynin'],
    });
    await session.signOut();
  });
});
