// Two workstations on one shared PostgreSQL database: two bridge servers (one data folder each, both
// connected to the same database), two browser contexts. A save on one appears on the other within
// seconds with a notice; a save made on an out-of-date copy is refused naming who changed it, and the screen
// reloads; locking or signing out one workstation leaves the other at work; a review is signed once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Route } from '@playwright/test';
import { HTTP_API_PREFIX } from '../../preload/transport';
import { expect, onFile, signIn, startServer, stop, test } from './fixtures';

const SECOND = { username: 'mreyes', password: 'orange canoe on the lake 7' };
// As tests/helpers/setup-data.ts sets the pharmacy up (it loads the schemas, which Playwright's loader cannot).
const PHARMACIST = 'pharmacist1';
const PASSWORD = 'copper kettle on the stove';

interface Workstation {
  dir: string;
  child: ChildProcess;
  url: string;
}

/**
 * The database host, in a Node child of its own (Playwright's loader cannot load main/, which imports JSON): a
 * throw-away TLS PostgreSQL cluster, the pharmacy set up on a new database from folder A (a second pharmacist with
 * her own password, a review ready to sign), folder B joined to it. It prints what the test needs as one JSON line,
 * then keeps the cluster until its stdin closes.
 */
const HOST = `
const { startPostgres } = await import('./tests/helpers/postgres-server.ts');
const { Session } = await import('./main/security/session.ts');
const { addUser } = await import('./main/security/user-admin.ts');
const { todayIso } = await import('./preload/schemas/dates.ts');
const { call } = await import('./tests/helpers/call.ts');
const { sampleSignedCmr } = await import('./tests/helpers/sample-review.ts');
const { SETUP } = await import('./tests/helpers/setup-data.ts');
const { writeFileSync } = await import('node:fs');
const [dirA, dirB, second, temporary, caFile] = process.argv.slice(1);
const pg = await startPostgres({ tls: true });
try {
  const superUrl = new URL(await pg.newDatabase());
  const password = decodeURIComponent(superUrl.password);
  superUrl.password = '';
  const connection = { url: superUrl.toString(), ca: pg.ca, password };
  const a = new Session(dirA);
  await a.connectShared(connection);
  await a.setup(SETUP);
  await addUser(a, { username: 'mreyes', fullName: 'Marisol Reyes, PharmD', role: 'pharmacist', isAdmin: false,
    temporaryPassword: temporary });
  const sample = await sampleSignedCmr(a, { medicines: 3, cmrDate: todayIso(), unsigned: true });
  await a.signOut();
  await a.signIn({ username: 'mreyes', password: temporary });
  await call(a, 'security:changeOwnPassword', { currentPassword: temporary, newPassword: second });
  await a.signOut();
  await new Session(dirB).connectShared(connection);
  writeFileSync(caFile, pg.ca);
  console.log(JSON.stringify({ reviewId: sample.review.id, patientId: sample.patientId, url: connection.url, password }));
} catch (e) {
  pg.stop();
  throw e;
}
process.stdin.resume();
process.stdin.on('end', () => { pg.stop(); process.exit(0); });
`;

/** What the host prints: the prepared review and patient, and the three items a third workstation joins with. */
interface Hosted {
  reviewId: string;
  patientId: string;
  url: string;
  password: string;
}

function startHost(dirA: string, dirB: string, caFile: string): Promise<Hosted & { child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      HOST,
      dirA,
      dirB,
      SECOND.password,
      'temporary pass for marisol 1',
      caFile,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the database host did not start:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^(\{"reviewId".*\})$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, ...(JSON.parse(m[1]!) as Hosted) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the database host exited (${code}):\n${out}`)));
  });
}

let host: ChildProcess | undefined;
let configHome: string;
const stations: Workstation[] = [];
let reviewId: string;
let patientId: string;
let joining: { url: string; password: string; caFile: string };

test.beforeAll(async () => {
  test.setTimeout(150_000);
  // The database password is sealed per workstation under $XDG_CONFIG_HOME/mtm-desk: a folder of the test's own,
  // inherited by the database host and the two bridge servers.
  configHome = mkdtempSync(join(tmpdir(), 'mtm-ws-config-'));
  process.env.XDG_CONFIG_HOME = configHome;
  const dirs = [mkdtempSync(join(tmpdir(), 'mtm-ws-a-')), mkdtempSync(join(tmpdir(), 'mtm-ws-b-'))] as const;
  const caFile = join(configHome, 'pharmacy-server-ca.pem');
  const started = await startHost(...dirs, caFile);
  ({ child: host, reviewId, patientId } = started);
  joining = { url: started.url, password: started.password, caFile };
  for (const dir of dirs) stations.push({ dir, ...(await startServer(dir)) });
});

test.afterAll(async () => {
  for (const s of stations) {
    await stop(s.child);
    rmSync(s.dir, { recursive: true, force: true });
  }
  if (host && host.exitCode === null) {
    const exited = new Promise((resolve) => host!.once('exit', resolve));
    host.stdin!.end();
    await exited;
  }
  if (configHome) rmSync(configHome, { recursive: true, force: true });
});

async function openAs(browser: Browser, station: Workstation, user: { username: string; password: string }) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(station.url);
  await signIn(page, user.username, user.password);
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  return page;
}

const openReview = async (page: Page) => {
  await page.evaluate((id) => (location.hash = `#/reviews/${id}`), reviewId);
  await expect(page.getByRole('heading', { name: /Comprehensive medication review/ })).toBeVisible();
};

