// The same migrations and data layer on a real PostgreSQL server as on the encrypted file: the schema
// matches table for table and column for column, values round-trip through the sql tag, and each
// dialect function gives the same answer on both backends.
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { MIGRATIONS } from '../../migrations';
import type { ForwardMigration } from '../../migrations/forward-only';
import { forwardOnly } from '../../migrations/forward-only';
import { INSERTION_ORDER } from '../../migrations/dialect';
import { openDatabase } from '../../main/db/data-source';
import { addDays, commaList, insertionOrder, jsonValues, like } from '../../main/db/dialect';
import { escapeLike } from '../../main/common/like';
import { openPostgres } from '../../main/db/postgres-source';
import { all, backendOf, one, run, sql } from '../../main/db/sql';
import { newDataKey } from '../../main/security/keyring';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { tempDir } from '../helpers/temp-pharmacy';

const server = usePostgres();
const open: DataSource[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

const kept = (ds: DataSource) => {
  open.push(ds);
  return ds;
};
const postgres = async () => kept(await openPostgres(await server.newDatabase()));
const sqlite = async () => kept(await openDatabase(join(tempDir(), 'pharmacy.db'), newDataKey()));

/** Each table's columns as `name affinity` (NOT NULL unless a key), sorted by table. */
type Schema = Record<string, string[]>;

/** SQLite's rules for the affinity of a declared type, applied to both (TypeORM declares its own table differently). */
const affinity = (type: string): string =>
  /INT/i.test(type) ? 'INTEGER' : /CHAR|CLOB|TEXT/i.test(type) ? 'TEXT' : /REAL|FLOA|DOUB/i.test(type) ? 'REAL' : type;

async function sqliteSchema(db: DataSource): Promise<Schema> {
  type Column = { tbl: string; name: string; type: string; notnull: number; pk: number };
  const cols = await all<Column>(
    db,
    sql`SELECT t.name AS tbl, c.name, c.type, c."notnull", c.pk FROM sqlite_master t, pragma_table_info(t.name) c
      WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name, c.cid`,
  );
  const schema: Schema = {};
  for (const c of cols)
    (schema[c.tbl] ??= []).push(`${c.name} ${affinity(c.type)}${c.notnull && !c.pk ? ' NOT NULL' : ''}`);
  return schema;
}

async function postgresSchema(db: DataSource): Promise<Schema> {
  type Column = { tbl: string; name: string; type: string; nullable: string; key: boolean };
  const cols = await all<Column>(
    db,
    sql`SELECT c.table_name AS tbl, c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable,
        EXISTS (SELECT 1 FROM information_schema.key_column_usage k
          JOIN information_schema.table_constraints tc USING (constraint_schema, constraint_name)
          WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name AND k.column_name = c.column_name) AS key
      FROM information_schema.columns c WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const schema: Schema = {};
  for (const c of cols) {
    // PostgreSQL has no rowid: the tables read in insertion order carry it as a column.
    if (c.name === INSERTION_ORDER) continue;
    // PostgreSQL's real is single precision, which SQLite's REAL is not.
    const type = c.type === 'real' ? 'float4' : affinity(c.type);
    (schema[c.tbl] ??= []).push(`${c.name} ${type}${c.nullable === 'NO' && !c.key ? ' NOT NULL' : ''}`);
  }
  return schema;
}

const tableCount = async (db: DataSource) =>
  (await one<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`,
  ))!.n;

/** Inserts a patient and three fills (ids c, a, b in that order), for queries over real rows. */
async function someFills(db: DataSource): Promise<void> {
  const at = '2026-12-01T09:00:00Z';
  await run(
    db,
    sql`INSERT INTO patients (id, first_name, last_name, date_of_birth, sex, created_at, created_by, updated_at, updated_by)
      VALUES (${'p1'}, ${'Ana'}, ${"O'Brien"}, ${'1950-03-04'}, ${'female'}, ${at}, ${'t'}, ${at}, ${'t'})`,
  );
  for (const [id, drug, quantity, cost] of [
    ['c', 'Metformin 500 mg', 60, 4.1],
    ['a', 'Lisinopril 10 mg', 30.5, null],
    ['b', 'Metformin 500 mg', 90, 12],
  ] as const)
    await run(
      db,
      sql`INSERT INTO fills (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, cost, created_at)
        VALUES (${id}, ${'p1'}, ${`rx-${id}`}, ${0}, ${'2026-11-01'}, ${drug}, ${quantity}, ${30}, ${cost}, ${at})`,
    );
}

describe.skipIf(noPostgres)('PostgreSQL: migrations and the data layer on a real server', FILE_ONLY, () => {
  it('applies every migration to an empty database, all in one transaction', async () => {
    const db = await postgres();
    expect(backendOf(db)).toBe('postgres');
    const applied = await all<{ name: string }>(db, sql`SELECT name FROM schema_migrations ORDER BY id`);
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));

    // A failing last migration leaves nothing of the earlier ones behind.
    class Fails implements ForwardMigration {
      name = 'Fails1799999999999';
      async up(): Promise<void> {
        throw new Error('migration failed on purpose');
      }
    }
    const url = await server.newDatabase();
    await expect(openPostgres(url, { migrations: [...MIGRATIONS, forwardOnly(Fails)] })).rejects.toThrow(/on purpose/);
    const again = kept(await openPostgres(url, { migrations: [] }));
    expect(await tableCount(again)).toBe(1); // TypeORM's schema_migrations only
  });

  it('migrates once when several workstations open a new database at the same moment', async () => {
    const url = await server.newDatabase();
    const opened = await Promise.all([1, 2, 3].map(() => openPostgres(url)));
    opened.forEach(kept);
    const applied = await one<{ n: number }>(opened[0]!, sql`SELECT count(*) AS n FROM schema_migrations`);
    expect(applied).toEqual({ n: MIGRATIONS.length });
  });

  it('builds the same tables with the same columns, types and NOT NULLs as on SQLite', async () => {
    const [pg, lite] = [await postgres(), await sqlite()];
    const [expected, actual] = [await sqliteSchema(lite), await postgresSchema(pg)];
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const table of Object.keys(expected)) expect(actual[table], table).toEqual(expected[table]);
  });

  it('keeps the audit trail append-only and population figures stale-on-write, as the SQLite triggers do', async () => {
    const db = await postgres();
    await run(
      db,
      sql`INSERT INTO audit_log (at, username, action, category, outcome, hash)
        VALUES (${'2026-12-01T09:00:00Z'}, ${'t'}, ${'probe'}, ${'system'}, ${'success'}, ${'h'})`,
    );
    await expect(run(db, sql`UPDATE audit_log SET action = ${'x'}`)).rejects.toThrow(/append-only/);
    await expect(run(db, sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);

    await someFills(db);
    await run(db, sql`INSERT INTO population_figures (patient_id, checks_as_of) VALUES (${'p1'}, ${'2026-12-01'})`);
    await run(db, sql`UPDATE patients SET sex = ${'unknown'} WHERE id = ${'p1'}`);
    expect(await one(db, sql`SELECT checks_as_of FROM population_figures`)).toEqual({ checks_as_of: null });
    await run(db, sql`DELETE FROM fills WHERE id = ${'a'}`);
    expect(await all(db, sql`SELECT patient_id FROM population_figures`)).toEqual([]);
  });

  it('usernames are unique regardless of case, as with SQLite NOCASE', async () => {
    const db = await postgres();
    const user = (id: string, name: string) =>
      run(
        db,
        sql`INSERT INTO users (id, username, full_name, role, created_at)
          VALUES (${id}, ${name}, ${'A'}, ${'pharmacist'}, ${'2026-12-01'})`,
      );
    await user('u1', 'lee');
    await expect(user('u2', 'LEE')).rejects.toThrow(/unique|duplicate/i);
    expect(await one(db, sql`SELECT id FROM users WHERE username = ${'Lee'}`)).toEqual({ id: 'u1' });
  });

  for (const backend of ['sqlite', 'postgres'] as const) {
    const database = () => (backend === 'postgres' ? postgres() : sqlite());

    it(`${backend}: round-trips text, integers, reals, nulls and JSON text through parameters`, async () => {
      const db = await database();
      await someFills(db);
      const json = JSON.stringify([{ measure: 'diabetes', pdc: 2 / 3 }]);
      await run(
        db,
        sql`INSERT INTO population_figures (patient_id, pdc_reasons, lowest_pdc) VALUES (${'p1'}, ${json}, ${2 / 3})`,
      );
      expect(
        await all(
          db,
          sql`SELECT id, drug_name, quantity, days_supply, cost FROM fills WHERE patient_id = ${'p1'} ORDER BY id`,
        ),
      ).toEqual([
        { id: 'a', drug_name: 'Lisinopril 10 mg', quantity: 30.5, days_supply: 30, cost: null },
        { id: 'b', drug_name: 'Metformin 500 mg', quantity: 90, days_supply: 30, cost: 12 },
        { id: 'c', drug_name: 'Metformin 500 mg', quantity: 60, days_supply: 30, cost: 4.1 },
      ]);
      const figures = await one<{ pdc_reasons: string; lowest_pdc: number; star_measures_below: number }>(
        db,
        sql`SELECT pdc_reasons, lowest_pdc, star_measures_below FROM population_figures WHERE patient_id = ${'p1'}`,
      );
      expect(figures).toEqual({ pdc_reasons: json, lowest_pdc: 2 / 3, star_measures_below: 0 });
      expect(await one(db, sql`SELECT last_name FROM patients WHERE last_name = ${"O'Brien"}`)).toEqual({
        last_name: "O'Brien",
      });
      expect(await one(db, sql`SELECT count(*) AS n, sum(days_supply) AS days FROM fills`)).toEqual({ n: 3, days: 90 });
      // RETURNING through `all` gives the changed rows on both (PostgreSQL's driver wraps UPDATE results).
      expect(
        await all(db, sql`UPDATE fills SET cost = ${null} WHERE id IN (${sql.list(['b', 'c'])}) RETURNING id, cost`),
      ).toHaveLength(2);
      await run(db, sql`DELETE FROM fills WHERE cost IS NULL AND id <> ${'a'}`);
      expect(await all(db, sql`SELECT id FROM fills`)).toEqual([{ id: 'a' }]);
    });

    it(`${backend}: each dialect function gives the same answer`, async () => {
      const db = await database();
      const day = async (date: string, days: number) =>
        (await one<{ d: string }>(db, sql`SELECT ${addDays(sql`${date}`, sql`${days}`)} AS d`))!.d;
      expect(await day('2026-02-27', 3)).toBe('2026-03-02');
      expect(await day('2024-12-31', 1)).toBe('2025-01-01');
      expect(await day('2024-02-28', 1)).toBe('2024-02-29');

      await someFills(db);
      expect(
        await all(
          db,
          sql`SELECT fill_date FROM fills WHERE ${addDays(sql`fill_date`, sql`days_supply + ${1}`)} = ${'2026-12-02'} LIMIT 1`,
        ),
      ).toEqual([{ fill_date: '2026-11-01' }]);

      const list = await one<{ drugs: string }>(
        db,
        sql`SELECT ${commaList(sql`drug_name`)} AS drugs FROM fills GROUP BY patient_id`,
      );
      expect(list!.drugs.split(',').sort()).toEqual(['Lisinopril 10 mg', 'Metformin 500 mg']);

      expect(
        await all(db, sql`SELECT id FROM fills WHERE id IN ${jsonValues(JSON.stringify(['a', 'c', 'x']))} ORDER BY id`),
      ).toEqual([{ id: 'a' }, { id: 'c' }]);

      expect(await all(db, sql`SELECT f.id FROM fills f ORDER BY ${insertionOrder('f')}`)).toEqual([
        { id: 'c' },
        { id: 'a' },
        { id: 'b' },
      ]);
      // Case ignored on a nocase name column (which PostgreSQL refuses to LIKE), wildcards in the pattern escaped.
      const named = (pattern: string) => all(db, sql`SELECT id FROM patients WHERE ${like(sql`last_name`, pattern)}`);
      expect(await named(`${escapeLike("o'b")}%`)).toEqual([{ id: 'p1' }]);
      expect(await named(`${escapeLike('O_B')}%`)).toEqual([]);
      expect(await all(db, sql`SELECT id FROM fills WHERE ${like(sql`drug_name`, '%METFORMIN%')} ORDER BY id`)).toEqual(
        [{ id: 'b' }, { id: 'c' }],
      );

      const order = await all<{ row: number }>(db, sql`SELECT ${insertionOrder()} AS row FROM fills WHERE id = ${'a'}`);
      expect(
        await all(db, sql`SELECT id FROM fills WHERE ${insertionOrder()} IN (${sql.list([order[0]!.row])})`),
      ).toEqual([{ id: 'a' }]);
    });
  }
});
