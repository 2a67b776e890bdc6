// `npm run bench [-- --quick] [-- --seed N] [-- --postgres]`: every hot path on a demo pharmacy of 20 000
// patients (2 000 with --quick), built once per seed and size and reused from a cache folder (./demo-cache); each
// run works on a fresh copy. Prints one table — median (and p95 where asked) of several runs, against its
// target — and then the same core queries on an unencrypted copy with raw better-sqlite3: the limit this
// machine allows. With --postgres, the same rows (./bench-rows) again on a throw-away PostgreSQL cluster the
// copy is moved to as `mtm move` does it (./postgres-bench): the move's time, then a second table with each
// row's PostgreSQL median beside the file's and their ratio. Asserts nothing (tests do that).
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { one, sql } from '../../main/db/sql';
import { Session } from '../../main/security/session';
import { benchRows, type BenchResult, type Failed, type Measured, type Outcome } from './bench-rows';
import { BENCH_PASSWORD, BENCH_USER, demoCache } from './demo-cache';
import { onPostgres } from './postgres-bench';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const POSTGRES = args.includes('--postgres');
const SEED = Number(args[args.indexOf('--seed') + 1]) || 42;
const PATIENTS = QUICK ? 2_000 : 20_000;
const RUNS = QUICK ? 3 : 7;
const LOGIN = { username: BENCH_USER, password: BENCH_PASSWORD };
const TODAY = new Date().toISOString().slice(0, 10);
const options = { login: LOGIN, patients: PATIENTS, runs: RUNS, quick: QUICK, today: TODAY };

const cache = await demoCache(PATIENTS, SEED);
const work = join(tmpdir(), `mtm-bench-run-${process.pid}`);

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const measured = (r: Outcome | undefined): r is Measured => r !== undefined && 'median' in r;
const targetCell = (r: Measured) =>
  r.target === undefined ? '' : `${(r.p95 ?? r.median) <= r.target ? '✓' : '✗'} ≤ ${fmt(r.target)}`;
/** The failures below a table: the message, and the statement the database refused (placeholders, no values). */
function printFailures(rows: Outcome[], on: string) {
  const failed = rows.filter((r): r is Failed => 'failed' in r);
  if (!failed.length) return;
  process.exitCode = 1;
  console.log(`
Failed on ${on}:`);
  for (const f of failed)
    console.log(
      `- ${f.what}: ${f.failed}${
        f.query
          ? `
  query: ${f.query}`
          : ''
      }`,
    );
}

function printSqlite(result: BenchResult) {
  const { rows, fillCount, compare } = result;
  const floor = rows.find((r) => r.what.startsWith('raw SQL: the year of fills'));
  console.log(
    `\nMTM Desk benchmark — ${PATIENTS} patients, ${fillCount} fills (seed ${SEED}${QUICK ? ', quick' : ''}), Node ${process.version}\n`,
  );
  console.log('| what | median | p95 | target | × raw fill read |\n| --- | ---: | ---: | --- | ---: |');
  for (const r of rows) {
    if (!measured(r)) {
      console.log(`| ${r.what} | ${'failed' in r ? 'failed (see below)' : `not measured: ${r.notRun}`} | | | |`);
      continue;
    }
    const times = `${r.raw && measured(floor) ? `${(r.median / floor.median).toFixed(2)}×` : ''}`;
    console.log(
      `| ${r.what} | ${fmt(r.median)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${targetCell(r)} | ${times} |`,
    );
  }
  printFailures(rows, 'the encrypted file');
  if (typeof compare === 'string') console.log(`\n${compare}`);
  else {
    console.log(
      '\n| core query | TypeORM, live (ms) | raw, live (ms) | raw, encrypted copy (ms) | raw, unencrypted copy (ms) | encrypted / unencrypted | ORM / raw |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const line of compare) console.log(line);
  }
}

/** Each row's PostgreSQL median beside the file's, in the file's order (a row only one side has is kept). */
function printPostgres(pg: BenchResult, file: BenchResult) {
  const byWhat = new Map(pg.rows.map((r) => [r.what, r]));
  const order = [
    ...file.rows.map((r) => r.what),
    ...pg.rows.map((r) => r.what).filter((w) => !file.rows.some((r) => r.what === w)),
  ];
  console.log(
    '| what | PostgreSQL median | PostgreSQL p95 | target | SQLite median | PostgreSQL / SQLite |\n| --- | ---: | ---: | --- | ---: | ---: |',
  );
  for (const what of order) {
    const p = byWhat.get(what);
    const f = file.rows.find((r) => r.what === what);
    const fileCell = measured(f) ? fmt(f.median) : '';
    if (!measured(p)) {
      const why = !p
        ? 'not run'
        : 'failed' in p
          ? 'failed on PostgreSQL (see below)'
          : `not on PostgreSQL: ${p.notRun}`;
      console.log(`| ${what} | ${why} | | | ${fileCell} | |`);
      continue;
    }
    const ratio = measured(f) ? `${(p.median / f.median).toFixed(2)}×` : '';
    console.log(
      `| ${what}${p.note ? ` (PostgreSQL: ${p.note})` : ''} | ${fmt(p.median)} | ${p.p95 === undefined ? '' : fmt(p.p95)} | ${targetCell(p)} | ${fileCell} | ${ratio} |`,
    );
  }
  printFailures(pg.rows, 'PostgreSQL');
}

rmSync(work, { recursive: true, force: true });
cpSync(cache, work, { recursive: true });
let file: BenchResult;
try {
  const session = new Session(work);
  await session.signIn(LOGIN);
  try {
    file = await benchRows({ ...options, backend: 'sqlite', session, dir: work });
  } finally {
    await session.signOut();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
printSqlite(file);

if (POSTGRES)
  await onPostgres(cache, LOGIN, async ({ session, dir, moveMs, report }) => {
    const { db } = session.current();
    const server = await one<{ v: string }>(db, sql`SELECT current_setting('server_version') AS v`);
    const rows = report.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `\nmtm move of ${PATIENTS} patients: ${(moveMs / 1000).toFixed(1)} s (${report.tables.length} tables, ${rows} rows, ${report.auditRows} audit entries; the copy and its check ${(report.ms / 1000).toFixed(1)} s of it)`,
    );
    const pg = await benchRows({ ...options, backend: 'postgres', session, dir });
    console.log(
      `\nThe same rows on PostgreSQL ${server?.v ?? ''} — the moved pharmacy, over TLS to a throw-away cluster on this computer (fsync and synchronous_commit off)\n`,
    );
    printPostgres(pg, file);
  });
