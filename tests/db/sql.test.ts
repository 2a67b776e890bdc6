import { describe, expect, it } from 'vitest';
import { addDays } from '../../main/db/dialect';
import { all, one, render, run, sql } from '../../main/db/sql';
import { newPharmacy } from '../helpers/temp-pharmacy';

describe('the sql tag', () => {
  it('binds every value as a parameter and nests fragments with their own', () => {
    const name = "O'Brien'); DROP TABLE patients; --";
    const where = sql.join([sql`last_name = ${name}`, sql`deleted_at IS NULL`], ' AND ');
    const q = sql`SELECT id FROM patients WHERE ${where} AND id IN (${sql.list(['a', 'b'])}) LIMIT ${5}`;
    expect(q.text).toBe('SELECT id FROM patients WHERE last_name = ? AND deleted_at IS NULL AND id IN (?, ?) LIMIT ?');
    expect(q.params).toEqual([name, 'a', 'b', 5]);
    expect(sql`x IN (${sql.list([])})`.text).toBe('x IN (NULL)');
  });

  it('renders the same fragment for each backend: ? on SQLite, $1… on PostgreSQL, dialect parts per backend', () => {
    const q = sql`SELECT * FROM fills WHERE id IN (${sql.list(['a', 'b'])}) AND ${addDays(sql`fill_date`, sql`${3}`)} >= ${'2026-03-01'}`;
    expect(render(q, 'sqlite')).toEqual({
      text: "SELECT * FROM fills WHERE id IN (?, ?) AND date(fill_date, '+' || (?) || ' days') >= ?",
      params: ['a', 'b', 3, '2026-03-01'],
    });
    expect(render(q, 'postgres')).toEqual({
      text: "SELECT * FROM fills WHERE id IN ($1, $2) AND to_char(CAST(fill_date AS date) + CAST($3 AS integer), 'YYYY-MM-DD') >= $4",
      params: ['a', 'b', 3, '2026-03-01'],
    });
  });

  it('lets only column names and ASC/DESC through as text', () => {
    expect(sql`ORDER BY ${sql.identifiers('p.last_name ASC, p.id DESC')}`.text).toBe(
      'ORDER BY p.last_name ASC, p.id DESC',
    );
    for (const bad of ['id; DROP TABLE x', "name = 'x'", 'id --', '(SELECT 1)'])
      expect(() => sql.identifiers(bad)).toThrow(/Not a list of column names/);
  });

  it('runs on the encrypted database: a hostile value is stored as text, and rows come back typed', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    const hostile = "x'); DELETE FROM app_settings; --";
    await run(
      db,
      sql`INSERT INTO app_settings (key, value, updated_at, updated_by)
        VALUES (${'probe'}, ${hostile}, ${'2026-12-01T00:00:00Z'}, ${'t'})`,
    );
    expect(await one<{ value: string }>(db, sql`SELECT value FROM app_settings WHERE key = ${'probe'}`)).toEqual({
      value: hostile,
    });
    expect((await all<{ n: number }>(db, sql`SELECT count(*) AS n FROM app_settings`))[0]!.n).toBeGreaterThan(0);
    await session.signOut();
  });
});
