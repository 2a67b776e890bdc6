import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { ChannelName, RequestOf, ResponseOf } from '../../preload/contract';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER } from '../../preload/transport';

export interface RunningServer {
  url: string;
  dataDir: string;
  restart(): Promise<void>;
}

/** Starts `serve.ts` (the same code as `npm run serve`) and waits for the address it prints. */
export function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/bridge/serve.ts', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Each test gets its own bridge server over a new, empty pharmacy folder. */
export const test = base.extend<{ server: RunningServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mtm-e2e-'));
    let running = await startServer(dataDir);
    const server: RunningServer = {
      get url() {
        return running.url;
      },
      dataDir,
      async restart() {
        await stop(running.child);
        running = await startServer(dataDir);
      },
    };
    await use(server);
    await stop(running.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Screenshots at both counter monitor sizes, under test-results/screens, for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  const original = page.viewportSize()!;
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(original);
}

export const PHARMACY = {
  name: 'Riverside Community Pharmacy',
  ncpdp: '1234567',
  npi: '1245319599',
  phone: '(614) 555-0142',
  street: '120 Main Street',
  city: 'Columbus',
  state: 'OH',
  zip: '43215',
};
export const PHARMACIST = {
  fullName: 'Dana Whitfield, PharmD',
  username: 'dwhitfield',
  password: 'blue heron at dawn 42',
};

/** Completes first-run setup and returns the recovery code shown. */
export async function setUpPharmacy(page: Page, server: RunningServer): Promise<string> {
  await page.goto(server.url);
  await page.getByLabel('Pharmacy name').fill(PHARMACY.name);
  await page.getByLabel('NCPDP (NABP) number').fill(PHARMACY.ncpdp);
  await page.getByLabel('Pharmacy NPI').fill(PHARMACY.npi);
  await page.getByLabel('Phone').fill(PHARMACY.phone);
  await page.getByLabel('Street address').fill(PHARMACY.street);
  await page.getByLabel('City').fill(PHARMACY.city);
  await page.getByLabel('State').fill(PHARMACY.state);
  await page.getByLabel('ZIP code').fill(PHARMACY.zip);
  await page.getByLabel('Full name').fill(PHARMACIST.fullName);
  await page.getByLabel('Username').fill(PHARMACIST.username);
  await page.getByLabel('Password', { exact: true }).fill(PHARMACIST.password);
  await page.getByLabel('Confirm password').fill(PHARMACIST.password);
  await page.getByRole('button', { name: 'Create pharmacy' }).click();
  const code = await page.getByTestId('recovery-code').textContent();
  return code ?? '';
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Setup, recovery code acknowledged, from the Today screen (where sign-in lands) to the patient list. */
export async function readyPharmacy(page: Page, server: RunningServer): Promise<string> {
  const code = await setUpPharmacy(page, server);
  await page.getByLabel('I have printed or written down this code').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  return code;
}

/**
 * Calls a bridge channel as the signed-in page does, for records a test needs to exist before the
 * steps it walks (the pharmacy already had them on file).
 */
export async function onFile<C extends ChannelName>(
  page: Page,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  return page.evaluate(
    async ([c, r, prefix, header]) => {
      const res = await fetch(`${prefix}${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: sessionStorage.getItem('mtm-bridge-token') ?? '' },
        body: JSON.stringify(r),
      });
      const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error!.message);
      return body.data as ResponseOf<C>;
    },
    [channel, request, HTTP_API_PREFIX, HTTP_TOKEN_HEADER] as const,
  );
}

/** A Part D payer as the tests set it up, named and listing the contracts it pays for. */
type TestPayer = { name: string; payerId: string; planContracts?: string[] };

/** The pharmacy's billing details, Dana Whitfield as rendering pharmacist, and each payer (midpoint rule, $65/50/25). */
export async function billingOnFile(page: Page, payers: TestPayer[]): Promise<ResponseOf<'billing:savePayer'>> {
  await onFile(page, 'billing:saveProvider', {
    legalName: 'Riverside Community Pharmacy LLC',
    npi: '1245319599',
    taxId: '31-7654321',
    taxonomy: '3336C0003X',
    address: { line1: '200 Front Street', city: 'Columbus', state: 'OH', zip: '43215-1234' },
    phone: '6145550142',
  });
  await onFile(page, 'billing:savePharmacist', {
    username: 'dwhitfield',
    firstName: 'Dana',
    lastName: 'Whitfield',
    npi: '1234567893',
    taxonomy: '183500000X',
  });
  let setup: ResponseOf<'billing:savePayer'> | undefined;
  for (const p of payers)
    setup = await onFile(page, 'billing:savePayer', {
      ...p,
      kind: 'partD',
      submitterId: 'RIVERSIDE01',
      receiverId: 'CLEARHOUSE',
      receiverName: 'Midwest Claims Exchange',
      claimFilingCode: 'CI',
      unitRule: 'midpoint',
      fees: { '99605': 65, '99606': 50, '99607': 25 },
    });
  return setup!;
}
