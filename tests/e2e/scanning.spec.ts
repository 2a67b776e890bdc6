import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, onFile, readyPharmacy, snap, test } from './fixtures';

// A brown bag of ten bottles, scanned at the counter with a keyboard-wedge scanner (Playwright types at scanner
// speed): eight on the list and filled here, one filled here with an expired bottle, one the pharmacy filled only
// for another patient (so its NDC is known, the medicine is new to her).
interface Drug {
  name: string;
  strength: string;
  form: string;
  ndc: string;
  rx: string;
  onList: boolean;
}
const DRUGS: Drug[] = [
  { name: 'Lisinopril', strength: '20 mg', form: 'Tablet', ndc: '00093-1111-01', rx: '7200001', onList: true },
  { name: 'Atorvastatin', strength: '40 mg', form: 'Tablet', ndc: '00378-2222-05', rx: '7200002', onList: true },
  { name: 'Metformin', strength: '500 mg', form: 'Tablet', ndc: '00904-3333-61', rx: '7200003', onList: true },
  { name: 'Amlodipine', strength: '5 mg', form: 'Tablet', ndc: '00591-4444-01', rx: '7200004', onList: true },
  { name: 'Levothyroxine', strength: '50 mcg', form: 'Tablet', ndc: '00054-5555-25', rx: '7200005', onList: true },
  { name: 'Sertraline', strength: '50 mg', form: 'Tablet', ndc: '00172-6666-60', rx: '7200006', onList: true },
  { name: 'Omeprazole', strength: '20 mg', form: 'Capsule', ndc: '00185-7777-30', rx: '7200007', onList: true },
  { name: 'Donepezil', strength: '10 mg', form: 'Tablet', ndc: '00143-8888-09', rx: '7200008', onList: true },
  { name: 'Glipizide', strength: '5 mg', form: 'Tablet', ndc: '00228-9999-10', rx: '7200009', onList: false },
];
const OTHERS = { name: 'Gabapentin', strength: '300 mg', form: 'Capsule', ndc: '00603-1212-21', rx: '7300001' };

const ymd = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
const row = (last: string, first: string, dob: string, d: Omit<Drug, 'onList'>) =>
  `${last},${first},${dob},${d.rx},0,${ymd(20)},${d.ndc},${d.name},${d.strength},${d.form},30,30`;
const CSV = [
  'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,NDC,Drug Name,Strength,Dosage Form,Qty,Days Supply',
  ...DRUGS.map((d) => row('Albright-Nakamura', 'Eleanor', '03/12/1944', d)),
  row('Petrovsky', 'Walter', '11/02/1951', OTHERS),
].join('\n');

/** GS1 mod-10 check digit (the arithmetic of main/scanning/gs1.ts, which a spec cannot import). */
function check(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
/** The 10-digit NDC on the package (these labelers are 4-4-2: the 11-digit form adds the leading 0). */
const ndc10 = (ndc11: string) => ndc11.replaceAll('-', '').slice(1);
const gtin14 = (ndc: string) => `003${ndc10(ndc)}${check(`003${ndc10(ndc)}`)}`;
const upcA = (ndc: string) => `3${ndc10(ndc)}${check(`3${ndc10(ndc)}`)}`;
const GS = '\x1d';
/** A GS1 DataMatrix on a unit-of-use bottle: FNC1, (01) GTIN, (17) expiry, (10) lot, then FNC1 and (21) serial. */
const gs1 = (ndc: string, expiry: string, lot: string, serial?: string) =>
  `${GS}01${gtin14(ndc)}17${expiry}10${lot}${serial ? `${GS}21${serial}` : ''}`;

const BAG = [
  gs1(DRUGS[0]!.ndc, '281130', 'L2231A'),
  upcA(DRUGS[1]!.ndc),
  DRUGS[2]!.rx,
  gs1(DRUGS[3]!.ndc, '290615', 'AM5X09', 'S100442'),
  upcA(DRUGS[4]!.ndc),
  gs1(DRUGS[5]!.ndc, '280228', 'SE77'),
  upcA(DRUGS[6]!.ndc),
  DRUGS[7]!.rx,
  gs1(DRUGS[8]!.ndc, '240131', 'GZ0142'),
  upcA(OTHERS.ndc),
];

/**
 * Types a code as a keyboard-wedge scanner does: real key events (they land in a focused field like any key), 5 ms
 * apart by their own time stamps, the group separator as Ctrl+], then Enter. Through CDP with explicit time stamps:
 * page.keyboard.type's delay is wall-clock and, on a busy test machine, stretches to 100 ms and more between keys —
 * a person's speed, which the page rightly does not take for a scan.
 */
/** Returns when (wall clock, ms) the Enter was sent. */
async function scan(page: Page, code: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let t = Date.now() / 1000;
  const key = async (k: { key: string; code: string; vk: number; text?: string; ctrl?: boolean }) => {
    const base = { key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, modifiers: k.ctrl ? 2 : 0 };
    await cdp.send('Input.dispatchKeyEvent', {
      ...base,
      type: k.text ? 'keyDown' : 'rawKeyDown',
      ...(k.text ? { text: k.text, unmodifiedText: k.text } : {}),
      timestamp: t,
    });
    await cdp.send('Input.dispatchKeyEvent', { ...base, type: 'keyUp', timestamp: t + 0.001 });
    t += 0.005;
  };
  for (const ch of code) {
    if (ch === GS) await key({ key: ']', code: 'BracketRight', vk: 221, ctrl: true });
    else if (/\d/.test(ch)) await key({ key: ch, code: `Digit${ch}`, vk: 48 + Number(ch), text: ch });
    else {
      const upper = ch.toUpperCase();
      await key({ key: ch, code: `Key${upper}`, vk: upper.charCodeAt(0), text: ch });
    }
  }
  const enter = Date.now();
  await key({ key: 'Enter', code: 'Enter', vk: 13, text: '\r' });
  await cdp.detach();
  return enter;
}

/** The same characters typed by a person (150 ms a key, wall clock), then Enter. */
async function typeSlowly(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 150 });
  await page.keyboard.press('Enter');
}