/** The bridge calls a page makes to one channel, counted from now. */
function counter(page: Page, channel: string) {
  let n = 0;
  page.on('request', (r) => {
    if (r.url().endsWith(`${HTTP_API_PREFIX}${channel}`)) n++;
  });
  return {
    get count() {
      return n;
    },
  };
}

test('two workstations on one database see each other’s saves, refuse a stale one, lock apart, sign once', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const [stationA, stationB] = stations as [Workstation, Workstation];
  const a = await openAs(browser, stationA, { username: PHARMACIST, password: PASSWORD });
  const b = await openAs(browser, stationB, SECOND);
  await openReview(a);
  await openReview(b);
  await expect(b.getByLabel('Delivered')).toHaveValue('inPerson');

  // A saves a change; B sees it within seconds, with a notice saying so.
  await a.getByLabel('Delivered').selectOption('telephone');
  await expect(a.locator('.save-status')).toContainText('Saved');
  const notice = b.locator('.live-notice');
  await expect(notice).toContainText('Updated from another workstation', { timeout: 12_000 });
  await expect(notice).toContainText(`${PHARMACIST} saved changes at`);
  await expect(notice).toContainText('You now see them.');
  await expect(b.getByLabel('Delivered')).toHaveValue('telephone');
  // The notice is in a polite live region, read out without taking the focus.
  await expect(b.getByRole('status').filter({ has: notice })).toHaveCount(1);
  mkdirSync('/tmp/shots', { recursive: true });
  await b.screenshot({ path: '/tmp/shots/live-notice.png' });
  // A's own save is no news on A's screen.
  await expect(a.locator('.live-notice')).toHaveCount(0);

  // A stale save: B's re-reads held back (as if B looked away before the next check), A saves again, B saves on the
  // copy it has. The server refuses it naming who changed the review, and B's screen reloads what was saved.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const hold = async (route: Route) => {
    await held;
    await route.continue();
  };
  await b.route(`**${HTTP_API_PREFIX}reviews:get`, hold);
  await a.getByLabel('Delivered').selectOption('video');
  await expect(a.locator('.save-status')).toContainText('Saved');
  const refused = b.waitForResponse((r) => r.url().endsWith(`${HTTP_API_PREFIX}reviews:update`));
  await b.getByLabel('Delivered').selectOption('inPerson');
  expect(await (await refused).json()).toMatchObject({ ok: false, error: { code: 'conflict' } });
  // Released: the held re-reads go on, and every later one passes straight through.
  release();
  const alert = b.getByRole('alert');
  await expect(alert).toContainText(`This review was changed (by ${PHARMACIST}) after you opened it.`);
  await expect(alert).toContainText('This screen now shows the review as last saved');
  await expect(b.getByLabel('Delivered')).toHaveValue('video');
  await b.screenshot({ path: '/tmp/shots/live-conflict.png' });
  await b.unrouteAll({ behavior: 'wait' });

  // A locks its screen: A reads nothing while locked, B goes on working.
  await a.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  const aReads = counter(a, 'reviews:get');
  await b.getByLabel('Delivered').selectOption('inPerson');
  await expect(b.locator('.save-status')).toContainText('Saved');
  await expect(b.getByRole('alert')).toHaveCount(0);
  await b.waitForTimeout(6_000);
  expect(aReads.count).toBe(0);

  // A unlocks and signs; B's screen turns read-only within seconds, and B's own signature is refused.
  await a.getByLabel('Password').fill(PASSWORD);
  await a.getByRole('button', { name: 'Unlock' }).click();
  await openReview(a);
  await expect(a.getByLabel('Delivered')).toHaveValue('inPerson');
  const before = await onFile(b, 'reviews:get', { id: reviewId });
  const signed = await onFile(a, 'reviews:act', {
    id: reviewId,
    version: before.version,
    action: 'complete',
    minutes: 38,
  });
  expect(signed.status).toBe('completed');
  await expect(b.locator('.save-status')).toHaveText('Signed — read-only', { timeout: 12_000 });
  await expect(b.locator('.live-notice')).toContainText('Updated from another workstation');
  // Whatever version B signs at (the one it had, or the signed one), a signed review is not signed again.
  for (const at of [before.version, signed.version])
    await expect(
      onFile(b, 'reviews:act', { id: reviewId, version: at, action: 'complete', minutes: 38 }),
    ).rejects.toThrow('A completed review is read-only; add a dated addendum instead.');
  expect((await onFile(a, 'reviews:get', { id: reviewId })).signedBy).toBe('Lee Ambrose, RPh (pharmacist1)');

  // The patient's page: A changes the phone number; B's open page shows it with the notice.
  for (const page of [a, b]) {
    await page.evaluate((id) => (location.hash = `#/patients/${id}`), patientId);
    await expect(page.getByRole('heading', { name: 'Contact' })).toBeVisible();
  }
  const { version } = await onFile(a, 'patients:get', { id: patientId });
  // The patient as tests/helpers/sample-review.ts registered her, with a new phone number.
  await onFile(a, 'patients:update', {
    id: patientId,
    version,
    patient: {
      firstName: 'Renée',
      middleName: 'Ángela',
      lastName: "O'Connor-Nguyễn",
      dateOfBirth: '1947-03-09',
      sex: 'female',
      phone: '(216) 555-0199',
      address: { line1: '1418 Lakeview Terrace, Apt 3B', city: 'Lakewood', state: 'OH', zip: '44107' },
      partD: { planName: 'Buckeye Senior Rx (PDP)', contractId: 'S5810', memberId: 'BSR-448812' },
      allergies: [{ substance: 'Penicillin', reaction: 'hives', severity: 'moderate', kind: 'allergy' }],
    },
  });
  await expect(b.locator('.live-notice')).toContainText('Updated from another workstation', { timeout: 12_000 });
  await expect(b.locator('.panel', { has: b.getByRole('heading', { name: 'Contact' }) })).toContainText(
    '(216) 555-0199',
  );
  await b.screenshot({ path: '/tmp/shots/live-notice-patient.png' });

  // B signs out; A is still signed in and at work.
  await b.getByRole('button', { name: 'Sign out' }).click();
  await expect(b.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(a.getByRole('heading', { name: 'Patients' })).toBeVisible();
  expect((await onFile(a, 'patients:get', { id: patientId })).phone).toBe('2165550199');
});

