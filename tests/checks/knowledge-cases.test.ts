// Every bundled rule, both ways, through the real checks channel on an encrypted pharmacy: a patient
// built from the rule's data must trigger it, and its near miss must not.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { BUNDLED } from '../../main/checks/knowledge-base';
import { run, sql } from '../../main/db/sql';
import { recodeFills } from '../../main/medications/vocabulary/recognise-fills';
import type { Session } from '../../main/security/session';
import { casePatient } from '../helpers/clinical-patient';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { ruleCases, type GeneratedCase } from './rule-cases';

async function build(session: Session, c: GeneratedCase): Promise<string> {
  const id = await casePatient(session, c);
  for (const f of c.fills ?? []) {
    await run(
      session.current().db,
      sql`INSERT INTO fills
            (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, created_at)
          VALUES (${randomUUID()}, ${id}, ${randomUUID().slice(0, 8)}, 0, ${isoDaysBefore(todayIso(), f.daysAgo)},
                  ${f.drugName}, 30, ${f.daysSupply}, ${new Date().toISOString()})`,
    );
  }
  if (c.fills?.length) await recodeFills(session.current().db);
  if (c.genotype)
    await call(session, 'genotypes:add', {
      patientId: id,
      gene: c.genotype.gene,
      result: c.genotype.result,
      testedOn: isoDaysBefore(todayIso(), 30),
    });
  return id;
}

const fired = (checks: Awaited<ReturnType<typeof call<'checks:patient'>>>, ruleId: string) =>
  checks.findings.some((f) => f.ruleId === ruleId || f.alsoCited.some((a) => a.ruleId === ruleId));

describe('the knowledge base, rule by rule', () => {
  const { cases, skipped } = ruleCases();

  it('has a generated case for every rule', () => {
    expect(skipped).toEqual([]);
    expect(cases.length).toBe(BUNDLED.rules.length);
  });

  it('fires every rule on its case and on none of its near misses', { timeout: 900_000 }, async () => {
    const { session } = await newPharmacy();
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    const broken: string[] = [];
    for (const c of cases) {
      let trigger, near;
      try {
        trigger = await call(session, 'checks:patient', { patientId: await build(session, c.trigger) });
        near = await call(session, 'checks:patient', { patientId: await build(session, c.nearMiss) });
      } catch (err) {
        broken.push(`${c.rule.id}: ${(err as Error).message} ${JSON.stringify(c.trigger)}`);
        continue;
      }
      if (!fired(trigger, c.rule.id))
        missed.push(
          `${c.rule.id}: ${JSON.stringify(c.trigger)} → ${trigger.findings.map((f) => f.ruleId).join(', ')} | ${trigger.summary.notChecked.join(' ')}`,
        );
      if (fired(near, c.rule.id)) falseAlarms.push(`${c.rule.id}: ${JSON.stringify(c.nearMiss)}`);
    }
    expect(broken).toEqual([]);
    expect(missed).toEqual([]);
    expect(falseAlarms).toEqual([]);
  });
});