const lineCount = (page: Page, n: number) =>
  page.waitForFunction((want) => document.querySelectorAll('[data-testid="scan-line"]').length === want, n, {
    polling: 'raf',
    timeout: 10_000,
  });

/** The pharmacy, Eleanor's fills (and Walter's gabapentin) imported, her eight listed medicines: her id. */
async function eleanor(page: Page, server: Parameters<typeof readyPharmacy>[1]): Promise<string> {
  await readyPharmacy(page, server);
  const file = { name: 'fills.csv', base64: Buffer.from(CSV).toString('base64') };
  const preview = await onFile(page, 'fills:preview', { file });
  const imported = await onFile(page, 'fills:import', {
    file,
    mapping: preview.mapping,
    validOnly: false,
    createPatients: true,
  });
  expect(imported.imported).toBe(10);
  const patient = (await onFile(page, 'patients:search', { query: 'Albright', limit: 5 })).patients[0]!;
  for (const d of DRUGS.filter((x) => x.onList))
    await onFile(page, 'medications:add', {
      patientId: patient.id,
      medication: { product: d.name, strength: d.strength, doseForm: d.form, kind: 'rx', source: 'pharmacyFill' },
    });
  return patient.id;
}

test('a brown bag of ten bottles scanned at the counter: matched, new, expired, undo, typing is not a scan', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const patient = { id: await eleanor(page, server) };
  await page.evaluate((id) => (location.hash = `#/patients/${id}`), patient.id);

  const meds = page.getByRole('region', { name: /^Medications/ });
  await expect(meds.getByRole('table', { name: 'Active medications' }).getByRole('row')).toHaveCount(9);
  await meds.getByRole('button', { name: 'Scan bottles' }).click();
  const panel = page.getByRole('region', { name: /Brown bag/ });
  await expect(panel.getByText('Ready to scan')).toBeVisible();
  const counts = panel.getByTestId('scan-counts');
  await expect(counts).toHaveText(
    '0 bottles scanned: 0 matched, 0 new, 0 expired, 0 twice; 8 on the list with no bottle',
  );

  await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[] };
    w.keyTimes = [];
    document.addEventListener('keydown', (e) => w.keyTimes.push(Math.round(e.timeStamp)), true);
  });
  // One action per bottle: the scan itself. Latency: from the scanner's Enter to the line on the screen.
  const latencies: number[] = [];
  for (const [i, code] of BAG.entries()) {
    const t0 = await scan(page, code);
    await lineCount(page, i + 1).catch(async (e: unknown) => {
      const times = await page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
      const gaps = times.slice(1).map((t, k) => t - times[k]!);
      throw new Error(`scan ${i + 1} did not land (key gaps ${gaps.join(',')}): ${await panel.innerText()}`, {
        cause: e,
      });
    });
    latencies.push(Date.now() - t0);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = (sorted[4]! + sorted[5]!) / 2;
  console.log(`scan latency (Enter to line visible), 10 scans: median ${median} ms; each ${latencies.join(', ')} ms`);

  await expect(counts).toHaveText(
    '10 bottles scanned: 9 matched, 1 new, 1 expired, 0 twice; 0 on the list with no bottle',
  );
  const lines = panel.getByTestId('scan-line');
  await expect(lines.nth(0)).toContainText('Lisinopril');
  await expect(lines.nth(0)).toContainText('11/30/2028');
  await expect(lines.nth(0)).toContainText('L2231A');
  await expect(lines.nth(0)).toContainText('00093-1111-01');
  await expect(lines.nth(2)).toContainText('Rx 7200003');
  await expect(lines.nth(8)).toContainText('Expired');
  await expect(lines.nth(8)).toContainText('01/31/2024');
  await expect(lines.nth(9)).toContainText('Gabapentin');
  await expect(lines.nth(9)).toContainText('New: not on the list');
  await expect(panel.getByRole('status')).toContainText('Gabapentin');
  mkdirSync('/tmp/shots', { recursive: true });
  await panel.screenshot({ path: '/tmp/shots/scan-bottles.png' });
  await snap(page, 'scan-bottles');

  // The new one added to the list as from another pharmacy: it is matched now, and on the medication list.
  await lines.nth(9).getByRole('button', { name: 'Add as from another pharmacy' }).click();
  await expect(lines.nth(9)).toContainText('On the list (Other pharmacy)');
  await expect(counts).toHaveText(
    '10 bottles scanned: 10 matched, 0 new, 1 expired, 0 twice; 0 on the list with no bottle',
  );
  await expect(meds.getByRole('table', { name: 'Active medications' })).toContainText('Gabapentin');

  // Undo takes back the last bottle (the button, then Ctrl+Z).
  await panel.getByRole('button', { name: 'Undo last scan' }).click();
  await expect(counts).toHaveText(
    '9 bottles scanned: 9 matched, 0 new, 1 expired, 0 twice; 1 on the list with no bottle',
  );
  await page.keyboard.press('Control+z');
  await expect(counts).toHaveText(
    '8 bottles scanned: 8 matched, 0 new, 0 expired, 0 twice; 1 on the list with no bottle',
  );
  // Gabapentin stays on the list, its bottle taken back: one to ask the patient about.
  await expect(panel.locator('.scan-no-bottle')).toContainText('Gabapentin');

  // The same characters typed by a person are not a scan (focus off the Undo button, which Enter would press).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await typeSlowly(page, upcA(DRUGS[4]!.ndc));
  await page.waitForTimeout(500);
  await expect(lines).toHaveCount(8);

  // A damaged code (wrong check digit) is refused plainly; nothing changes.
  const gtin = gtin14(DRUGS[0]!.ndc);
  await scan(page, `${GS}01${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}17281130`);
  await expect(panel.getByRole('alert')).toContainText(/check digit/i);
  await expect(lines).toHaveCount(8);

  // Typed by hand in "Type a code": no timing rule, Enter sends it.
  await panel.getByLabel('Type a code').fill(DRUGS[7]!.rx);
  await panel.getByLabel('Type a code').press('Enter');
  await expect(lines).toHaveCount(9);

  // A form field keeps working while the mode is on; a scanner burst while it has focus is a scan, not text in it.
  await page.getByRole('button', { name: '+ Add medicine' }).click();
  const field = page.getByLabel('Medicine', { exact: true });
  await field.click();
  await page.keyboard.type('Aspirin', { delay: 120 });
  await expect(field).toHaveValue('Aspirin');
  await scan(page, upcA(DRUGS[1]!.ndc));
  await expect(lines).toHaveCount(10);
  await expect(field).toHaveValue('Aspirin');

  // Done scanning (Esc outside a field): the mode is off and keys are only keys.
  await field.evaluate((el) => (el as HTMLElement).blur());
  await page.keyboard.press('Escape');
  await expect(panel.getByText('Ready to scan')).toBeHidden();
  await scan(page, upcA(DRUGS[1]!.ndc));
  await page.waitForTimeout(300);
  await expect(lines).toHaveCount(10);
});

