import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The installed Electron binary, if its download ever happened. Read from the package's path.txt
 * rather than require('electron'), which since Electron 45 tries to download on first use.
 */
function electronBinary(): string | null {
  const pkg = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the Electron app opens its window on the first-run screen, talking to main over IPC', async () => {
  const reason =
    'No Electron binary is installed here (its download is unreachable; ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run on a machine with internet to exercise the desktop shell.';
  if (!binary) console.log(`Skipping the Electron app test: ${reason}`);
  test.skip(!binary, reason);
  execFileSync('npm', ['run', 'build:shell'], { stdio: 'ignore' });
  const dataDir = mkdtempSync(join(tmpdir(), 'mtm-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['--no-sandbox', '.'],
    env: { ...process.env, MTM_DATA_DIR: dataDir },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Set up MTM Desk' })).toBeVisible();
    // The renderer has the contract's functions and nothing that reaches Node.
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(
      await win.evaluate(() => Object.keys((window as unknown as { mtmBridge: object }).mtmBridge).sort()),
    ).toContain('patients:search');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
