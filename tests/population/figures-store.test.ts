import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { all, run, sql } from '../../main/db/sql';
import { claimStale, stalePatients, writeFigures } from '../../main/population/figures-store';
import { call, daysAgo, newPharmacy } from '../helpers/temp-pharmacy';

// The cache's bookkeeping: who is stale, and figures computed from a read that a write overtook are not kept.
describe('population figures', () => {
  it('keeps fresh figures, and drops those of a patient whose fills changed while they were computed', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    const person = async (lastName: string) =>
      (
        await call(session, 'patients:create', {
          patient: { firstName: 'Ada', lastName, dateOfBirth: '1950-01-01', sex: 'female' },
        })
      ).id;
    const steady = await person('Steady');
    const changed = await person('Changed');
    const today = daysAgo(0);
    expect((await stalePatients(db, 'adherence', today)).ids.sort()).toEqual([steady, changed].sort());

    const token = await claimStale(db, 'adherence', [steady, changed]);
    // A fill arrives for one of them between the read and the write.
    await run(
      db,
      sql`INSERT INTO fills (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply,
                             created_at)
          VALUES (${randomUUID()}, ${changed}, 'RX1', 0, ${today}, 'LISINOPRIL 10 MG TAB', 30, 30, ${today})`,
    );
    const figures = (id: string) => [id, today, 1, 0.5, '[]', null, '[]'];
    await writeFigures(
      db,
      'adherence',
      token,
      ['adherence_as_of', 'star_measures_below', 'lowest_pdc', 'pdc_reasons', 'most_days_late', 'late_refills'],
      [figures(steady), figures(changed)],
    );
    expect(
      await all(db, sql`SELECT patient_id, adherence_as_of, star_measures_below, lowest_pdc FROM population_figures`),
    ).toEqual([{ patient_id: steady, adherence_as_of: today, star_measures_below: 1, lowest_pdc: 0.5 }]);
    expect(await stalePatients(db, 'adherence', today)).toEqual({ ids: [changed], living: 2 });
    // The checks half is stale on its own until computed, and a later day makes both stale again.
    expect((await stalePatients(db, 'checks', today, 'v1')).ids).toHaveLength(2);
    expect((await stalePatients(db, 'adherence', daysAgo(-1))).ids).toHaveLength(2);
    await session.signOut();
  });
});
