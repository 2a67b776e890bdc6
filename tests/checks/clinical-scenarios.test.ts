// The hand-written patients of scenarios.ts through the real checks channel: every expected problem
// found, and nothing of moderate severity or more on an ordinary regimen.
import { describe, expect, it } from 'vitest';
import { casePatient } from '../helpers/clinical-patient';
import { call, newPharmacy } from '../helpers/temp-pharmacy';
import { ORDINARY, PROBLEMS, type Scenario } from './scenarios';

async function run(scenarios: Scenario[]) {
  const { session } = await newPharmacy();
  const out = [];
  for (const s of scenarios)
    out.push({ s, checks: await call(session, 'checks:patient', { patientId: await casePatient(session, s) }) });
  return out;
}

describe('clinical scenarios', () => {
  it('finds every problem an experienced pharmacist would', { timeout: 120_000 }, async () => {
    const missed: string[] = [];
    for (const { s, checks } of await run(PROBLEMS)) {
      for (const e of s.expect ?? []) {
        const hit = checks.findings.some(
          (f) =>
            f.family === e.family &&
            e.involves.every((i) => f.involved.some((x) => x.ingredient.includes(i)) || f.title.includes(i)),
        );
        if (!hit)
          missed.push(
            `${s.name}: no ${e.family} finding with ${e.involves.join(' + ')} — found ${checks.findings.map((f) => `${f.ruleId} (${f.severity}) ${f.title}`).join('; ')} | not checked: ${checks.summary.notChecked.join(' ')}`,
          );
      }
    }
    expect(missed).toEqual([]);
  });

  it('raises nothing moderate or worse on ordinary regimens', { timeout: 120_000 }, async () => {
    const alarms: string[] = [];
    for (const { s, checks } of await run(ORDINARY)) {
      for (const f of checks.findings.filter((x) => x.severity !== 'minor'))
        alarms.push(`${s.name}: ${f.ruleId} (${f.severity}) ${f.title}`);
      if (process.env.SHOW_FINDINGS)
        console.log(
          s.name,
          '\n  ',
          checks.findings.map((f) => `${f.ruleId} (${f.severity}) ${f.title}`).join('\n   '),
          '\n   not checked:',
          checks.summary.notChecked.join(' '),
        );
    }
    expect(alarms).toEqual([]);
  });
});
