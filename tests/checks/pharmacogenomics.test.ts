import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { pharmacogenomicFindings } from '../../main/checks/genotypes';
import { BUNDLED } from '../../main/checks/knowledge-base';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { picture } from '../helpers/picture';

type Result = { gene: string; result: string };
const result = (gene: string, r: string): Result => ({ gene, result: r });
/** The latest result per gene comes first, as the picture loader orders them. */
const fired = (genotypes: Result[], ...names: string[]) =>
  pharmacogenomicFindings(
    BUNDLED.rules,
    picture({
      meds: names,
      genotypes: genotypes.filter((g, i) => genotypes.findIndex((x) => x.gene === g.gene) === i),
    }),
    BUNDLED,
  ).map((f) => `${f.ruleId} ${f.severity}: ${f.title}`);

describe('CPIC gene–drug pairs', () => {
  it('fire for the phenotypes CPIC names, and not for normal results or other drugs', () => {
    expect(fired([result('CYP2C19', 'Poor metabolizer')], 'clopidogrel')).toEqual([
      'pgx.cyp2c19-clopidogrel major: clopidogrel: CYP2C19 poor metabolizer',
    ]);
    expect(fired([result('CYP2C19', 'Intermediate metabolizer')], 'clopidogrel')).toHaveLength(1);
    expect(fired([result('CYP2C19', 'Normal metabolizer')], 'clopidogrel')).toEqual([]);
    expect(fired([result('CYP2C19', 'Poor metabolizer')], 'prasugrel')).toEqual([]);
    expect(fired([result('HLA-B*57:01', 'Positive')], 'abacavir')).toEqual([
      'pgx.hlab5701-abacavir contraindicated: abacavir: HLA-B*57:01 positive',
    ]);
    expect(fired([result('HLA-B*57:01', 'Negative')], 'abacavir')).toEqual([]);
    expect(fired([result('CYP2D6', 'Ultrarapid metabolizer')], 'codeine', 'tramadol')).toEqual([
      'pgx.cyp2d6-codeine-tramadol major: codeine + tramadol: CYP2D6 ultrarapid metabolizer',
    ]);
    expect(fired([result('SLCO1B1', 'Decreased function')], 'simvastatin', 'rosuvastatin')).toEqual([
      'pgx.slco1b1-simvastatin major: simvastatin: SLCO1B1 decreased function',
    ]);
  });

  it('use the latest result for a gene', () => {
    const retested = [result('CYP2C19', 'Normal metabolizer'), result('CYP2C19', 'Poor metabolizer')];
    expect(fired(retested, 'clopidogrel')).toEqual([]);
  });

  it('are recorded by a pharmacist with a CPIC result term, and appear in the patient checks', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Gene', lastName: 'Okonkwo', dateOfBirth: '1955-02-02', sex: 'male' },
    });
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product: 'clopidogrel 75 mg', kind: 'rx', source: 'pharmacyFill' },
    });
    expect(
      await dispatch(session, 'genotypes:add', {
        patientId: p.id,
        gene: 'CYP2C19',
        result: 'Slow metabolizer',
        testedOn: '2025-05-05',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'result', message: expect.stringContaining('Not a CYP2C19 result') },
    });
    await call(session, 'genotypes:add', {
      patientId: p.id,
      gene: 'CYP2C19',
      result: 'Poor metabolizer',
      testedOn: '2025-05-05',
      laboratory: 'Mayo Clinic Laboratories',
    });
    expect(await call(session, 'genotypes:list', { patientId: p.id })).toEqual([
      expect.objectContaining({
        gene: 'CYP2C19',
        result: 'Poor metabolizer',
        laboratory: 'Mayo Clinic Laboratories',
        recordedBy: 'pharmacist1',
      }),
    ]);
    const checks = await call(session, 'checks:patient', { patientId: p.id });
    expect(checks.findings.map((f) => f.ruleId)).toEqual(['pgx.cyp2c19-clopidogrel']);
    expect(checks.findings[0]!.explanation).toContain('Result on file: CYP2C19 Poor metabolizer, tested 2025-05-05.');
    await session.signOut();
  });
});
