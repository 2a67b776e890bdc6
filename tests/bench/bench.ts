// `npm run bench [-- --quick] [-- --seed N]`: every hot path on a demo pharmacy of 20 000 patients
// (2 000 with --quick), built once per seed and size and reused from a cache folder; each run works
// on a fresh copy. Prints one table — median (and p95 where asked) of several runs, against its
// target — and then the same core queries on an unencrypted copy with raw better-sqlite3: the
// limit this machine allows. Asserts nothing (tests do that).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { refreshAdherenceFigures } from '../../main/adherence/adherence-figures';
import { adherenceWorklist } from '../../main/adherence/programme';
import { exportClaims } from '../../main/billing/export-claims';
import { elementsCsv, elementsRecords, validateElements } from '../../main/billing/mtm-data-elements';
import { knowledgeFolderOf, patientChecks } from '../../main/checks/patient-checks';
import { populationChecks, refreshCheckFigures } from '../../main/checks/population';
import { getClinical } from '../../main/conditions/clinical-store';
import { dataPaths } from '../../main/db/data-paths';
import { CACHE_KIB, openDatabase, rawConnection } from '../../main/db/data-source';
import type { Row } from '../../main/db/rows';
import { all, one, sql, type Sql } from '../../main/db/sql';
import { createDemoPharmacy } from '../../main/demo/create-demo';
import { makeDocument } from '../../main/documents/documents-service';
import { screeningPage } from '../../main/eligibility/screening-page';
import { importFills } from '../../main/fills/import-fills';
import { listMedications } from '../../main/medications/medication-store';
import { searchPatients } from '../../main/patients/patient-search';
import { getPatient } from '../../main/patients/patient-store';
import { REPORTS } from '../../main/reports/report-summary';
import { readKeyring, unlockWithPassword } from '../../main/security/keyring';
import { Session } from '../../main/security/session';
import { todayWork } from '../../main/reviews/today';
import { formatIsoDate, isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import demo from '../../resources/demo/demo-pharmacy.json';
import { sampleSignedCmr } from '../helpers/sample-review';
import { reportsRenderTimes } from './reports-render';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SEED = Number(args[args.indexOf('--seed') + 1]) || 42;
const PATIENTS = QUICK ? 2_000 : 20_000;
const RUNS = QUICK ? 3 : 7;
const USER = 'benchrph';
const PASSWORD = 'bench marks the spot';
const TODAY = new Date().toISOString().slice(0, 10);

// Keyed by the generator's code and parameters too, so a changed generator never reuses an old pharmacy.
const generator = createHash('sha256')
  .update(readFileSync(new URL('../../main/demo/demo-pharmacy.ts', import.meta.url)))
  .update(JSON.stringify(demo))
  .digest('hex')
  .slice(0, 10);
const cache = join(tmpdir(), 'mtm-bench-cache', `demo-${generator}-seed-${SEED}-${PATIENTS}`);
const work = join(tmpdir(), `mtm-bench-run-${process.pid}`);
/** `raw`: also shown as a multiple of the raw SQL read of the year's fills (the floor for any whole-pharmacy figure). */
const rows: { what: string; median: number; p95?: number; target?: number; raw?: boolean }[] = [];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(xs.length * p) - 1))]!;

async function measure(
  what: string,
  runs: number,
  task: (i: number) => unknown,
  opts: { target?: number; p95?: boolean; warm?: number; raw?: boolean } = {},
) {
  for (let i = 0; i < (opts.warm ?? 1); i++) await task(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await task(i);
    times.push(performance.now() - t);
  }
  rows.push({
    what,
    median: pct(times, 0.5),
    ...(opts.p95 ? { p95: pct(times, 0.95) } : {}),
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.raw ? { raw: true } : {}),
  });
}

// Build the demo pharmacy once per seed and size.
if (!existsSync(join(cache, 'keyring.json'))) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const t = performance.now();
  const builder = new Session(cache);
  const made = await createDemoPharmacy(
    builder,
    { username: USER, fullName: 'Bench Pharmacist, PharmD', password: PASSWORD },
    { patients: PATIENTS, seed: SEED },
  );
  await builder.signOut();
  console.log(
    `built the demo pharmacy (seed ${SEED}): ${made.demo.patients} patients, ${made.demo.fills} fills in ${((performance.now() - t) / 1000).toFixed(1)} s → ${cache}`,
  );
}
rmSync(work, { recursive: true, force: true });
cpSync(cache, work, { recursive: true });

