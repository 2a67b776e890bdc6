import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS_INDEX,
  migrationsIndexSource,
  ROWS_FILE,
  rowsSource,
  withNewDatabase,
} from '../../main/db/generated-files';

// After adding a migration: `npm run db:generate`, then commit both files.
describe('generated files', () => {
  it('migrations/index.ts lists every migration file, oldest first', () => {
    expect(readFileSync(MIGRATIONS_INDEX, 'utf8')).toBe(migrationsIndexSource());
  });

  it('main/db/rows.ts declares exactly the columns the migrations build', async () => {
    expect(readFileSync(ROWS_FILE, 'utf8')).toBe(await withNewDatabase(rowsSource));
  });
});
