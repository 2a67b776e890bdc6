import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { indexesOf, insert, PATIENT, rowsOf } from './rows';

// Adds adherence outreach: each attempt to reach a patient, how, what came of it and what was done.
describe('migration 1764800000000-adherence-outreach', () => {
  it('creates adherence_outreach for existing patients, method, result and intervention checked', async () => {
    const { db: old, migrate } = await beforeMigration('AdherenceOutreach1764800000000');
    await insert(old, 'patients', PATIENT);
    const db = await migrate();

    expect(await rowsOf(db, 'patients')).toEqual([{ ...PATIENT, external_id: null }]);
    expect(await columnsOf(db, 'adherence_outreach')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'attempted_on TEXT NOT NULL',
      'method TEXT NOT NULL',
      'result TEXT NOT NULL',
      'intervention TEXT NOT NULL',
      'note TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'adherence_outreach')).toEqual(['index idx_outreach_patient']);

    const call = {
      id: 'o1',
      patient_id: PATIENT.id,
      attempted_on: '2025-11-21',
      method: 'phone',
      result: 'reached',
      intervention: 'synchronization',
      note: 'Aligning statin and metformin refills',
      created_at: '2025-11-21T10:15:00.000Z',
      created_by: 'pharmacist1',
    };
    await insert(db, 'adherence_outreach', call);
    expect(await rowsOf(db, 'adherence_outreach')).toEqual([call]);
    for (const bad of [{ method: 'email' }, { result: 'busy' }, { intervention: 'pillBox' }]) {
      await expect(insert(db, 'adherence_outreach', { ...call, id: 'o2', ...bad })).rejects.toThrow(/CHECK/);
    }
    const nobody = { ...call, id: 'o3', patient_id: 'nobody' };
    await expect(insert(db, 'adherence_outreach', nobody)).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