try {
  const paths = dataPaths(work);
  // Open: the password KDF (once per sign-in), then unwrap + open + migration check.
  let key: Buffer | null = null;
  await measure(
    'password KDF, once per sign-in',
    2,
    async () => (key = await unlockWithPassword(readKeyring(paths.keyring), USER, PASSWORD)),
    { warm: 0 },
  );
  await measure('open: unwrap key + open + migration check', RUNS, async () =>
    (await openDatabase(paths.database, key!)).destroy(),
  );

  const session = new Session(work);
  await session.signIn({ username: USER, password: PASSWORD });
  const { db, user } = session.current();
  const { n: fillCount } = (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM fills`))!;
  const people = await all<Pick<Row<'patients'>, 'id' | 'last_name' | 'date_of_birth' | 'mbi'>>(
    db,
    sql`SELECT id, last_name, date_of_birth, mbi FROM patients ORDER BY id LIMIT 200`,
  );
  const person = (i: number) => people[Math.abs(i) % people.length]!;
  await measure('patient search: name prefix', 50, (i) => searchPatients(db, person(i).last_name.slice(0, 4), 50), {
    p95: true,
    target: 20,
  });
  await measure(
    'patient search: date of birth',
    50,
    (i) => searchPatients(db, formatIsoDate(person(i).date_of_birth), 50),
    { p95: true, target: 20 },
  );
  await measure('patient search: MBI', 50, (i) => searchPatients(db, person(i).mbi ?? '', 50), {
    p95: true,
    target: 20,
  });

  // A 25-medicine patient: the signed CMR the document tests use, made on this pharmacy.
  const heavy = await sampleSignedCmr(session, { medicines: 25, cmrDate: TODAY });
  const folder = knowledgeFolderOf(work);
  await measure(
    '25-medicine patient: record, list, conditions, all checks',
    RUNS * 3,
    () =>
      Promise.all([
        getPatient(db, heavy.patientId),
        listMedications(db, heavy.patientId),
        getClinical(db, heavy.patientId),
        patientChecks(db, folder, heavy.patientId),
      ]),
    { target: 50 },
  );
  for (const [title, reviewId, req] of [
    ['CMS CMR summary PDF, 25 medicines', heavy.review.id, { kind: 'cmrSummary' }],
    [
      'CMS CMR summary PDF, 25 medicines, English and Spanish',
      heavy.review.id,
      { kind: 'cmrSummary', language: 'both' },
    ],
    ['pill card PDF, 25 medicines', heavy.review.id, { kind: 'pillCard' }],
    [
      'prescriber fax PDF, 25 medicines',
      heavy.review.id,
      { kind: 'prescriberLetter', prescriberId: heavy.prescriberId },
    ],
  ] as const)
    await measure(title, RUNS, () => makeDocument(db, user, { ...req, reviewId }), { target: 300 });

  const year = Number(TODAY.slice(0, 4));
  // The floor: the same year of fills read raw, row by row, as every whole-pharmacy figure must at least once.
  const raw = rawConnection(db);
  const yearOfFills = raw.prepare(
    'SELECT patient_id, drug_key, fill_date, days_supply FROM fills WHERE fill_date BETWEEN ? AND ?',
  );
  await measure('raw SQL: the year of fills read (the floor the rows marked × are compared with)', RUNS, () => {
    let n = 0;
    for (const _ of yearOfFills.iterate(isoDaysBefore(TODAY, 364), TODAY)) n++;
    return n;
  });
  // The population figures: the first read of a day recomputes every patient (a new day makes every row stale once);
  // later reads recompute only the patients whose records changed, then rank and page in SQL.
  const stale = raw.prepare('UPDATE population_figures SET adherence_as_of = NULL, checks_as_of = NULL');
  await measure(
    'population figures, first read of a day (every patient recomputed): adherence',
    QUICK ? 2 : 3,
    async () => {
      stale.run();
      await refreshAdherenceFigures(db, todayIso());
    },
    { raw: true },
  );
  await measure(
    'population figures, first read of a day (every patient recomputed): checks',
    QUICK ? 2 : 3,
    async () => {
      stale.run();
      await refreshCheckFigures(db, folder, todayIso());
    },
    { raw: true },
  );
  await measure('Today (reviews:today), figures current', RUNS, () => todayWork(db), { target: 100, raw: true });
  await measure(
    'adherence worklist, first page (figures current)',
    RUNS,
    () => adherenceWorklist(db, { onlyDue: true }),
    { target: 500, raw: true },
  );
  await measure(
    'eligibility screen, first page of the worklist',
    RUNS,
    () => screeningPage(db, { contractYear: year, view: 'worklist', sort: 'result', offset: 0, limit: 50 }),
    { target: 500, raw: true },
  );
  await measure('population checks, first page (figures current)', RUNS, () => populationChecks(db, folder), {
    target: 1000,
    raw: true,
  });
  // One patient's fill changed (the trigger marks them stale): the next read recomputes that patient alone.
  const touch = raw.prepare('UPDATE fills SET days_supply = days_supply WHERE rowid = ?');
  const fillRow = (i: number) => 1 + ((Math.abs(i) * 7919) % fillCount);
  await measure(
    'adherence worklist after one patient’s fill changed',
    RUNS,
    (i) => {
      touch.run(fillRow(i));
      return adherenceWorklist(db, { onlyDue: true });
    },
    { target: 500, raw: true },
  );
  await measure(
    'population checks after one patient’s fill changed',
    RUNS,
    (i) => {
      touch.run(fillRow(i));
      return populationChecks(db, folder);
    },
    { target: 1000, raw: true },
  );
  const period = { from: `${year - 1}${TODAY.slice(4)}`, to: TODAY };
  for (const { title, run } of Object.values(REPORTS))
    await measure(`report for a year: ${title}`, RUNS, () => run(db, period));
  // The export's work — records, validation, CSV — timed whether or not the file would be refused: the bench
  // pharmacy's sample CMR patient has no MBI, which the real export rightly refuses to write.
  await measure(`CMS MTM data elements ${year}`, RUNS, async () => {
    const records = await elementsRecords(db, year);
    return [validateElements(records), elementsCsv(records)];
  });

  // 837P of 1 000 ready claims: copies of one real claim, made ready again before each run.
  const template = await one<Pick<Row<'claims'>, 'id' | 'payer_id'>>(
    db,
    sql`SELECT id, payer_id FROM claims WHERE frequency = '1' LIMIT 1`,
  );
  const copy =
    raw.prepare(`INSERT INTO claims (id, claim_number, review_id, payer_id, patient_id, rendering_username, status,
      frequency, service_date, minutes, established, lines, diagnoses, total_cents, explanation, created_at,
      created_by, updated_at, updated_by)
    SELECT ?, ?, review_id, payer_id, patient_id, rendering_username, 'ready', '1', ?, minutes, established, lines,
      diagnoses, total_cents, explanation, created_at, created_by, updated_at, updated_by FROM claims WHERE id = ?`);
  raw.transaction(() => {
    for (let i = 0; i < 1000; i++) copy.run(`bench-${i}`, `BENCH-${i}`, TODAY, template!.id);
  })();
  const reset = raw.prepare(`UPDATE claims SET status = 'ready', batch_id = NULL WHERE id LIKE 'bench-%'`);
  await measure(
    '837P export of 1 000 claims',
    RUNS,
    async () => {
      reset.run();
      await exportClaims(db, user, { format: '837p', from: TODAY, to: TODAY, payerId: template!.payer_id });
    },
    { target: 1000 },
  );

  // 100 000 fill rows for existing patients, through the real importer (checks, recognition, one transaction).
  const lines = ['Patient ID,Rx Number,Fill Number,Date Filled,Drug Name,Quantity,Days Supply,Cost'];
  for (let i = 0; i < 100_000; i++)
    lines.push(`DEMO-${i % PATIENTS},BR${i},0,${TODAY},ATORVASTATIN 40 MG TAB,30,30,4.10`);
  await measure(
    'fill import, 100 000 rows',
    1,
    () =>
      importFills(db, user, {
        fileName: 'bench.csv',
        bytes: Buffer.from(lines.join('\n')),
        validOnly: false,
        createPatients: false,
        preview: false,
      }),
    { target: 20_000, warm: 0 },
  );

  // Encryption's own cost: two compacted copies of the same database, one still encrypted and one
  // decrypted (VACUUM INTO keeps the cipher; rekeying the copy to nothing removes it), each queried
  // raw with the same cache; and the ORM's cost: the same query through TypeORM and raw on the live database.
  const copyOf = (file: string, decrypt: boolean) => {
    raw.exec(`VACUUM INTO '${file}'`);
    const c = new Database(file);
    c.pragma(`cipher = 'sqlcipher'`);
    c.pragma('legacy = 4');
    c.pragma(`key = "x'${key!.toString('hex')}'"`);
    if (decrypt) {
      c.pragma(`rekey = ''`);
      c.close();
      return new Database(file, { readonly: true });
    }
    return c;
  };
  const encrypted = copyOf(join(work, 'encrypted.db'), false);
  const plain = copyOf(join(work, 'plain.db'), true);
  for (const c of [encrypted, plain]) c.pragma(`cache_size = -${CACHE_KIB}`);
  const core: [string, Sql][] = [
    [
      'name prefix search',
      sql`SELECT id FROM patients WHERE last_name LIKE ${'Brambl%'} AND deleted_at IS NULL
          ORDER BY last_name, first_name LIMIT 50`,
    ],
    [
      'a year of fills per patient',
      sql`SELECT patient_id, count(*), sum(days_supply) FROM fills
          WHERE fill_date BETWEEN ${`${year - 1}${TODAY.slice(4)}`} AND ${TODAY} GROUP BY patient_id`,
    ],
    ['one patient’s fills', sql`SELECT * FROM fills WHERE patient_id = ${people[0]!.id} ORDER BY fill_date`],
  ];
  const compare: string[] = [];
  for (const [what, q] of core) {
    // Interleaved runs, so neither side gets a warmer cache or a quieter moment.
    const t = { orm: [] as number[], live: [] as number[], enc: [] as number[], plain: [] as number[] };
    // Sub-millisecond queries are repeated until a sample lasts about 20 ms, so timer noise does not make the ratio.
    plain.prepare(q.text).all(...q.params);
    let s = performance.now();
    plain.prepare(q.text).all(...q.params);
    const reps = Math.max(1, Math.ceil(20 / Math.max(performance.now() - s, 0.001)));
    const run = async (k: keyof typeof t, fn: () => unknown) => {
      s = performance.now();
      for (let r = 0; r < reps; r++) await fn();
      t[k].push((performance.now() - s) / reps);
    };
    for (let i = 0; i <= RUNS; i++) {
      await run('orm', () => all(db, q));
      await run('live', () => raw.prepare(q.text).all(...q.params));
      await run('enc', () => encrypted.prepare(q.text).all(...q.params));
      await run('plain', () => plain.prepare(q.text).all(...q.params));
    }
    const m = (k: keyof typeof t) => pct(t[k].slice(1), 0.5);
    compare.push(
      `| ${what} | ${m('orm').toFixed(2)} | ${m('live').toFixed(2)} | ${m('enc').toFixed(2)} | ${m('plain').toFixed(2)} | ${(m('enc') / m('plain')).toFixed(2)}× | ${(m('orm') / m('live')).toFixed(2)}× |`,
    );
  }
  encrypted.close();
  plain.close();

  const render = await reportsRenderTimes(session, { username: USER, password: PASSWORD }, RUNS);
  if (typeof render === 'string') console.log(`Reports screen rendering not measured: ${render}`);
  else
    rows.push({
      what: 'Reports screen: data arrived → all charts drawn (Chromium)',
      median: pct(render, 0.5),
      p95: pct(render, 0.95),
      target: 1000,
    });
  await session.signOut();

  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  const floor = rows.find((r) => r.what.startsWith('raw SQL: the year of fills'))!.median;
  console.log(
    `\nMTM Desk benchmark — ${PATIENTS} patients, ${fillCount} fills (seed ${SEED}${QUICK ? ', quick' : ''}), Node ${process.version}\n`,
  );
  console.log('| what | median | p95 | target | × raw fill read |\n| --- | ---: | ---: | --- | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.what} | ${fmt(r.median)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${r.target === undefined ? '' : `${(r.p95 ?? r.median) <= r.target ? '✓' : '✗'} ≤ ${fmt(r.target)}`} | ${r.raw ? `${(r.median / floor).toFixed(2)}×` : ''} |`,
    );
  console.log(
    '\n| core query | TypeORM, live (ms) | raw, live (ms) | raw, encrypted copy (ms) | raw, unencrypted copy (ms) | encrypted / unencrypted | ORM / raw |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const line of compare) console.log(line);
} finally {
  rmSync(work, { recursive: true, force: true });
}
