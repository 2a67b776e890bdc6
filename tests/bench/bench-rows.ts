// The benchmark's rows, defined once and run against a session signed in on either backend: the encrypted
// file (SQLite) or a shared PostgreSQL database. A row that only means something on the file (raw
// better-sqlite3 on it, its encryption's own cost) is kept on PostgreSQL as "not on PostgreSQL" with why,
// and a row that fails is kept with its error, so no row disappears from either table.
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { refreshAdherenceFigures } from '../../main/adherence/adherence-figures';
import { adherenceWorklist } from '../../main/adherence/programme';
import { exportClaims } from '../../main/billing/export-claims';
import { elementsCsv, elementsRecords, validateElements } from '../../main/billing/mtm-data-elements';
import { knowledgeFolderOf, patientChecks } from '../../main/checks/patient-checks';
import { populationChecks, refreshCheckFigures } from '../../main/checks/population';
import { getClinical } from '../../main/conditions/clinical-store';
import { CACHE_KIB, openDatabase, rawConnection } from '../../main/db/data-source';
import type { Row } from '../../main/db/rows';
import { all, one, run, sql, type Backend, type Q, type Sql } from '../../main/db/sql';
import { makeDocument } from '../../main/documents/documents-service';
import { screeningPage } from '../../main/eligibility/screening-page';
import { importFills } from '../../main/fills/import-fills';
import { listMedications } from '../../main/medications/medication-store';
import { searchPatients } from '../../main/patients/patient-search';
import { getPatient } from '../../main/patients/patient-store';
import { REPORTS } from '../../main/reports/report-summary';
import { scanBottle } from '../../main/scanning/brown-bag';
import { todayWork } from '../../main/reviews/today';
import { readKeyring, unlockWithPassword } from '../../main/security/keyring';
import type { Session } from '../../main/security/session';
import { openSharedDatabase } from '../../main/security/shared-database/into-shared';
import { sealedPassword } from '../../main/security/shared-database/shared-config';
import { formatIsoDate, isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { sampleSignedCmr } from '../helpers/sample-review';
import { reportsRenderTimes } from './reports-render';

/** `raw`: also shown as a multiple of the raw read of the year's fills (the floor for any whole-pharmacy figure). */
export interface Measured {
  what: string;
  median: number;
  p95?: number;
  target?: number;
  raw?: boolean;
  /** How the row is done differently on this backend, said beside it. */
  note?: string;
}
/** A row this backend does not run, and why. */
export interface NotRun {
  what: string;
  notRun: string;
}
/** A row that failed: the error's message, and the SQL text (no values) when the database refused it. */
export interface Failed {
  what: string;
  failed: string;
  query?: string;
}
export type Outcome = Measured | NotRun | Failed;

export interface BenchTarget {
  backend: Backend;
  /** Signed in on `dir` as `login`. */
  session: Session;
  dir: string;
  login: { username: string; password: string };
  patients: number;
  runs: number;
  quick: boolean;
  today: string;
}

export interface BenchResult {
  rows: Outcome[];
  fillCount: number;
  /** The SQLite-only core-query table's lines (encryption's and the ORM's own cost), or why there is none. */
  compare: string[] | string;
}

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(xs.length * p) - 1))]!;

const failure = (what: string, err: unknown): Failed => {
  const e = err as { message?: unknown; query?: unknown };
  return {
    what,
    failed: typeof e?.message === 'string' ? e.message : String(err),
    // TypeORM's QueryFailedError carries the statement (placeholders only; the values are not printed).
    ...(typeof e?.query === 'string' ? { query: e.query.replace(/\s+/g, ' ').slice(0, 2000) } : {}),
  };
};

