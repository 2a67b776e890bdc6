import { expect, readyPharmacy, snap, test } from './fixtures';

const ymd = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
// Statin refills with a long gap (due for outreach), and a blood-pressure medicine filled on time; a second patient
// at goal on PDC but 20 days late for a lisinopril refill.
const CSV = [
  'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,Drug Name,Qty,Days Supply',
  ...[200, 170, 140, 40].map(
    (d, i) => `Halvorsen-Achebe,Margit,04/11/1946,8100,${i},${ymd(d)},Atorvastatin 40 mg tab,30,30`,
  ),
  ...[150, 120, 90, 60, 30].map(
    (d, i) => `Halvorsen-Achebe,Margit,04/11/1946,8200,${i},${ymd(d)},Lisinopril 10 mg tab,30,30`,
  ),
  ...[110, 80, 50].map((d, i) => `Brambleton,Rosalind,02/02/1944,8300,${i},${ymd(d)},Lisinopril 10 mg tab,30,30`),
].join('\n');

test('adherence: who to call, the outreach logged, and the refill timeline on the patient', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+i');
  await page
    .getByLabel('CSV export from your dispensing system')
    .setInputFiles({ name: 'fills.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByLabel(/Create the 2 missing patients/).check();
  await page.getByRole('button', { name: 'Import 12 fills' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 12 fills');

  // Today: the calls to make, each with the date of birth beside the name and one action away.
  await page.keyboard.press('Alt+d');
  await expect(page.getByRole('button', { name: /Adherence outreach due/ })).toContainText('2');
  const first = page.getByRole('region', { name: 'Do these first' });
  await expect(first.getByRole('row').nth(1)).toContainText('born 04/11/1946');
  await expect(first.getByRole('row').nth(1)).toContainText('Adherence call: Statins: PDC 59.7%');
  await expect(first.getByRole('row').nth(2)).toContainText('lisinopril: refill 20 days late');
  await expect(
    page.getByRole('status', { name: 'Last backup' }).getByRole('link', { name: 'Back up now' }),
  ).toBeVisible();
  await snap(page, '55-today-queue');

  // The worklist: ranked (a Star measure below 80% first, then days late), searchable, with the total shown.
  await page.keyboard.press('Alt+h');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 1–2 of 2');
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toContainText('Halvorsen-Achebe, Margit');
  await expect(rows.nth(2)).toContainText('Brambleton, Rosalind');
  await expect(rows.nth(2)).toContainText('born 02/02/1944');
  await page.getByLabel('Find patient').fill('02/02/1944');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(
    'Showing 1 of 1 matching “02/02/1944”',
  );
  await page.getByLabel('Find patient').fill('');
  const row = page.getByRole('row', { name: /Halvorsen-Achebe, Margit/ });
  await expect(row).toContainText('Statins: PDC 59.7%');
  await expect(row).toContainText('atorvastatin: refill 10 days late');
  await row.getByRole('button', { name: 'Log outreach' }).click();
  const form = page.getByRole('form', { name: /Outreach to Halvorsen-Achebe/ });
  await form.getByLabel('Result').selectOption('leftMessage');
  await snap(page, '56-adherence-outreach');
  // Log and go on to the next patient: the place in the list is kept.
  await form.getByRole('button', { name: 'Log and next patient: Brambleton, Rosalind' }).click();
  await expect(page.getByRole('form', { name: /Outreach to Brambleton, Rosalind/ })).toBeVisible();
  await expect(row).toContainText(/Left a message \(1 in 30 days\)/);
  await page
    .getByRole('form', { name: /Outreach to Brambleton/ })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await row.getByRole('link', { name: /Halvorsen-Achebe/ }).click();

  const panel = page.getByRole('region', { name: 'Adherence' });
  await expect(panel).toContainText('59.7% Statins (PDC)');
  await expect(panel.getByRole('img', { name: /Refill timeline/ }).locator('rect')).toHaveCount(9);
  await expect(panel.getByRole('row', { name: /atorvastatin/ })).toContainText('ran out 10 days ago');
  await panel.scrollIntoViewIfNeeded();
  await snap(page, '57-adherence-timeline');
});
