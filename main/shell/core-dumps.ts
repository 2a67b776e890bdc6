// A core dump of the main process would hold the data key and whatever patient rows were in memory,
// written in clear wherever the system keeps dumps. Electron's crash reporter is never started; this
// sets the core-file limit to zero for the process itself.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Linux: lowers this process's core-file limit (soft and hard) to 0 with util-linux's prlimit, which
 * any process may do to itself. macOS and Windows write no core files unless set up to; true when
 * dumps are off.
 */
export function disableCoreDumps(pid = process.pid): boolean {
  if (process.platform !== 'linux') return true;
  const run = spawnSync('prlimit', ['--pid', String(pid), '--core=0:0'], { stdio: 'ignore', timeout: 5000 });
  return run.status === 0 && coreFileLimit(pid) === '0';
}

/** The soft core-file limit of a Linux process, as /proc shows it ("0", "unlimited", …); null when unknown. */
export function coreFileLimit(pid: number): string | null {
  try {
    return /^Max core file size\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}
