import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newDataKey } from '../../main/security/keyring';
import { tempDir } from '../helpers/temp-pharmacy';

/**
 * Runs the sorting child for a while, watching its open files (SQLite unlinks a temporary file the
 * moment it opens it, so only /proc shows it); returns the temporary files seen and whether any
 * held a patient's name in clear.
 */
function watchSort(mode: 'ours' | 'default'): Promise<{ files: number; clearNames: boolean }> {
  const dir = tempDir();
  const tmp = tempDir();
  const env = { ...process.env, SQLITE_TMPDIR: tmp, TMPDIR: tmp };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/helpers/sort-child.ts', `${dir}/spill.db`, newDataKey().toString('hex'), mode],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const seen = new Set<string>();
  let clearNames = false;
  const look = () => {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${child.pid}/fd`);
    } catch {
      return;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${child.pid}/fd/${fd}`);
        if (!target.startsWith(tmp)) continue;
        seen.add(target);
        if (readFileSync(`/proc/${child.pid}/fd/${fd}`).includes('Quenneville')) clearNames = true;
      } catch {
        // The file closed between listing and reading it.
      }
    }
  };
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.stdout.once('data', () => {
      const timer = setInterval(look, 2);
      setTimeout(() => {
        clearInterval(timer);
        child.kill('SIGKILL');
      }, 3000);
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve({ files: seen.size, clearNames })
        : reject(new Error(`sort child exited ${code}: ${err}`)),
    );
  });
}

describe('SQLite temporary files', () => {
  it.skipIf(process.platform !== 'linux')(
    'a large sort leaves nothing on disk (the same sort with SQLite’s default spills names in clear)',
    async () => {
      const control = await watchSort('default');
      expect(control.files).toBeGreaterThan(0);
      expect(control.clearNames).toBe(true);
      expect(await watchSort('ours')).toEqual({ files: 0, clearNames: false });
    },
    60_000,
  );
});
