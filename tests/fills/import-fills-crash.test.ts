// The shared database's server killed in the middle of a fill import: the import is refused with a plain reason,
// and after the server recovers nothing of it is there (no fills, no patients, no import row, no audit row).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { autoMap } from '../../main/fills/fill-rows';
import { Session } from '../../main/security/session';
import { FILE_ONLY } from '../helpers/backend';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { call, PASSWORD, SETUP, tempDir } from '../helpers/temp-pharmacy';

const server = usePostgres({ tls: true });
const HEADER = 'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,NDC,Drug Name,Qty,Days Supply';

/** An export of `patients` new patients with `fills` fills each. */
function bigExport(patients: number, fills: number): string {
  const lines = [HEADER];
  for (let p = 0; p < patients; p++)
    for (let f = 0; f < fills; f++) {
      const day = String(1 + (f % 28)).padStart(2, '0');
      const month = String(1 + Math.floor(f / 28)).padStart(2, '0');
      lines.push(
        `Crashtest${p},Pat,01/02/1940,${800000 + p},${f},2026-${month}-${day},0071-0155-23,Atorvastatin 10 mg tab,30,30`,
      );
    }
  return lines.join('\r\n');
}

/** Waits until the server is running a statement that matches `pattern` (the import's inserts), as the superuser. */
async function whenRunning(superUrl: string, pattern: string): Promise<void> {
  const client = new pg.Client({ connectionString: superUrl, ssl: { ca: server.ca! } });
  await client.connect();
  try {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1",
        [pattern],
      );
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the import never reached its inserts');
  } finally {
    await client.end();
  }
}

const counts = async (s: Session) => {
  const n = async (q: string) => (await s.current().db.query(q))[0].n as number;
  return {
    fills: await n('SELECT count(*)::int AS n FROM fills'),
    patients: await n('SELECT count(*)::int AS n FROM patients'),
    imports: await n('SELECT count(*)::int AS n FROM fill_imports'),
    audited: await n("SELECT count(*)::int AS n FROM audit_log WHERE action = 'fills.import'"),
  };
};

describe.skipIf(noPostgres)('a fill import when the shared database server dies', FILE_ONLY, () => {
  it('refuses the import with a plain reason and leaves nothing half-written', async () => {
    process.env.XDG_CONFIG_HOME ??= tempDir();
    const superUrl = await server.newDatabase();
    const url = new URL(superUrl);
    const password = decodeURIComponent(url.password);
    url.password = '';
    const session = new Session(tempDir());
    await session.connectShared({ url: url.toString(), ca: server.ca!, password });
    await session.setup(SETUP);
    await call(session, 'patients:create', {
      patient: { firstName: 'Kept', lastName: 'Before', dateOfBirth: '1941-03-04', sex: 'female' },
    });
    const before = await counts(session);

    const csv = bigExport(2_000, 20);
    const importing = dispatch(session, 'fills:import', {
      file: { name: 'big-export.csv', base64: Buffer.from(csv).toString('base64') },
      mapping: autoMap(HEADER.split(',')),
      validOnly: false,
      createPatients: true,
    });
    await whenRunning(superUrl, 'INSERT INTO fills %');
    server.crash();
    const result = await importing;
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unavailable',
        message: expect.stringMatching(
          /^The connection to the shared database was lost during the import of big-export\.csv: nothing from it was saved/,
        ),
      },
    });

    // Any other call meanwhile says the server cannot be reached, not "something went wrong".
    expect(await dispatch(session, 'patients:search', { query: 'Before' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^The shared database server cannot be reached/) },
    });
    server.restart();
    await session.signOut().catch(() => undefined);
    await session.signIn({ username: SETUP.account.username, password: PASSWORD });
    try {
      expect(await counts(session)).toEqual({ ...before, audited: 0 });
      // And the same file imports whole once the server is back.
      const again = await dispatch(session, 'fills:import', {
        file: { name: 'big-export.csv', base64: Buffer.from(csv).toString('base64') },
        mapping: autoMap(HEADER.split(',')),
        validOnly: false,
        createPatients: true,
      });
      expect(again).toMatchObject({ ok: true, data: { imported: 40_000, newPatients: 2_000 } });
    } finally {
      await session.signOut();
    }
  }, 120_000);
});
