// A whole pharmacy copied between the encrypted file and a shared server, both ways: every table's rows the
// same, the audit chain verified to the same last hash, and a refused or failed copy leaves the target unchanged.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { copyPharmacy } from '../../main/db/copy-pharmacy';
import { openDatabase } from '../../main/db/data-source';
import { openPostgres } from '../../main/db/postgres-source';
import { all, one, sql, type Q } from '../../main/db/sql';
import { fillDemoPharmacy } from '../../main/demo/demo-pharmacy';
import { newDataKey } from '../../main/security/keyring';
import { FILE_ONLY } from '../helpers/backend';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { newPharmacy, tempDir } from '../helpers/temp-pharmacy';

const server = usePostgres();

/** Every table's rows, each as a sorted list of its values as text (the insertion-order column left out). */
async function contents(q: Q, tables: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = await all<Record<string, unknown>>(q, sql`SELECT * FROM ${sql.identifiers(t)}`);
    out[t] = rows
      .map((r) => {
        delete r.insertion_order;
        return JSON.stringify(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]));
      })
      .sort();
  }
  return out;
}

const tableRows = async (q: Q, t: string) =>
  (await one<{ n: number }>(q, sql`SELECT count(*) AS n FROM ${sql.identifiers(t)}`))!.n;

async function demoFile(): Promise<{ db: DataSource; tables: string[] }> {
  const { session } = await newPharmacy();
  const { db, user } = session.current();
  await fillDemoPharmacy(db, user, { patients: 40, seed: 7, reviews: 6 });
  const tables = (
    await all<{ name: string }>(
      db,
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        AND name NOT IN ('schema_migrations', 'shared_keyring') ORDER BY name`,
    )
  ).map((r) => r.name);
  return { db, tables };
}

describe.skipIf(noPostgres)('copying a pharmacy between backends', FILE_ONLY, () => {
  it('copies the file onto a server and back with every row and the audit chain intact', async () => {
    const { db: file, tables } = await demoFile();
    const pg = await openPostgres(await server.newDatabase());
    const back = await openDatabase(join(tempDir(), 'back.db'), newDataKey());
    try {
      const progress: string[] = [];
      const report = await copyPharmacy(file, pg, { pageRows: 97, onProgress: (t) => progress.push(t) });
      expect(report.tables.map((t) => t.name).sort()).toEqual(tables);
      expect(report.tables.find((t) => t.name === 'patients')!.rows).toBe(40);
      expect(report.tables.find((t) => t.name === 'fills')!.rows).toBeGreaterThan(200);
      expect(report.auditRows).toBe(await tableRows(file, 'audit_log'));
      expect(report.lastHash).toMatch(/^[0-9a-f]{64}$/);
      // Parents before children: a fill's patient is in before the fill.
      expect(progress.indexOf('patients')).toBeLessThan(progress.indexOf('fills'));
      expect(report.tables.at(-1)!.name).toBe('population_figures');

      const original = await contents(file, tables);
      expect(await contents(pg, tables)).toEqual(original);
      // The server's identity counters follow the copied ids: the next audit row gets the next id.
      await copyPharmacy(pg, back);
      expect(await contents(back, tables)).toEqual(original);
    } finally {
      await Promise.all([pg.destroy(), back.destroy()]);
    }
  });

  it('refuses a target that holds a pharmacy, and a copy that fails half-way leaves the target as it was', async () => {
    const { db: file } = await demoFile();
    const pg = await openPostgres(await server.newDatabase());
    try {
      await expect(
        copyPharmacy(file, pg, {
          pageRows: 10,
          onProgress: (t, rows) => {
            if (t === 'fills' && rows >= 50) throw new Error('the cable was pulled');
          },
        }),
      ).rejects.toThrow('the cable was pulled');
      for (const t of ['pharmacy', 'users', 'patients', 'fills', 'audit_log'])
        expect(await tableRows(pg, t), t).toBe(0);

      await copyPharmacy(file, pg);
      const before = await tableRows(pg, 'fills');
      await expect(copyPharmacy(file, pg)).rejects.toMatchObject({
        code: 'alreadyInitialized',
        message: expect.stringMatching(/already holds a pharmacy: nothing was copied/),
      });
      expect(await tableRows(pg, 'fills')).toBe(before);
    } finally {
      await pg.destroy();
    }
  });
});
