import { spawnSync } from 'node:child_process';

/** Runs `mtm` exactly as `npm run mtm --` does (tsx), with the password on stdin unless given in env. */
export function mtm(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/mtm.ts', ...args], {
    input: opts.stdin ?? '',
    env: { ...process.env, MTM_PASSWORD: '', ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
