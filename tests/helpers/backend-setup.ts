// vitest globalSetup: with MTM_TEST_BACKEND=postgres, one TLS cluster for the run and a template database
// migrated once (each pharmacy's database is copied from it in milliseconds). See ./backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../main/db/postgres-source';
import { startPostgres } from './postgres-server';

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  if (process.env.MTM_TEST_BACKEND !== 'postgres') {
    project.provide('postgres', null);
    return;
  }
  const server = await startPostgres({ tls: true });
  const url = new URL(await server.newDatabase());
  const db = await openPostgres(url.toString(), { ssl: { ca: server.ca } });
  await db.destroy();
  const password = decodeURIComponent(url.password);
  url.password = '';
  const template = url.pathname.slice(1);
  url.pathname = '';
  const configHome = mkdtempSync(join(tmpdir(), 'mtm-workstation-'));
  project.provide('postgres', {
    base: url.toString().replace(/\/$/, ''),
    password,
    ca: server.ca!,
    template,
    configHome,
  });
  return () => {
    server.stop();
    rmSync(configHome, { recursive: true, force: true });
  };
}
