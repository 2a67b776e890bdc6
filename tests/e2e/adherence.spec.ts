import { expect, readyPharmacy, snap, test } from './fixtures';

const ymd = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
// Statin refills with a long gap (due for outreach), and a blood-pressure medicine filled on time.
const CSV = [
  'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,Drug Name,Qty,Days Supply',
  ...[200, 170, 140, 40].map(
    (d, i) => `Halvorsen-Achebe,Margit,04/11/1946,8100,${i},${ymd(d)},Atorvastatin 40 mg tab,30,30`,
  ),
  ...[150, 120, 90, 60, 30].map(
    (d, i) => `Halvorsen-Achebe,Margit,04/11/1946,8200,${i},${ymd(d)},Lisinopril 10 mg tab,30,30`,
  ),
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
  await page.getByLabel(/Create the 1 missing patient/).check();
  await page.getByRole('button', { name: 'Import 9 fills' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 9 fills');

  await page.keyboard.press('Alt+d');
  await expect(page.getByRole('button', { name: /Adherence outreach due/ })).toContainText('1');
  await page.keyboard.press('Alt+h');
  const row = page.getByRole('row', { name: /Halvorsen-Achebe, Margit/ });
  await expect(row).toContainText('Statins: PDC 60%');
  await expect(row).toContainText('atorvastatin: refill 10 days late');
  await row.getByRole('button', { name: 'Log outreach' }).click();
  const form = page.getByRole('form', { name: /Outreach to Halvorsen-Achebe/ });
  await form.getByLabel('Result').selectOption('leftMessage');
  await snap(page, '56-adherence-outreach');
  await form.getByRole('button', { name: 'Log outreach' }).click();
  await expect(row).toContainText(/Left a message \(1 in 30 days\)/);
  await row.getByRole('link', { name: /Halvorsen-Achebe/ }).click();

  const panel = page.getByRole('region', { name: 'Adherence' });
  await expect(panel).toContainText('60% Statins (PDC)');
  await expect(panel.getByRole('img', { name: /Refill timeline/ }).locator('rect')).toHaveCount(9);
  await expect(panel.getByRole('row', { name: /atorvastatin/ })).toContainText('ran out 10 days ago');
  await panel.scrollIntoViewIfNeeded();
  await snap(page, '57-adherence-timeline');
});
