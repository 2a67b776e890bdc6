// A throw-away PostgreSQL cluster for the tests that run against a real server: initdb into a temp
// folder, listening on a free loopback port only (and a socket in that folder), a random password for
// its superuser; a fresh database per test; stopped and removed after the file's tests.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (newest). */
function findBinaries(): string | null {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  return [...onPath, ...debian].find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl'))) ?? null;
}

const BIN = findBinaries();

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export const noPostgres: string | null = BIN
  ? null
  : 'no PostgreSQL server: no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql).';
// CI sets MTM_REQUIRE_POSTGRES=1: there a missing server fails the run instead of skipping.
if (noPostgres && process.env.MTM_REQUIRE_POSTGRES === '1')
  throw new Error(`PostgreSQL tests cannot run: ${noPostgres}`);
if (noPostgres) console.warn(`PostgreSQL tests SKIPPED: ${noPostgres}`);

/**
 * initdb refuses to run as root, so as root the cluster belongs to `nobody` (present on every Linux;
 * the folder is handed to it, and the server only listens on loopback with a password).
 */
const AS_ROOT = userInfo().uid === 0;
const idOf = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }));
const NOBODY = AS_ROOT ? { uid: idOf('-u'), gid: idOf('-g') } : null;

function asOwner(bin: string, args: string[]): void {
  const [file, argv] = AS_ROOT
    ? ['runuser', ['-u', 'nobody', '--', join(BIN!, bin), ...args]]
    : [join(BIN!, bin), args];
  execFileSync(file, argv, { stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  /** A new empty database on the server, as a connection URL. */
  newDatabase(): Promise<string>;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!BIN) throw new Error(noPostgres!);
  // As root, under /tmp: a TMPDIR in root's home would not be reachable by nobody.
  const dir = mkdtempSync(join(AS_ROOT ? '/tmp' : tmpdir(), 'mtm-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('hex');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (NOBODY) for (const f of [dir, pwfile]) chownSync(f, NOBODY.uid, NOBODY.gid);
  const port = await freePort();
  try {
    asOwner('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--no-locale',
      '-E',
      'UTF8',
    ]);
    rmSync(pwfile);
    // Durability settings off: the cluster is thrown away, and a crash test kills the server, not the machine.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
    asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', settings, 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
  let count = 0;
  return {
    async newDatabase() {
      const name = `mtm_test_${++count}`;
      const client = new pg.Client(`${base}/postgres`);
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    stop() {
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** For a test file: one cluster for all its tests (started before, removed after). */
export function usePostgres(): PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    if (!noPostgres) server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());
  return {
    newDatabase: () => server!.newDatabase(),
    stop: () => server?.stop(),
  };
}
