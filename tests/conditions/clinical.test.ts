import { describe, expect, it } from 'vitest';
import {
  CORE_CHRONIC_DISEASES,
  ICD_CODE_PATTERN,
  ICD_CODES,
  LAB_TYPES,
  lookupConditions,
} from '../../preload/schemas/clinical';
import { dispatch } from '../../main/bridge/dispatch';
import { auditRows, newPharmacy } from '../helpers/temp-pharmacy';

describe('the bundled clinical reference data', () => {
  it('has the ten CMS core chronic diseases, each reached by at least one code, every entry sourced', () => {
    expect(CORE_CHRONIC_DISEASES.map((d) => d.id)).toEqual([
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
    ]);
    const ids = new Set(CORE_CHRONIC_DISEASES.map((d) => d.id));
    for (const d of ids)
      expect(
        ICD_CODES.some((c) => c.coreDiseases.includes(d)),
        d,
      ).toBe(true);
    for (const c of ICD_CODES) {
      expect(c.code, c.code).toMatch(ICD_CODE_PATTERN);
      expect([c.plain.en.length > 2, c.plain.es.length > 2, c.terms.length > 0], c.code).toEqual([true, true, true]);
      for (const d of c.coreDiseases) expect(ids.has(d), `${c.code} → ${d}`).toBe(true);
      expect(c.source).toMatch(/ICD-10-CM/);
    }
    expect(new Set(ICD_CODES.map((c) => c.code)).size).toBe(ICD_CODES.length);
    for (const l of LAB_TYPES)
      expect([l.loinc, l.source]).toEqual([expect.stringMatching(/^\d+-\d$/), expect.stringMatching(/LOINC/)]);
  });

  it('finds conditions by code start, by words, by plain names in English or Spanish, and by everyday terms', () => {
    expect(lookupConditions('E11.9').map((c) => c.code)).toEqual(['E11.9']);
    expect(lookupConditions('E11', 100).every((c) => c.code.startsWith('E11'))).toBe(true);
    expect(lookupConditions('heart failure', 100).map((c) => c.code)).toEqual(
      expect.arrayContaining(['I11.0', 'I50.22', 'I50.32', 'I50.9']),
    );
    for (const [typed, code] of [
      ['afib', 'I48.91'],
      ['high cholesterol', 'E78.5'],
      ['sugar', 'E11.9'],
      ['dementia', 'F03.90'],
      ['parkinson', 'G20.A1'],
      ['gout', 'M10.9'],
      ['falls', 'Z91.81'],
      ['presión arterial alta', 'I10'],
    ] as const) {
      expect(
        lookupConditions(typed, 100).map((c) => c.code),
        typed,
      ).toContain(code);
    }
    expect(lookupConditions('afib')[0]!.code).toMatch(/^I48/);
    expect(lookupConditions('I10')[0]).toMatchObject({
      code: 'I10',
      plain: { en: expect.stringMatching(/blood pressure/i), es: expect.stringMatching(/presión/i) },
    });
  });
});

describe("a patient's conditions and labs", () => {
  async function withPatient() {
    const { session } = await newPharmacy();
    const r = await dispatch(session, 'patients:create', {
      patient: { firstName: 'Ezekiel', lastName: 'Thornbury', dateOfBirth: '1941-09-09', sex: 'male' },
    });
    return { session, id: r.ok ? (r.data as { id: string }).id : '' };
  }

  it('records conditions once while active, resolves them with a date, and audits each change', async () => {
    const { session, id } = await withPatient();
    expect(
      await dispatch(session, 'conditions:add', { patientId: id, code: 'i10', onsetDate: '2015-03-01' }),
    ).toMatchObject({
      ok: true,
      data: { code: 'I10', title: 'Essential (primary) hypertension', coreDiseases: ['hypertension'] },
    });
    expect(await dispatch(session, 'conditions:add', { patientId: id, code: 'I10' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'code' },
    });
    // A well-formed code that is neither bundled nor in a loaded release is refused, saying how to load the full set.
    expect(await dispatch(session, 'conditions:add', { patientId: id, code: 'Z99.999' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'code', message: expect.stringContaining('mtm import icd10cm') },
    });
    const dm = await dispatch(session, 'conditions:add', { patientId: id, code: 'E11.9' });
    const dmId = dm.ok ? (dm.data as { id: string }).id : '';
    expect(await dispatch(session, 'conditions:resolve', { id: dmId, resolvedOn: '2026-01-02' })).toMatchObject({
      ok: true,
      data: { resolvedOn: '2026-01-02' },
    });
    expect(await dispatch(session, 'conditions:add', { patientId: id, code: 'E11.9' })).toMatchObject({ ok: true });

    const clinical = await dispatch(session, 'patients:clinical', { patientId: id });
    expect(
      clinical.ok &&
        (clinical.data as { conditions: { code: string; resolvedOn: string | null }[] }).conditions.map(
          (c) => `${c.code}:${c.resolvedOn ?? 'active'}`,
        ),
    ).toEqual(['E11.9:active', 'I10:active', 'E11.9:2026-01-02']);
    const actions = (await auditRows(session))
      .filter((r) => r.category === 'conditions and labs')
      .map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual([
      'condition.add:success',
      'condition.add:failure',
      'condition.add:failure',
      'condition.add:success',
      'condition.resolve:success',
      'condition.add:success',
      'patient.readClinical:success',
    ]);
    await session.signOut();
  });

  it('accepts plausible lab values with units from the data file and refuses typing mistakes', async () => {
    const { session, id } = await withPatient();
    expect(
      await dispatch(session, 'labs:add', { patientId: id, type: 'scr', value: 1.3, takenOn: '2026-10-01' }),
    ).toMatchObject({ ok: true, data: { unit: 'mg/dL', value: 1.3 } });
    expect(
      await dispatch(session, 'labs:add', { patientId: id, type: 'bp', value: 142, value2: 88, takenOn: '2026-10-01' }),
    ).toMatchObject({ ok: true, data: { value: 142, value2: 88, unit: 'mmHg' } });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ type: 'scr', value: 130, takenOn: '2026-10-01' }, 'value', /130 mg\/dL is not a plausible serum creatinine/],
      [{ type: 'bp', value: 142, takenOn: '2026-10-01' }, 'value2', /Enter the diastolic/],
      [{ type: 'a1c', value: 7.2, value2: 3, takenOn: '2026-10-01' }, 'value2', /has one value/],
      [{ type: 'inr', value: 2.5, takenOn: '2999-10-01' }, 'takenOn', /cannot be in the future/],
    ];
    for (const [payload, field, message] of cases) {
      const r = await dispatch(session, 'labs:add', { patientId: id, ...payload });
      expect(r, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'validation', field } });
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    const clinical = await dispatch(session, 'patients:clinical', { patientId: id });
    expect(clinical.ok && (clinical.data as { labs: unknown[] }).labs).toHaveLength(2);
    await session.signOut();
  });
});
