import { describe, expect, it } from 'vitest';
import { CORE_CHRONIC_DISEASES, ICD_CODES, LAB_TYPES, lookupConditions } from '../../preload/schemas/clinical';
import { dispatch } from '../../main/bridge/dispatch';
import { auditRows, newPharmacy } from '../helpers/temp-pharmacy';

describe('the bundled clinical reference data', () => {
  it('has the ten CMS core chronic diseases, each reached by at least one code, every entry sourced', () => {
    expect(CORE_CHRONIC_DISEASES.map((d) => d.id)).toEqual(['alzheimers', 'boneArthritis', 'heartFailure', 'diabetes', 'dyslipidemia', 'esrd', 'hivAids', 'hypertension', 'mentalHealth', 'respiratory']);
    const ids = new Set(CORE_CHRONIC_DISEASES.map((d) => d.id));
    for (const d of ids) expect(ICD_CODES.some((c) => c.coreDiseases.includes(d)), d).toBe(true);
    for (const c of ICD_CODES) {
      expect(c.code, c.code).toMatch(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/);
      for (const d of c.coreDiseases) expect(ids.has(d), `${c.code} → ${d}`).toBe(true);
      expect(c.source).toMatch(/ICD-10-CM/);
    }
    expect(new Set(ICD_CODES.map((c) => c.code)).size).toBe(ICD_CODES.length);
    for (const l of LAB_TYPES) expect([l.loinc, l.source]).toEqual([expect.stringMatching(/^\d+-\d$/), expect.stringMatching(/LOINC/)]);
  });

  it('finds conditions by code start or by words, core chronic diseases first', () => {
    expect(lookupConditions('E11').map((c) => c.code)).toEqual(['E10.9', 'E11.22', 'E11.40', 'E11.65', 'E11.9'].filter((c) => c.startsWith('E11')));
    expect(lookupConditions('heart failure').map((c) => c.code)).toEqual(['I11.0', 'I50.22', 'I50.32', 'I50.42', 'I50.9']);
    expect(lookupConditions('kidney')[0]!.coreDiseases.length).toBeGreaterThan(0);
  });
});

describe("a patient's conditions and labs", () => {
  async function withPatient() {
    const { session } = await newPharmacy();
    const r = await dispatch(session, 'patients:create', { patient: { firstName: 'Ezekiel', lastName: 'Thornbury', dateOfBirth: '1941-09-09', sex: 'male' } });
    return { session, id: r.ok ? (r.data as { id: string }).id : '' };
  }

  it('records conditions once while active, resolves them with a date, and audits each change', async () => {
    const { session, id } = await withPatient();
    expect(await dispatch(session, 'conditions:add', { patientId: id, code: 'i10', onsetDate: '2015-03-01' })).toMatchObject({ ok: true, data: { code: 'I10', title: 'Essential (primary) hypertension', coreDiseases: ['hypertension'] } });
    expect(await dispatch(session, 'conditions:add', { patientId: id, code: 'I10' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } });
    const dm = await dispatch(session, 'conditions:add', { patientId: id, code: 'E11.9' });
    const dmId = dm.ok ? (dm.data as { id: string }).id : '';
    expect(await dispatch(session, 'conditions:resolve', { id: dmId, resolvedOn: '2026-01-02' })).toMatchObject({ ok: true, data: { resolvedOn: '2026-01-02' } });
    expect(await dispatch(session, 'conditions:add', { patientId: id, code: 'E11.9' })).toMatchObject({ ok: true });

    const clinical = await dispatch(session, 'patients:clinical', { patientId: id });
    expect(clinical.ok && (clinical.data as { conditions: { code: string; resolvedOn: string | null }[] }).conditions.map((c) => `${c.code}:${c.resolvedOn ?? 'active'}`)).toEqual(['E11.9:active', 'I10:active', 'E11.9:2026-01-02']);
    const actions = (await auditRows(session)).filter((r) => r.category === 'conditions and labs').map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual(['condition.add:success', 'condition.add:failure', 'condition.add:success', 'condition.resolve:success', 'condition.add:success', 'patient.readClinical:success']);
    await session.signOut();
  });

  it('accepts plausible lab values with units from the data file and refuses typing mistakes', async () => {
    const { session, id } = await withPatient();
    expect(await dispatch(session, 'labs:add', { patientId: id, type: 'scr', value: 1.3, takenOn: '2026-10-01' })).toMatchObject({ ok: true, data: { unit: 'mg/dL', value: 1.3 } });
    expect(await dispatch(session, 'labs:add', { patientId: id, type: 'bp', value: 142, value2: 88, takenOn: '2026-10-01' })).toMatchObject({ ok: true, data: { value: 142, value2: 88, unit: 'mmHg' } });
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
