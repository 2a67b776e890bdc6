// Which backend the integration suite runs on: the encrypted file (default) or, with
// MTM_TEST_BACKEND=postgres, a shared PostgreSQL database — one throw-away TLS cluster for the whole run
// (./backend-setup, vitest's globalSetup), a new database per pharmacy made from a migrated template.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type TestBackend = 'sqlite' | 'postgres';
export const TEST_BACKEND: TestBackend = process.env.MTM_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_BACKEND === 'postgres';

/**
 * For tests of the encrypted file itself (its pages, key, raw connection), skipped on the shared server; and for
 * tests that start a server of their own (they test both backends at once), which need run in one pass only.
 */
export const FILE_ONLY = { skip: onPostgres };

export interface SuiteServer {
  /** postgres://postgres@127.0.0.1:port (no password, no database). */
  base: string;
  password: string;
  ca: string;
  template: string;
  /** The workstation key's folder (XDG_CONFIG_HOME) for the run, not the user's own. */
  configHome: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: SuiteServer | null;
  }
}

function suiteServer(): SuiteServer {
  const server = inject('postgres');
  if (!server) throw new Error('MTM_TEST_BACKEND=postgres but no server was started (tests/helpers/backend-setup.ts).');
  return server;
}

/** Runs a statement on the server's maintenance database as its superuser. */
async function onServer(statement: string): Promise<void> {
  const server = suiteServer();
  const admin = new URL(`${server.base}/postgres`);
  admin.password = server.password;
  const client = new pg.Client({ connectionString: admin.toString(), ssl: { ca: server.ca } });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const made: string[] = [];

/** A new database on the suite's server, copied from the migrated template: its URL without the password. */
export async function newSharedDatabase(): Promise<{ url: string; password: string; ca: string }> {
  const server = suiteServer();
  process.env.XDG_CONFIG_HOME = server.configHome;
  const name = `mtm_${randomUUID().replace(/-/g, '')}`;
  await onServer(`CREATE DATABASE ${name} TEMPLATE ${server.template}`);
  made.push(name);
  return { url: `${server.base}/${name}`, password: server.password, ca: server.ca };
}

/** Drops the databases made since the last call (after their sessions have signed out). */
export async function dropSharedDatabases(): Promise<void> {
  while (made.length) await onServer(`DROP DATABASE IF EXISTS ${made.pop()!} WITH (FORCE)`);
}