test('a third computer joins the shared database from the first-run screen, with plain refusals on the way', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'mtm-ws-c-'));
  const station = await startServer(dir);
  try {
    await page.goto(station.url);
    await expect(page.getByRole('heading', { name: 'Set up MTM Desk' })).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/setup-first-run.png' });
    await page.getByRole('button', { name: 'Several computers? Use a shared pharmacy database' }).click();
    await expect(page.getByRole('heading', { name: 'Use a shared pharmacy database' })).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/shared-form.png' });

    // A connection that would not check the server's certificate is refused, saying what is accepted.
    const weak = new URL(joining.url);
    weak.searchParams.set('sslmode', 'require');
    await page.getByLabel('Connection URL').fill(weak.toString());
    await page.getByLabel('Server’s CA certificate file').fill(joining.caFile);
    await page.getByLabel('Database password').fill(joining.password);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText(/sslmode=require is not accepted/)).toBeVisible();
    // A CA file that is not there is named.
    await page.getByLabel('Connection URL').fill(joining.url);
    await page.getByLabel('Server’s CA certificate file').fill(join(dir, 'no-such-ca.pem'));
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText(/no-such-ca\.pem/)).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/shared-form-refused.png' });

    // The right three items: the pharmacy is already there, so this computer goes straight to sign-in.
    await page.getByLabel('Server’s CA certificate file').fill(joining.caFile);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
    await signIn(page, SECOND.username, SECOND.password);
    await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
    expect((await onFile(page, 'patients:get', { id: patientId })).lastName).toBe("O'Connor-Nguyễn");
  } finally {
    await stop(station.child);
    rmSync(dir, { recursive: true, force: true });
  }
});