test('in step 1 of a review, a scanned bottle new to the list is added from its line and joins the reconciliation', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000);
  const patientId = await eleanor(page, server);
  const review = await onFile(page, 'reviews:create', { patientId, type: 'cmr' });
  await page.evaluate((id) => (location.hash = `#/reviews/${id}`), review.id);
  await expect(page.getByRole('heading', { name: /Comprehensive medication review/ })).toBeVisible();
  const panel = page.getByRole('region', { name: /Brown bag/ });
  await panel.getByRole('button', { name: 'Scan bottles' }).click();
  await expect(panel.getByText('Ready to scan')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, upcA(OTHERS.ndc));
  await lineCount(page, 1);
  await expect(panel.getByTestId('scan-line').first()).toContainText('Gabapentin');
  await expect(panel.getByRole('status').first()).toContainText('Gabapentin: New');
  await panel.getByRole('button', { name: 'Add as from another pharmacy' }).click();
  await expect(panel.getByTestId('scan-line').first()).toContainText('On the list (Other pharmacy)');
  const reconciliation = page.locator('section, .panel', {
    has: page.getByRole('heading', { name: /^Medication reconciliation/ }),
  });
  await expect(reconciliation.last()).toContainText('Other pharmacy: Gabapentin');
  // The bag belongs to the review: the medication list's bag of today is empty.
  expect((await onFile(page, 'scanning:bag', { patientId })).counts.scanned).toBe(0);
  expect((await onFile(page, 'scanning:bag', { patientId, reviewId: review.id })).counts.scanned).toBe(1);
  await snap(page, 'scan-bottles-review-step-1');
});
