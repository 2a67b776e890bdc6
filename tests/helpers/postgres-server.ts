// A throw-away PostgreSQL cluster for the tests that run against a real server: initdb into a temp
// folder, listening on a free loopback port only (and a socket in that folder), a random password for
// its superuser; a fresh database per test; stopped and removed after the file's tests.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, isIP } from 'node:net';
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
  /** With `tls`: the PEM of the CA that signed the server's certificate (the cluster's own, made for it). */
  ca?: string;
  stop(): void;
  /** Kills the server as a crash would (immediate shutdown: no checkpoint, every connection cut). */
  crash(): void;
  /** Starts it again after a crash (it recovers from its log as after a power cut). */
  restart(): void;
}

export interface PostgresServerOptions {
  /** Serve TLS (ssl=on) with a certificate for these names (default localhost and 127.0.0.1), from a CA of its own. */
  tls?: boolean | { names: string[] };
}

/**
 * A CA and a server certificate for `names` (IP addresses as IP SANs), made with openssl in `dir`. The key is
 * mode 0600 and the cluster owner's: the server refuses a key others can read.
 */
function makeCertificates(dir: string, names: string[]): { ca: string; settings: string } {
  const file = (name: string) => join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    ['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2'].concat([
      '-subj',
      '/CN=MTM Desk test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=keyCertSign',
    ]),
  );
  openssl(['req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${names[0]}`]);
  const san = names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  writeFileSync(file('server.ext'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
  openssl(
    ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key')].concat([
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      file('server.ext'),
      '-out',
      file('server.crt'),
    ]),
  );
  chmodSync(file('server.key'), 0o600);
  for (const f of ['ca.key', 'server.csr', 'server.ext']) rmSync(file(f));
  if (NOBODY) for (const f of ['server.key', 'server.crt']) chownSync(file(f), NOBODY.uid, NOBODY.gid);
  const settings = ` -c ssl=on -c ssl_cert_file=${file('server.crt')} -c ssl_key_file=${file('server.key')}`;
  return { ca: readFileSync(file('ca.crt'), 'utf8'), settings };
}

export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  if (!BIN) throw new Error(noPostgres!);
  // As root, under /tmp: a TMPDIR in root's home would not be reachable by nobody.
  const dir = mkdtempSync(join(AS_ROOT ? '/tmp' : tmpdir(), 'mtm-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('hex');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (NOBODY) for (const f of [dir, pwfile]) chownSync(f, NOBODY.uid, NOBODY.gid);
  const port = await freePort();
  let tls: { ca: string; settings: string } | undefined;
  let settings = '';
  const start = () =>
    asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', settings, 'start']);
  const kill = () => asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
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
    if (options.tls) {
      const names = options.tls === true ? ['localhost', '127.0.0.1'] : options.tls.names;
      tls = makeCertificates(dir, names);
    }
    // Durability settings off: the cluster is thrown away, and a crash test kills the server, not the machine.
    settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off${tls?.settings ?? ''}`;
    start();
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
    ...(tls ? { ca: tls.ca } : {}),
    stop() {
      try {
        kill();
      } catch {
        // Already down (a crash test): only the files are left to remove.
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    crash: kill,
    restart: start,
  };
}

/** For a test file: one cluster for all its tests (started before, removed after). */
export function usePostgres(options: PostgresServerOptions = {}): PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    if (!noPostgres) server = await startPostgres(options);
  }, 60_000);
  afterAll(() => server?.stop());
  return {
    newDatabase: () => server!.newDatabase(),
    get ca() {
      return server?.ca;
    },
    stop: () => server?.stop(),
    crash: () => server!.crash(),
    restart: () => server!.restart(),
  };
}

let owners = 0;

/**
 * A new database owned by a role of its own (LOGIN CREATEROLE, not superuser), as a pharmacy's IT person sets
 * one up; `as(user, password)` gives the same database's URL for another account.
 */
export async function newOwnedDatabase(server: PostgresServer) {
  const superUrl = new URL(await server.newDatabase());
  const n = ++owners;
  const [owner, ownerPassword, database] = [`mtm_owner_${n}`, `owner password ${n}`, superUrl.pathname.slice(1)];
  const client = new pg.Client(superUrl.toString());
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${ownerPassword}'`);
    await client.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
  } finally {
    await client.end();
  }
  const as = (user: string, password: string) => {
    const url = new URL(superUrl);
    [url.username, url.password] = [user, password];
    return url.toString();
  };
  return { n, owner, ownerPassword, superUrl: superUrl.toString(), ownerUrl: as(owner, ownerPassword), as };
}
