import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { one, sql } from '../../main/db/sql';
import { auditRows, newPharmacy } from '../helpers/temp-pharmacy';

async function setup() {
  const { session } = await newPharmacy();
  const p = await dispatch(session, 'patients:create', {
    patient: { firstName: 'Marguerite', lastName: 'Lindqvist', dateOfBirth: '1946-04-18', sex: 'female' },
  });
  const rx = await dispatch(session, 'prescribers:create', {
    prescriber: { npi: '1245319599', firstName: 'Beatrice', lastName: 'Okonjo', credentials: 'MD', fax: '2165550134' },
  });
  return {
    session,
    patientId: p.ok ? (p.data as { id: string }).id : '',
    prescriberId: rx.ok ? (rx.data as { id: string }).id : '',
  };
}

const data = <T>(r: { ok: boolean; data?: unknown }) => (r as { data: T }).data;

describe("a patient's medication list", () => {
  it('adds, changes and stops entries, keeping every version with who and when', async () => {
    const { session, patientId, prescriberId } = await setup();
    const added = await dispatch(session, 'medications:add', {
      patientId,
      medication: {
        product: 'Lisinopril',
        kind: 'rx',
        strength: '10 mg',
        doseForm: 'tablet',
        sig: 'Take 1 tablet by mouth every morning',
        indication: 'Blood pressure',
        prescriberId,
        startDate: '2024-02-01',
        source: 'pharmacyFill',
      },
    });
    expect(added).toMatchObject({
      ok: true,
      data: { version: 1, rxcui: null, prescriber: { name: 'Beatrice Okonjo, MD' } },
    });
    const id = data<{ id: string }>(added).id;
    await dispatch(session, 'medications:add', {
      patientId,
      medication: { product: "St John's wort", kind: 'herbal', sig: 'One capsule daily', source: 'patientReported' },
    });

    const changed = await dispatch(session, 'medications:update', {
      id,
      version: 1,
      medication: {
        product: 'Lisinopril',
        kind: 'rx',
        strength: '20 mg',
        doseForm: 'tablet',
        sig: 'Take 1 tablet by mouth every morning',
        indication: 'Blood pressure',
        prescriberId,
        startDate: '2024-02-01',
        source: 'pharmacyFill',
      },
    });
    expect(changed).toMatchObject({ ok: true, data: { version: 2, strength: '20 mg' } });
    expect(
      await dispatch(session, 'medications:update', {
        id,
        version: 1,
        medication: { product: 'Lisinopril', kind: 'rx', source: 'pharmacyFill' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      await dispatch(session, 'medications:stop', { id, version: 2, stopDate: '2024-01-01', reason: 'Cough' }),
    ).toMatchObject({ ok: false, error: { field: 'stopDate' } });
    expect(
      await dispatch(session, 'medications:stop', {
        id,
        version: 2,
        stopDate: '2026-06-30',
        reason: 'Dry cough; changed to losartan',
      }),
    ).toMatchObject({ ok: true, data: { version: 3, stopReason: 'Dry cough; changed to losartan' } });
    expect(
      await dispatch(session, 'medications:update', {
        id,
        version: 3,
        medication: { product: 'Lisinopril', kind: 'rx', source: 'pharmacyFill' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/stopped on 2026-06-30/) },
    });

    const list = data<{ active: { product: string }[]; past: { product: string }[] }>(
      await dispatch(session, 'medications:list', { patientId }),
    );
    expect([list.active.map((m) => m.product), list.past.map((m) => m.product)]).toEqual([
      ["St John's wort"],
      ['Lisinopril'],
    ]);
    const history = data<
      {
        version: number;
        change: string;
        changedBy: string;
        medication: { strength: string | null; stopDate: string | null };
      }[]
    >(await dispatch(session, 'medications:history', { id }));
    expect(
      history.map((h) => [h.version, h.change, h.medication.strength, h.medication.stopDate, h.changedBy]),
    ).toEqual([
      [1, 'added', '10 mg', null, 'pharmacist1'],
      [2, 'changed', '20 mg', null, 'pharmacist1'],
      [3, 'stopped', '20 mg', '2026-06-30', 'pharmacist1'],
    ]);
    const audited = (await auditRows(session))
      .filter((r) => r.category === 'medications' && r.outcome === 'success')
      .map((r) => r.action);
    expect(audited).toEqual([
      'medication.add',
      'medication.add',
      'medication.change',
      'medication.stop',
      'medication.read',
      'medication.readHistory',
    ]);
    await session.signOut();
  });

  it('refuses an unknown prescriber or patient and a future start, writing nothing', async () => {
    const { session, patientId } = await setup();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      await dispatch(session, 'medications:add', {
        patientId,
        medication: { product: 'Metformin', kind: 'rx', prescriberId: unknown, source: 'pharmacyFill' },
      }),
    ).toMatchObject({ ok: false, error: { field: 'prescriberId' } });
    expect(
      await dispatch(session, 'medications:add', {
        patientId: unknown,
        medication: { product: 'Metformin', kind: 'rx', source: 'pharmacyFill' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(
      await dispatch(session, 'medications:add', {
        patientId,
        medication: { product: 'Metformin', kind: 'rx', startDate: '2999-01-01', source: 'pharmacyFill' },
      }),
    ).toMatchObject({ ok: false, error: { field: 'medication.startDate' } });
    const medications = sql`SELECT count(*) AS n FROM patient_medications`;
    expect((await one<{ n: number }>(session.current().db, medications))!.n).toBe(0);
    await session.signOut();
  });
});
