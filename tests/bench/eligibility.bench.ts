// `npm run bench`: the figures quoted in issue notes. A real encrypted pharmacy in a temp folder:
// a 100 000-row fill export imported through the real importer, the eligibility screen of 20 000
// patients with 1 000 000 fills, the checks for one 25-medicine patient, and the checks over every
// patient, the adherence worklist and every report. Prints timings; asserts nothing (tests do that).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawConnection } from '../../main/db/data-source';
import { knowledgeFolderOf, patientChecks } from '../../main/checks/patient-checks';
import { populationChecks } from '../../main/checks/population';
import { adherenceWorklist } from '../../main/adherence/programme';
import { reportSummary } from '../../main/reports/report-summary';
import { screenPatients } from '../../main/eligibility/screening';
import { importFills } from '../../main/fills/import-fills';
import { BUNDLED_DRUGS } from '../../main/medications/vocabulary/bundled';
import { Session } from '../../main/security/session';
import { SETUP } from '../helpers/setup-data';

const PATIENTS = 20_000;
const FILLS = 1_000_000;
const IMPORT_ROWS = 100_000;
const CORE_CODES = ['E11.9', 'I10', 'E78.5', 'J44.9', 'F32.9', 'I50.9', 'M81.0', 'N18.6', 'G30.9', 'B20'];

// mulberry32: a repeatable stream, so every run screens the same pharmacy.
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const out = await work();
  console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
  return out;
};

const dir = mkdtempSync(join(tmpdir(), 'mtm-bench-'));
const session = new Session(dir);
try {
  await session.setup(SETUP);
  const { db, user } = session.current();
  const raw = rawConnection(db);
  const now = new Date().toISOString();
  const ids: string[] = [];

  await time(`seed ${PATIENTS} patients with conditions`, async () => {
    const patient = raw.prepare(`INSERT INTO patients (id, version, first_name, last_name, date_of_birth, sex, preferred_language, no_known_allergies, external_id, created_at, created_by, updated_at, updated_by) VALUES (?, 1, ?, ?, ?, 'female', 'en', 1, ?, ?, 'bench', ?, 'bench')`);
    const condition = raw.prepare(`INSERT OR IGNORE INTO patient_conditions (id, patient_id, code, created_at, created_by) VALUES (?, ?, ?, ?, 'bench')`);
    raw.transaction(() => {
      for (let i = 0; i < PATIENTS; i++) {
        const id = randomUUID();
        ids.push(id);
        patient.run(id, `First${i}`, `Last${i}`, `19${40 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, `P${i}`, now, now);
        for (let c = Math.floor(rand() * 5); c > 0; c--) condition.run(randomUUID(), id, pick(CORE_CODES), now);
      }
    })();
  });

  // One import of 100 000 rows for existing patients, through the real importer (checks, recognition, one transaction).
  const drugs = BUNDLED_DRUGS.map((d) => d.name.split(' (')[0]!.toUpperCase());
  const lines = ['Patient ID,Rx Number,Fill Number,Date Filled,NDC,Drug Name,Quantity,Days Supply,Cost'];
  for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`P${i % PATIENTS},R${i},0,2026-0${1 + (i % 9)}-15,,${pick(drugs)} 10 MG TAB,30,30,${(rand() * 200).toFixed(2)}`);
  const report = await time(`import ${IMPORT_ROWS} fill rows (${(lines.join('\n').length / 1e6).toFixed(1)} MB CSV)`, () =>
    importFills(db, user, { fileName: 'bench.csv', bytes: Buffer.from(lines.join('\n')), validOnly: false, createPatients: false, preview: false }),
  );
  console.log(`  imported ${report.imported}, refused ${report.refused}, unrecognised ${report.unrecognisedRows}`);

  await time(`seed ${FILLS - IMPORT_ROWS} more fills`, async () => {
    const keys = BUNDLED_DRUGS.map((d) => d.name);
    const fill = raw.prepare(`INSERT INTO fills (id, patient_id, rx_number, fill_number, fill_date, drug_name, drug_key, quantity, days_supply, cost, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 30, 30, ?, ?)`);
    raw.transaction(() => {
      for (let i = 0; i < FILLS - IMPORT_ROWS; i++) {
        const key = pick(keys);
        const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
        fill.run(randomUUID(), pick(ids), `S${i}`, 0, day, key, key, rand() * 150, now);
      }
    })();
  });

  const plan = (await db.query(`EXPLAIN QUERY PLAN SELECT f.patient_id, group_concat(DISTINCT f.drug_key), sum(f.cost) FROM fills f WHERE f.fill_date BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY f.patient_id`)) as { detail: string }[];
  console.log(`  plan: ${plan.map((p) => p.detail).join(' / ')}`);
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const result = await screenPatients(db, 2025, '2025-12-31');
    runs.push(performance.now() - t);
    if (r === 0) console.log(`  screened ${result.screened}: ${JSON.stringify(result.counts)}; worklist ${result.patients.length}`);
  }
  console.log(`screen ${PATIENTS} patients / ${FILLS} fills: ${runs.map((ms) => (ms / 1000).toFixed(2)).join(' s, ')} s (median ${(runs.sort((a, b) => a - b)[1]! / 1000).toFixed(2)} s)`);

  // One patient with 25 medicines on the list (plus their fills): the whole-profile checks.
  const heavy = ids[0]!;
  const medicine = raw.prepare(`INSERT INTO patient_medications (id, patient_id, version, product, kind, source, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, 'rx', 'patientReported', ?, 'bench', ?, 'bench')`);
  for (const d of BUNDLED_DRUGS.filter((x, i) => x.kind === 'rx' && i % 11 === 0).slice(0, 25)) medicine.run(randomUUID(), heavy, d.name, now, now);
  const folder = knowledgeFolderOf(dir);
  const profile: number[] = [];
  let findings = 0;
  for (let r = 0; r < 21; r++) {
    const t = performance.now();
    findings = (await patientChecks(db, folder, heavy, '2026-11-23')).findings.length;
    profile.push(performance.now() - t);
  }
  console.log(`checks for a 25-medicine patient (${findings} findings): median ${profile.sort((a, b) => a - b)[10]!.toFixed(1)} ms of 21 runs`);

  const population = await time(`checks over ${PATIENTS} patients / ${FILLS} fills`, () => populationChecks(db, folder, '2026-11-23'));
  console.log(`  serious interactions ${population.majorInteraction.length}, low adherence ${population.lowAdherence.length}, care gaps ${population.careGaps.length}`);

  const worklist = await time(`adherence outreach worklist over ${PATIENTS} patients`, () => adherenceWorklist(db, undefined, '2026-11-23'));
  console.log(`  ${worklist.entries.length} patients to call`);
  const reports: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    await reportSummary(db, '2025-11-24', '2026-11-23');
    reports.push(performance.now() - t);
  }
  console.log(`all reports for a year over ${PATIENTS} patients / ${FILLS} fills: median ${(reports.sort((a, b) => a - b)[1]! / 1000).toFixed(2)} s of 3 runs`);
  await session.signOut();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
