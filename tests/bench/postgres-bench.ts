// `npm run bench -- --postgres`: the benchmark's pharmacy on a throw-away PostgreSQL cluster (TLS, its own
// CA). A fresh copy of the cached demo folder is moved there as `mtm move` does it (Session.moveToShared,
// timed), then signed in on again, now on the server, for the same rows as the file. The workstation key
// that seals the database password goes to a temporary XDG_CONFIG_HOME, so the user's own is untouched.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CopyReport } from '../../main/db/copy-pharmacy';
import { Session } from '../../main/security/session';
import { startPostgres } from '../helpers/postgres-server';

export interface MovedPharmacy {
  session: Session;
  dir: string;
  /** The whole of `mtm move` as its user waits for it: connect, copy, verify, commit, the folder repointed. */
  moveMs: number;
  report: CopyReport;
}

/**
 * Runs `fn` with the demo pharmacy in `cache` moved to a new database of a new cluster, signed in as `login`;
 * the cluster, the folder and the temporary configuration folder are removed afterwards, also on error.
 */
export async function onPostgres<T>(
  cache: string,
  login: { username: string; password: string },
  fn: (moved: MovedPharmacy) => Promise<T>,
): Promise<T> {
  const configHome = mkdtempSync(join(tmpdir(), 'mtm-bench-config-'));
  const savedConfigHome = process.env.XDG_CONFIG_HOME;
  process.env.XDG_CONFIG_HOME = configHome;
  const dir = join(tmpdir(), `mtm-bench-pg-run-${process.pid}`);
  let server: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let session: Session | undefined;
  // Interrupted (Ctrl-C): the cluster is stopped all the same, not left running.
  const interrupted = (signal: NodeJS.Signals) => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(configHome, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    server = await startPostgres({ tls: true });
    const url = new URL(await server.newDatabase());
    const password = decodeURIComponent(url.password);
    url.password = '';
    rmSync(dir, { recursive: true, force: true });
    cpSync(cache, dir, { recursive: true });
    // Constructed after XDG_CONFIG_HOME is set: the file sealer finds its key file when it is made.
    session = new Session(dir);
    await session.signIn(login);
    const started = performance.now();
    const report = await session.moveToShared({ url: url.toString(), ca: server.ca!, password });
    const moveMs = performance.now() - started;
    await session.signIn(login);
    return await fn({ session, dir, moveMs, report });
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await session?.signOut().catch(() => undefined);
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(configHome, { recursive: true, force: true });
    if (savedConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = savedConfigHome;
  }
}
