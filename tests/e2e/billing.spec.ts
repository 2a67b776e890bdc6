import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse837p } from '../billing/x12-check';
import { billingOnFile, expect, onFile, readyPharmacy, snap, test } from './fixtures';

const today = new Date().toISOString().slice(0, 10);

test('a signed CMR billed: the claim previewed on the review, exported as 837P, and its payment recorded', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  // On file already: billing set-up, and a CMR signed at 31 minutes for a patient with hypertension.
  await billingOnFile(page, [{ name: 'Buckeye Senior Rx', payerId: 'BSRX1', planContracts: ['S5810'] }]);
  const patient = await onFile(page, 'patients:create', {
    patient: {
      firstName: 'Oksana',
      lastName: 'Pryor-Mbeki',
      dateOfBirth: '1948-06-02',
      sex: 'female',
      noKnownAllergies: true,
      address: { line1: '75 Poplar Ave', city: 'Columbus', state: 'OH', zip: '43204' },
      partD: { planName: 'Buckeye Senior Rx', contractId: 'S5810', memberId: 'BSR-99120' },
    },
  });
  await onFile(page, 'conditions:add', { patientId: patient.id, code: 'I10' });
  let r = await onFile(page, 'reviews:create', { patientId: patient.id, type: 'cmr' });
  r = await onFile(page, 'reviews:act', { id: r.id, version: r.version, action: 'start' });
  r = await onFile(page, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: { deliveryMethod: 'inPerson', cmrDate: today, problemsConfirmed: true, followUpDate: r.suggestedFollowUp },
  });
  r = await onFile(page, 'reviews:timer', { id: r.id, version: r.version, timer: { correctMinutes: 31 } });
  r = await onFile(page, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 31 });

  // On the signed review: the claim's computation before it is made.
  await page.goto(`${page.url().split('#')[0]}#/reviews/${r.id}`);
  await page.getByRole('button', { name: /5 Documentation/ }).click();
  await page.getByLabel('Bill to').selectOption({ label: 'Buckeye Senior Rx' });
  const preview = page.getByLabel('Claim preview');
  await expect(preview).toContainText('99605 × 1 + 99607 × 1 · $90.00');
  await expect(preview).toContainText(
    '31 minutes = 2 units (CPT midpoint rule: A unit is attained when its midpoint is passed',
  );
  await snap(page, '53-review-billing');
  await page.getByRole('button', { name: 'Create claim' }).click();
  await expect(page.getByRole('region', { name: 'Billing' }).getByRole('row')).toContainText(['Draft']);

  // The Billing screen: ready, export, payment.
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('heading', { name: 'Billing', exact: true })).toBeVisible();
  const row = page.getByRole('row', { name: /Pryor-Mbeki/ });
  await row.getByRole('button', { name: 'Ready' }).click();
  await expect(row).toContainText('Ready');
  await page.getByRole('button', { name: 'Review 1 ready claim to export…' }).click();
  const list = page.getByRole('region', { name: /1 claim to Buckeye Senior Rx/ });
  await expect(list.getByRole('row', { name: /Pryor-Mbeki/ })).toContainText('None');
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Confirm and export 1 claim' }).click();
  const file = await (await download).path();
  const parsed = parse837p(readFileSync(file, 'utf8'));
  expect(parsed.problems).toEqual([]);
  expect(parsed.segments.filter((s) => s.tag === 'SV1').length).toBe(2);
  await expect(page.getByRole('status')).toContainText('Exported 1 claim to claims-837p-');
  await expect(row).toContainText('Exported');
  await row.getByRole('button', { name: 'Paid…' }).click();
  await page.getByLabel('Amount paid ($)').fill('82.50');
  await page.getByLabel('Payer’s claim number (on the remittance)').fill('26330-0004471');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(row).toContainText(/Paid\s*\$82\.50 on \d\d\/\d\d\/\d{4}/);
  await expect(row).toContainText('Payer’s no. 26330-0004471');
  await expect(page.getByRole('heading', { name: /Claims/ })).toContainText('$90.00 billed · $82.50 paid');
  await expect(page.getByRole('row', { name: /claims-837p-/ })).toContainText('Buckeye Senior Rx');
  await snap(page, '54-billing');

  // The payer wants telehealth-at-home on telephone and video reviews.
  const payers = page
    .getByRole('row', { name: /Buckeye Senior Rx/ })
    .filter({ has: page.getByRole('button', { name: 'Edit' }) });
  await payers.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Place of service, telephone and video reviews').selectOption('10');
  // …and its own telehealth modifiers: 95 on video reviews, 93 on telephone (audio-only) ones.
  await page.getByLabel('Modifier, video reviews').selectOption('95');
  await page.getByLabel('Modifier, telephone (audio-only) reviews').selectOption('93');
  await snap(page, '54b-payer-form');
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(payers).toContainText('Remote reviews: POS 10');
  await expect(payers).toContainText('Modifier: video 95, telephone 93');

  // The CMS MTM data elements file is not written while a value is missing: the patient and field are listed.
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const refused = page.getByTestId('elements-refused');
  await expect(refused).toContainText('file was not written');
  await expect(refused).toContainText('Pryor-Mbeki, Oksana (born 06/02/1948): MBI is missing.');
  await snap(page, '54c-data-elements-refused');

  // Red CMS-1500 forms: data only, a calibration page, and the pharmacy's nudge saved for its printer.
  await page.getByLabel('Format').selectOption('cms1500red');
  const calibration = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print calibration page' }).click();
  const sheet = await (await calibration).path();
  expect(execFileSync('pdftotext', [sheet, '-'], { encoding: 'utf8' })).toContain('33 BILLING PROVIDER');
  await page.getByLabel('Move right (points)').fill('4');
  await page.getByLabel('Move down (points)').fill('-3');
  await page.getByRole('button', { name: 'Save alignment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: data moves' })).toContainText(
    'Saved: data moves 4 pt right and 3 pt up on the red form.',
  );
  await snap(page, '54d-red-form-alignment');

  // The owner's reports show the same work: one CMR completed, one claim paid.
  await page.keyboard.press('Alt+o');
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  const cmr = page.getByRole('region', { name: 'Comprehensive medication reviews' });
  await expect(cmr.getByRole('row').nth(1)).toHaveText(/^1\s*0\s*1\s*1\s*100%$/);
  const claims = page.getByRole('region', { name: 'Claims by status' });
  await expect(claims.getByRole('row', { name: /^Paid 1/ })).toContainText('$90.00');
  await expect(claims.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pharmacist time per review type' })).toContainText('31');
  await snap(page, '55-reports');
});