export async function benchRows(t: BenchTarget): Promise<BenchResult> {
  const { backend, session, dir, runs: RUNS, quick: QUICK, today: TODAY } = t;
  const onFile = backend === 'sqlite';
  const rows: Outcome[] = [];
  const notOnPostgres = (what: string, why: string) => rows.push({ what, notRun: why });

  async function measure(
    what: string,
    runs: number,
    task: (i: number) => unknown,
    opts: { target?: number; p95?: boolean; warm?: number; raw?: boolean; note?: string } = {},
  ) {
    try {
      for (let i = 0; i < (opts.warm ?? 1); i++) await task(-1 - i);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await task(i);
        times.push(performance.now() - s);
      }
      rows.push({
        what,
        median: pct(times, 0.5),
        ...(opts.p95 ? { p95: pct(times, 0.95) } : {}),
        ...(opts.target ? { target: opts.target } : {}),
        ...(opts.raw ? { raw: true } : {}),
        ...(opts.note ? { note: opts.note } : {}),
      });
    } catch (err) {
      rows.push(failure(what, err));
    }
  }
  /** Setup a group of rows needs; on failure each of `whats` is kept as failed with the setup's error. */
  async function prepare<T>(whats: string[], fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      const f = failure('', err);
      for (const what of whats) rows.push({ ...f, what, failed: `setup failed: ${f.failed}` });
      return undefined;
    }
  }

  const paths = session.paths;
  // Open: the password KDF (once per sign-in), then what opening the database costs on each backend.
  let key: Buffer | null = null;
  await measure(
    'password KDF, once per sign-in',
    2,
    async () => (key = await unlockWithPassword(readKeyring(paths.keyring), t.login.username, t.login.password)),
    { warm: 0 },
  );
  await measure(
    'open: unwrap key + open + migration check',
    RUNS,
    async () => {
      if (onFile) return (await openDatabase(paths.database, key!)).destroy();
      const config = session.shared!;
      return (await openSharedDatabase(config, sealedPassword(config, session.sealers))).destroy();
    },
    onFile ? {} : { note: 'unseal the database password + TLS connection + migration check' },
  );

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
  const documents = (reviewId: string, prescriberId: string) =>
    [
      ['CMS CMR summary PDF, 25 medicines', { kind: 'cmrSummary', reviewId }],
      ['CMS CMR summary PDF, 25 medicines, English and Spanish', { kind: 'cmrSummary', language: 'both', reviewId }],
      ['pill card PDF, 25 medicines', { kind: 'pillCard', reviewId }],
      ['prescriber fax PDF, 25 medicines', { kind: 'prescriberLetter', prescriberId, reviewId }],
    ] as const;
  const patientRow = '25-medicine patient: record, list, conditions, all checks';
  const heavy = await prepare([patientRow, ...documents('', '').map(([title]) => title)], () =>
    sampleSignedCmr(session, { medicines: 25, cmrDate: TODAY }),
  );
  const folder = knowledgeFolderOf(dir);
  if (heavy) {
    await measure(
      patientRow,
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
    for (const [title, req] of documents(heavy.review.id, heavy.prescriberId))
      await measure(title, RUNS, () => makeDocument(db, user, req), { target: 300 });
  }

  const year = Number(TODAY.slice(0, 4));
  // The floor: the same year of fills read row by row, as every whole-pharmacy figure must at least once. On the
  // file raw better-sqlite3; on PostgreSQL the driver's own query (no faster way to read rows from the server).
  const yearOfFills = sql`SELECT patient_id, drug_key, fill_date, days_supply FROM fills
    WHERE fill_date BETWEEN ${isoDaysBefore(TODAY, 364)} AND ${TODAY}`;
  const raw = onFile ? rawConnection(db) : null;
  const floorStatement = raw?.prepare(yearOfFills.text);
  await measure(
    'raw SQL: the year of fills read (the floor the rows marked × are compared with)',
    RUNS,
    async () => {
      if (!floorStatement) return (await all(db, yearOfFills)).length;
      let n = 0;
      for (const _ of floorStatement.iterate(...yearOfFills.params)) n++;
      return n;
    },
    onFile ? {} : { note: 'the same query through the pg driver' },
  );
  // The population figures: the first read of a day recomputes every patient (a new day makes every row stale once);
  // later reads recompute only the patients whose records changed, then rank and page in SQL.
  const stale = () => run(db, sql`UPDATE population_figures SET adherence_as_of = NULL, checks_as_of = NULL`);
  await measure(
    'population figures, first read of a day (every patient recomputed): adherence',
    QUICK ? 2 : 3,
    async () => {
      await stale();
      await refreshAdherenceFigures(db, todayIso());
    },
    { raw: true },
  );
  await measure(
    'population figures, first read of a day (every patient recomputed): checks',
    QUICK ? 2 : 3,
    async () => {
      await stale();
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
  // One patient's fill changed (the trigger marks them stale): the next read recomputes that patient alone. The
  // fills touched are spread over the table (every 7919th in id order), chosen before the clock starts.
  const touched = new Map<number, string>();
  for (let i = -1; i < RUNS; i++) {
    const offset = (Math.abs(i) * 7919) % fillCount;
    const fill = await one<{ id: string }>(db, sql`SELECT id FROM fills ORDER BY id LIMIT 1 OFFSET ${offset}`);
    touched.set(i, fill!.id);
  }
  const touch = (i: number) => run(db, sql`UPDATE fills SET days_supply = days_supply WHERE id = ${touched.get(i)}`);
  await measure(
    'adherence worklist after one patient’s fill changed',
    RUNS,
    async (i) => {
      await touch(i);
      return adherenceWorklist(db, { onlyDue: true });
    },
    { target: 500, raw: true },
  );
  await measure(
    'population checks after one patient’s fill changed',
    RUNS,
    async (i) => {
      await touch(i);
      return populationChecks(db, folder);
    },
    { target: 1000, raw: true },
  );
  const period = { from: `${year - 1}${TODAY.slice(4)}`, to: TODAY };
  for (const { title, run: report } of Object.values(REPORTS))
    await measure(`report for a year: ${title}`, RUNS, () => report(db, period));
  // The export's work — records, validation, CSV — timed whether or not the file would be refused: the bench
  // pharmacy's sample CMR patient has no MBI, which the real export rightly refuses to write.
  await measure(`CMS MTM data elements ${year}`, RUNS, async () => {
    const records = await elementsRecords(db, year);
    return [validateElements(records), elementsCsv(records)];
  });

  // 837P of 1 000 ready claims: copies of one real claim, made ready again before each run.
  const claimsRow = '837P export of 1 000 claims';
  const ids = Array.from({ length: 1000 }, (_, i) => `bench-${i}`);
  const template = await prepare([claimsRow], async () => {
    const claim = await one<Pick<Row<'claims'>, 'id' | 'payer_id'>>(
      db,
      sql`SELECT id, payer_id FROM claims WHERE frequency = '1' LIMIT 1`,
    );
    if (!claim) throw new Error('the demo pharmacy has no original claim to copy');
    await db.transaction(async (em) => {
      for (const [i, id] of ids.entries())
        await run(
          em,
          sql`INSERT INTO claims (id, claim_number, review_id, payer_id, patient_id, rendering_username, status,
            frequency, service_date, minutes, established, lines, diagnoses, total_cents, explanation, created_at,
            created_by, updated_at, updated_by)
          SELECT ${id}, ${`BENCH-${i}`}, review_id, payer_id, patient_id, rendering_username, 'ready', '1', ${TODAY},
            minutes, established, lines, diagnoses, total_cents, explanation, created_at, created_by, updated_at,
            updated_by FROM claims WHERE id = ${claim.id}`,
        );
    });
    return claim;
  });
  if (template)
    await measure(
      claimsRow,
      RUNS,
      async () => {
        await run(db, sql`UPDATE claims SET status = 'ready', batch_id = NULL WHERE id IN (${sql.list(ids)})`);
        await exportClaims(db, user, { format: '837p', from: TODAY, to: TODAY, payerId: template.payer_id });
      },
      { target: 1000 },
    );

  // A brown bag: the pharmacy's own labels of ten of one patient's prescriptions, scanned one after another into
  // the bag of the day (each scan reads the code, finds the fill, keeps the scan and reconciles the whole bag).
  const scanRow = 'brown bag: one bottle scanned into a bag of 10 (scanning:scan)';
  const bag = await prepare([scanRow], async () => {
    const rxs = await all<{ patient_id: string; rx_number: string }>(
      db,
      sql`SELECT patient_id, rx_number FROM fills
          WHERE patient_id = (SELECT patient_id FROM fills GROUP BY patient_id
                              ORDER BY COUNT(DISTINCT rx_number) DESC, patient_id LIMIT 1)
          GROUP BY patient_id, rx_number ORDER BY rx_number LIMIT 10`,
    );
    if (rxs.length < 10) throw new Error('no demo patient has ten prescriptions');
    // The demo's Rx numbers (D12-3) are not what a label's {rx} reads: these ten get numbers of digits.
    const codes = rxs.map((_, k) => String(9_100_000 + k));
    for (const [k, r] of rxs.entries())
      await run(
        db,
        sql`UPDATE fills SET rx_number = ${codes[k]!} WHERE patient_id = ${r.patient_id} AND rx_number = ${r.rx_number}`,
      );
    return { patientId: rxs[0]!.patient_id, codes };
  });
  if (bag) {
    await measure(
      scanRow,
      bag.codes.length,
      (i) => scanBottle(db, user, { patientId: bag.patientId, code: bag.codes[i]! }),
      {
        target: 300,
        p95: true,
        warm: 0,
      },
    );
    await run(db, sql`DELETE FROM bag_scans WHERE patient_id = ${bag.patientId}`);
  }

  // 100 000 fill rows for existing patients, through the real importer (checks, recognition, one transaction).
  const lines = ['Patient ID,Rx Number,Fill Number,Date Filled,Drug Name,Quantity,Days Supply,Cost'];
  for (let i = 0; i < 100_000; i++)
    lines.push(`DEMO-${i % t.patients},BR${i},0,${TODAY},ATORVASTATIN 40 MG TAB,30,30,4.10`);
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

  // Encryption's own cost and the ORM's: the encrypted file's question only (see coreQueries).
  let compare: string[] | string;
  if (raw) {
    try {
      compare = await coreQueries(db, raw, key!, dir, RUNS, [
        [
          'name prefix search',
          sql`SELECT id FROM patients WHERE last_name LIKE ${'Brambl%'} AND deleted_at IS NULL
            ORDER BY last_name, first_name LIMIT 50`,
        ],
        [
          'a year of fills per patient',
          sql`SELECT patient_id, count(*), sum(days_supply) FROM fills
            WHERE fill_date BETWEEN ${period.from} AND ${period.to} GROUP BY patient_id`,
        ],
        ['one patient’s fills', sql`SELECT * FROM fills WHERE patient_id = ${people[0]!.id} ORDER BY fill_date`],
      ]);
    } catch (err) {
      compare = `core queries not measured: ${failure('', err).failed}`;
    }
  } else {
    compare = 'not on PostgreSQL: it compares copies of the encrypted file, encrypted and not, with raw better-sqlite3';
    notOnPostgres(
      'core queries: encrypted / unencrypted copy, ORM / raw',
      'compares two copies of the encrypted SQLite file (one decrypted) with raw better-sqlite3; a server has no file to copy',
    );
  }

  const renderRow = 'Reports screen: data arrived → all charts drawn (Chromium)';
  try {
    const render = await reportsRenderTimes(session, t.login, RUNS);
    if (typeof render === 'string') rows.push({ what: renderRow, notRun: render });
    else rows.push({ what: renderRow, median: pct(render, 0.5), p95: pct(render, 0.95), target: 1000 });
  } catch (err) {
    rows.push(failure(renderRow, err));
  }
  return { rows, fillCount, compare };
}

/**
 * Two compacted copies of the same database, one still encrypted and one decrypted (VACUUM INTO keeps the
 * cipher; rekeying the copy to nothing removes it), each queried raw with the same cache; and the same query
 * through TypeORM and raw on the live database. One table line per query.
 */
async function coreQueries(
  db: Q,
  raw: ReturnType<typeof rawConnection>,
  key: Buffer,
  dir: string,
  RUNS: number,
  core: [string, Sql][],
): Promise<string[]> {
  const copyOf = (file: string, decrypt: boolean) => {
    raw.exec(`VACUUM INTO '${file}'`);
    const c = new Database(file);
    c.pragma(`cipher = 'sqlcipher'`);
    c.pragma('legacy = 4');
    c.pragma(`key = "x'${key.toString('hex')}'"`);
    if (decrypt) {
      c.pragma(`rekey = ''`);
      c.close();
      return new Database(file, { readonly: true });
    }
    return c;
  };
  const encrypted = copyOf(join(dir, 'encrypted.db'), false);
  const plain = copyOf(join(dir, 'plain.db'), true);
  try {
    for (const c of [encrypted, plain]) c.pragma(`cache_size = -${CACHE_KIB}`);
    const lines: string[] = [];
    for (const [what, q] of core) {
      // Interleaved runs, so neither side gets a warmer cache or a quieter moment.
      const t = { orm: [] as number[], live: [] as number[], enc: [] as number[], plain: [] as number[] };
      // Sub-millisecond queries are repeated until a sample lasts about 20 ms, so timer noise does not make the ratio.
      plain.prepare(q.text).all(...q.params);
      let s = performance.now();
      plain.prepare(q.text).all(...q.params);
      const reps = Math.max(1, Math.ceil(20 / Math.max(performance.now() - s, 0.001)));
      const time = async (k: keyof typeof t, fn: () => unknown) => {
        s = performance.now();
        for (let r = 0; r < reps; r++) await fn();
        t[k].push((performance.now() - s) / reps);
      };
      for (let i = 0; i <= RUNS; i++) {
        await time('orm', () => all(db, q));
        await time('live', () => raw.prepare(q.text).all(...q.params));
        await time('enc', () => encrypted.prepare(q.text).all(...q.params));
        await time('plain', () => plain.prepare(q.text).all(...q.params));
      }
      const m = (k: keyof typeof t) => pct(t[k].slice(1), 0.5);
      lines.push(
        `| ${what} | ${m('orm').toFixed(2)} | ${m('live').toFixed(2)} | ${m('enc').toFixed(2)} | ${m('plain').toFixed(2)} | ${(m('enc') / m('plain')).toFixed(2)}× | ${(m('orm') / m('live')).toFixed(2)}× |`,
      );
    }
    return lines;
  } finally {
    encrypted.close();
    plain.close();
  }
}
