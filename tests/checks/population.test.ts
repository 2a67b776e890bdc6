import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
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
    const { session } = await newPharmacy();
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
    await patientWith(
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
    expect(r.serious).toEqual([
      { patientId: bleeding, name: 'Bleeder, Pat', dateOfBirth: sixtyYearsAgo(), findings: ['warfarin + ibuprofen'] },
    ]);
    // Adherence is the adherence worklist's: the clinical-check worklist does not list the patient with gaps.
    expect([...r.serious, ...r.review, ...r.careGaps].some((e) => e.name === 'Gaps, Pat')).toBe(false);
    expect(r.careGaps.map((e) => `${e.name}: ${e.findings.join(', ')}`)).toEqual([
      'Sugar, Pat: Diabetes, aged 40–75, without a statin',
    ]);

    const checks = await call(session, 'checks:patient', { patientId: bleeding });
    const f = checks.findings[0]!;
    await call(session, 'checks:dismiss', {
      patientId: bleeding,
      ruleId: f.ruleId,
      fingerprint: f.fingerprint,
      reason: 'Ibuprofen was a 5-day course; cardiology aware',
    });
    expect((await call(session, 'checks:population', {})).serious).toEqual([]);
    await session.signOut();
  });
});