test('a claim to a payer that is not the patient’s plan says so, and the export waits for its list to be confirmed', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  const setup = await billingOnFile(page, [
    { name: 'Buckeye Senior Rx', payerId: 'BSRX1', planContracts: ['S5810'] },
    { name: 'Lakeside Advantage', payerId: 'LKSA1', planContracts: ['H4410'] },
  ]);
  const lakeside = setup.payers.find((p) => p.name === 'Lakeside Advantage')!;
  const patient = await onFile(page, 'patients:create', {
    patient: {
      firstName: 'hazel',
      lastName: 'QUIMBY',
      dateOfBirth: '1944-10-12',
      sex: 'female',
      noKnownAllergies: true,
      address: { line1: '12 Alder Court', city: 'Columbus', state: 'OH', zip: '43204' },
      partD: { planName: 'Buckeye Senior Rx (PDP)', contractId: 'S5810', memberId: 'BSR-20417' },
    },
  });
  await onFile(page, 'conditions:add', { patientId: patient.id, code: 'I10' });
  let r = await onFile(page, 'reviews:create', { patientId: patient.id, type: 'cmr' });
  r = await onFile(page, 'reviews:act', { id: r.id, version: r.version, action: 'start' });
  r = await onFile(page, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: { deliveryMethod: 'inPerson', cmrDate: today, problemsConfirmed: true, followUpDate: r.suggestedFollowUp },
  });
  r = await onFile(page, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 31 });
  const claim = await onFile(page, 'claims:create', { reviewId: r.id, payerId: lakeside.id });
  await onFile(page, 'claims:act', { action: 'ready', id: claim.id, version: claim.version });

  const mismatch =
    'The patient’s plan is Buckeye Senior Rx (PDP), contract S5810, which Lakeside Advantage does not pay for (it lists H4410). Bill Buckeye Senior Rx, which lists it.';
  await page.keyboard.press('Alt+l');
  // The claims list states it, the name shown in proper case.
  const row = page.getByRole('row', { name: /Quimby, Hazel/ });
  await expect(row).toContainText(mismatch);

  await page
    .getByRole('region', { name: 'Export claims' })
    .getByLabel('Payer')
    .selectOption({ label: 'Lakeside Advantage' });
  await page.getByRole('button', { name: 'Review 1 ready claim to export…' }).click();
  const list = page.getByRole('region', { name: /1 claim to Lakeside Advantage/ });
  await expect(list.getByRole('row', { name: /Quimby, Hazel/ })).toContainText(`⚠ Check: ${mismatch}`);
  await expect(list.getByRole('alert')).toContainText('One warning needs checking');
  await expect(page.getByRole('row', { name: /claims-837p-/ })).toHaveCount(0);
  await snap(page, '54e-export-confirm-mismatch');

  // Cancelled, nothing is written; confirmed, exactly that claim is sent.
  await list.getByRole('button', { name: 'Cancel' }).click();
  await expect(list).toHaveCount(0);
  await expect(row).toContainText('Ready');
  await page.getByRole('button', { name: 'Review 1 ready claim to export…' }).click();
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Confirm and export 1 claim' }).click();
  await download;
  await expect(page.getByRole('status')).toContainText('Exported 1 claim to claims-837p-');
  await expect(row).toContainText('Exported');
});
