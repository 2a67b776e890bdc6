import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/data-source';
import { all, sql } from '../../main/db/sql';
import { readKeyring, unlockWithPassword } from '../../main/security/keyring';
import { newPharmacy, PASSWORD } from '../helpers/temp-pharmacy';

const ROUNDS = 20;
const BATCH = 25;

/** Starts the writer, waits for its first commit, lets it run a random while, then SIGKILLs it. */
function killMidWrite(file: string, hexKey: string, runMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/helpers/crash-writer.ts', file, hexKey, String(BATCH)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), runMs));
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${err}`)),
    );
  });
}

describe('crash safety', () => {
  it(`keeps the database intact and every batch whole across ${ROUNDS} SIGKILLs mid-write`, async () => {
    const { session } = await newPharmacy();
    await session.signOut();
    const key = (await unlockWithPassword(readKeyring(session.paths.keyring), 'pharmacist1', PASSWORD))!;

    for (let round = 0; round < ROUNDS; round++)
      await killMidWrite(session.paths.database, key.toString('hex'), 5 + Math.floor(Math.random() * 150));

    const db = await openDatabase(session.paths.database, key);
    const integrity = await all<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`);
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    const batches = await all<{ notes: string; n: number }>(
      db,
      sql`SELECT notes, count(*) AS n FROM patients WHERE created_by = 'writer' GROUP BY notes`,
    );
    const writers = new Set(batches.map((b) => b.notes.split('-')[1]));
    expect(writers.size).toBe(ROUNDS);
    expect(batches.filter((b) => b.n !== BATCH)).toEqual([]);
    await db.destroy();
  }, 180_000);
});
