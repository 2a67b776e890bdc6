// For a migration's own test: a new encrypted database migrated up to (and then past) one migration.
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { openDatabase } from '../../main/db/data-source';
import { all, sql } from '../../main/db/sql';
import { newDataKey } from '../../main/security/keyring';
import { tempDir } from './temp-pharmacy';

const nameOf = (m: (typeof MIGRATIONS)[number]) => new m().name!;

/**
 * The database just before the migration named `name` (every earlier one applied), for the test to
 * fill with rows of the old shape; `migrate()` then applies it (and only it) on the same file.
 */
export async function beforeMigration(name: string): Promise<{ db: DataSource; migrate: () => Promise<DataSource> }> {
  const at = MIGRATIONS.findIndex((m) => nameOf(m) === name);
  if (at < 0) throw new Error(`No migration named ${name}`);
  const file = join(tempDir(), 'migrating.db');
  const key = newDataKey();
  const db = await openDatabase(file, key, MIGRATIONS.slice(0, at));
  return {
    db,
    migrate: async () => {
      await db.destroy();
      return openDatabase(file, key, MIGRATIONS.slice(0, at + 1));
    },
  };
}

/** A table's columns as SQLite reports them: name, declared type, NOT NULL, default. */
export async function columnsOf(db: DataSource, table: string): Promise<string[]> {
  type Column = { name: string; type: string; notnull: number; dflt_value: string | null };
  const cols = await all<Column>(db, sql`SELECT name, type, "notnull", dflt_value FROM pragma_table_info(${table})`);
  return cols.map(
    (c) =>
      `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : ''}`,
  );
}
