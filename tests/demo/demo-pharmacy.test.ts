import { describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import demo from '../../resources/demo/demo-pharmacy.json';
import type { Row } from '../../main/db/rows';
import { all, sql } from '../../main/db/sql';
import { fillDemoPharmacy } from '../../main/demo/demo-pharmacy';
import { isValidMbi, isValidNpi } from '../../preload/schemas/identifiers';
import { ageOnIso } from '../../preload/schemas/dates';
import vocabulary from '../../resources/drugs/vocabulary.json';
import { translateSig } from '../../main/medications/sig/translate-sig';
import { call, newPharmacy } from '../helpers/temp-pharmacy';

async function demoPharmacy(seed: number) {
  const { session } = await newPharmacy();
  const summary = await fillDemoPharmacy(session.current().db, session.current().user, {
    patients: 60,
    seed,
    today: '2026-11-30',
  });
  return { session, summary, db: session.current().db };
}

const products: Record<string, { strength: string; form: string; sig: string }> = demo.products.items;

describe('the demo pharmacy', FILE_ONLY, () => {
  it('gives every medicine a strength it is made in and directions the sig translator reads completely', () => {
    const medicines = [...demo.conditions.flatMap((c) => c.medicines), ...demo.otherMedicines];
    expect(Object.keys(products).sort()).toEqual([...new Set(medicines)].sort());
    for (const [name, p] of Object.entries(products)) {
      expect(translateSig(p.sig), `${name}: ${p.sig}`).toMatchObject({ complete: true });
      // Where the bundled vocabulary lists the product's clinical drugs, the strength is one of them.
      const made = vocabulary.drugs.find((d) => d.name === name)?.clinicalDrugs?.map((c) => c.name.toLowerCase());
      if (made?.length)
        expect(
          made.some((c) => c.includes(` ${p.strength} `)),
          `${name} ${p.strength}`,
        ).toBe(true);
    }
  });

  it('is fictional, plausible, deterministic for a seed, and has work in every state', async () => {
    const { session, summary, db } = await demoPharmacy(7);
    expect(summary).toMatchObject({ patients: 60, reviews: 48 });
    expect(summary.fills).toBeGreaterThan(60 * 10);
    const people = await all<Pick<Row<'patients'>, 'first_name' | 'last_name' | 'date_of_birth' | 'mbi' | 'notes'>>(
      db,
      sql`SELECT first_name, last_name, date_of_birth, mbi, notes FROM patients`,
    );
    for (const p of people) {
      expect(demo.firstNames).toContain(p.first_name);
      expect(demo.lastNames).toContain(p.last_name);
      expect(isValidMbi(p.mbi ?? '')).toBe(true);
      expect(p.notes).toMatch(/fictional/);
    }
    expect(people.filter((p) => ageOnIso(p.date_of_birth, '2026-11-30') >= 65).length / people.length).toBeGreaterThan(
      0.75,
    );
    // Every medicine and every fill carries the label's strength, form and directions; every medicine a reason.
    const labels = sql`SELECT product AS name, strength, dose_form, sig FROM patient_medications
      UNION SELECT lower(drug_name), strength, dose_form, sig FROM fills`;
    type Label = Pick<Row<'fills'>, 'strength' | 'dose_form' | 'sig'> & { name: string };
    for (const l of await all<Label>(db, labels)) {
      const p = Object.entries(products).find(([name]) => l.name.startsWith(name))![1];
      expect(l, l.name).toEqual({ name: l.name, strength: p.strength, dose_form: p.form, sig: p.sig });
    }
    const noReason = sql`SELECT DISTINCT product FROM patient_medications WHERE indication IS NULL`;
    expect(await all(db, noReason)).toEqual([]);
    const unrecognised = sql`SELECT DISTINCT drug_name FROM fills WHERE drug_key IS NULL`;
    expect(await all(db, unrecognised)).toEqual([]);
    const weekly = sql`SELECT DISTINCT quantity, days_supply FROM fills WHERE drug_name LIKE 'ALENDRONATE%' ORDER BY 1`;
    expect(await all(db, weekly)).toEqual([
      { quantity: 4, days_supply: 28 },
      { quantity: 12, days_supply: 84 },
    ]);
    const prescribers = await all<Pick<Row<'prescribers'>, 'npi'>>(db, sql`SELECT npi FROM prescribers`);
    for (const { npi } of prescribers) expect(isValidNpi(npi), npi).toBe(true);
    const byStatus = sql`SELECT status, count(*) AS n FROM reviews GROUP BY status`;
    const statuses = (await all<{ status: string; n: number }>(db, byStatus)).map((r) => r.status).sort();
    expect(statuses).toEqual(['awaitingPrescriber', 'completed', 'draft', 'inProgress']);
    const byType = sql`SELECT type, count(*) AS n FROM reviews GROUP BY type ORDER BY type`;
    const types = await all<{ type: string; n: number }>(db, byType);
    expect(types).toEqual([
      { type: 'cmr', n: 32 },
      { type: 'tmr', n: 16 },
    ]);
    const outcomes = sql`SELECT DISTINCT outcome FROM review_recommendations WHERE outcome IS NOT NULL ORDER BY 1`;
    const answers = (await all<Pick<Row<'review_recommendations'>, 'outcome'>>(db, outcomes)).map((r) => r.outcome);
    expect(answers).toEqual(['accepted', 'declined', 'modified', 'noResponse']);
    const claimStatuses = await all<Pick<Row<'claims'>, 'status'>>(db, sql`SELECT DISTINCT status FROM claims`);
    const claims = claimStatuses.map((r) => r.status).sort();
    expect(claims).toEqual(['denied', 'draft', 'exported', 'paid', 'ready', 'rejected', 'submitted', 'voided']);
    // Something for every worklist.
    const screen = await call(session, 'eligibility:screen', { contractYear: 2026, asOf: '2026-11-30' });
    expect(screen.counts.eligible).toBeGreaterThan(0);
    expect(screen.criteria.costThreshold).not.toBeNull();
    expect((await call(session, 'adherence:worklist', {})).total).toBeGreaterThan(0);
    const everyone = sql`SELECT first_name || last_name || date_of_birth AS n FROM patients ORDER BY n`;
    const names = async (q: typeof db) => (await all<{ n: string }>(q, everyone)).map((r) => r.n);
    const first = await names(db);
    await session.signOut();

    const again = await demoPharmacy(7);
    expect(again.summary).toEqual(summary);
    expect(await names(again.db)).toEqual(first);
    await again.session.signOut();
  });
});

describe('mtm demo', FILE_ONLY, () => {
  it('creates an encrypted demo pharmacy from the command line, and refuses a bad size', async () => {
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers/temp-pharmacy');
    const { mtm: runMtm } = await import('../helpers/mtm-cli');
    const data = join(tempDir(), 'demo');
    const mtm = (extra: string[]) =>
      runMtm(['demo', '--data', data, '--user', 'demo', ...extra], { env: { MTM_PASSWORD: 'quiet river at noon' } });
    const bad = mtm(['--patients', '3']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--patients must be a whole number from 10 to 100000.');
    const ok = mtm(['--patients', '30', '--seed', '5']);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(
      /Created a demo pharmacy in .*: 30 fictional patients, \d+ prescribers, \d+ fills, \d+ reviews, \d+ claims \(seed 5\)\./,
    );
    expect(ok.stdout).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/m);
  });
});
