import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { knowledgeFolderOf } from '../../main/checks/patient-checks';
import { refreshCheckFigures } from '../../main/checks/population';
import { all, run, sql } from '../../main/db/sql';
import { todayIso } from '../../preload/schemas/dates';
import type { Session } from '../../main/security/session';
import { call, daysAgo, newPharmacy } from '../helpers/temp-pharmacy';

const sixtyYearsAgo = () => `${new Date().getFullYear() - 60}-06-01`;

async function patientWith(session: Session, lastName: string, fills: [string, number][], codes: string[] = []) {
  const p = await call(session, 'patients:create', {
    patient: { firstName: 'Pat', lastName, dateOfBirth: sixtyYearsAgo(), sex: 'female' },
  });
  for (const code of codes) await call(session, 'conditions:add', { patientId: p.id, code });
  for (const [drug, ago] of fills) {
    await run(
      session.current().db,
      sql`INSERT INTO fills
            (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, created_at)
          VALUES (${randomUUID()}, ${p.id}, ${randomUUID().slice(0, 8)}, 0, ${daysAgo(ago)}, ${drug}, 30, 30,
                  ${new Date().toISOString()})`,
    );
  }
  return p.id;
}

describe('checks over the whole pharmacy', () => {
  it('lists serious findings and care gaps, leaving out dismissed findings', async () => {
    const { session, dataDir } = await newPharmacy();
    const bleeding = await patientWith(session, 'Bleeder', [
      ['WARFARIN 5 MG TAB', 10],
      ['IBUPROFEN 600 MG TAB', 5],
    ]);
    await patientWith(session, 'Gaps', [
      ['ATORVASTATIN 20 MG TAB', 200],
      ['ATORVASTATIN 20 MG TAB', 100],
    ]);
    await patientWith(
      session,
      'Sugar',
      [
        ['METFORMIN 500 MG TAB', 60],
        ['METFORMIN 500 MG TAB', 30],
      ],
      ['E11.9'],
    );
    const fine = await patientWith(
      session,
      'Fine',
      [
        ['LISINOPRIL 10 MG TAB', 35],
        ['LISINOPRIL 10 MG TAB', 5],
      ],
      ['I10'],
    );

    const r = await call(session, 'checks:population', {});
    expect(r.screened).toBe(4);
    expect(r.counts).toEqual({ serious: 1, review: expect.any(Number), careGaps: 1 });
    expect(r).toMatchObject({ list: 'serious', total: 1, offset: 0, limit: 50 });
    expect(r.items).toEqual([
      { patientId: bleeding, name: 'Bleeder, Pat', dateOfBirth: sixtyYearsAgo(), findings: ['warfarin + ibuprofen'] },
    ]);
    const lists = await Promise.all(
      (['serious', 'review', 'careGaps'] as const).map((list) => call(session, 'checks:population', { list })),
    );
    // Adherence is the adherence worklist's: the clinical-check worklist does not list the patient with gaps.
    expect(lists.flatMap((l) => l.items).some((e) => e.name === 'Gaps, Pat')).toBe(false);
    expect(lists[2]!.items.map((e) => `${e.name}: ${e.findings.join(', ')}`)).toEqual([
      'Sugar, Pat: Diabetes, aged 40–75, without a statin',
    ]);
    expect((await call(session, 'checks:population', { list: 'careGaps', search: 'bleed' })).total).toBe(0);
    await expect(call(session, 'checks:population', { list: 'urgent' as 'serious' })).rejects.toThrow(
      /Choose a worklist/,
    );

    // The figures are kept; a patient checked alone (after a change to their record) gets what the pass over the
    // pharmacy gives.
    const { db } = session.current();
    const figures = sql`SELECT patient_id, serious, review, care_gaps, knowledge_version FROM population_figures
                        ORDER BY patient_id`;
    const alone = await all<Record<string, string>>(db, figures);
    await run(db, sql`UPDATE population_figures SET checks_as_of = NULL`);
    await refreshCheckFigures(db, knowledgeFolderOf(dataDir), todayIso(), 0);
    const passed = await all<Record<string, string>>(db, figures);
    expect(passed).toEqual(alone);
    await run(db, sql`UPDATE population_figures SET checks_as_of = NULL WHERE patient_id <> ${fine}`);
    await call(session, 'checks:population', {});
    expect(await all(db, figures)).toEqual(passed);

    const checks = await call(session, 'checks:patient', { patientId: bleeding });
    const f = checks.findings[0]!;
    await call(session, 'checks:dismiss', {
      patientId: bleeding,
      ruleId: f.ruleId,
      fingerprint: f.fingerprint,
      reason: 'Ibuprofen was a 5-day course; cardiology aware',
    });
    expect(await call(session, 'checks:population', {})).toMatchObject({ items: [], total: 0 });
    await session.signOut();
  });
});
