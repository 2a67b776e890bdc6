import { expect, readyPharmacy, snap, test } from './fixtures';

const CSV = [
  'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,NDC,Drug Name,Drug Strength,Form,Qty,Days Supply,Directions',
  'Featherstone,Winifred,03/14/1950,500001,0,20260105,0071-0155-23,Atorvastatin 10 mg,10 mg,tablet,30,30,1 PO QHS',
  'Featherstone,Winifred,03/14/1950,500001,1,20260204,0071-0155-23,Atorvastatin 10 mg,10 mg,tablet,30,30,1 PO QHS',
  'Featherstone,Winifred,03/14/1950,500002,0,20260105,,Lisinopril 10 mg,10 mg,tablet,-30,30,1 PO QD',
].join('\n');

test('importing fill history: automatic columns, a per-row report, then only what the pharmacist chose', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+i');
  await expect(page.getByRole('heading', { name: 'Import fill history' })).toBeVisible();
  await page
    .getByLabel('CSV export from your dispensing system')
    .setInputFiles({ name: 'fills-jan.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  await expect(page.getByLabel('Rx number')).toHaveValue('Rx #');
  await expect(page.getByLabel('Fill date')).toHaveValue('Date Filled');
  // The label's columns, each with what the file holds in it.
  const columns = page.getByRole('table', { name: 'Columns' });
  for (const [label, header, sample] of [
    ['Strength', 'Drug Strength', '10 mg'],
    ['Dose form', 'Form', 'tablet'],
    ['Directions (sig)', 'Directions', '1 PO QHS'],
  ] as const) {
    const select = columns.getByLabel(label, { exact: true });
    await expect(select).toHaveValue(header);
    await expect(select).toHaveAccessibleDescription(sample);
  }
  await expect(page.getByRole('table', { name: 'Problems' })).toContainText('-30 must be more than 0');
  await expect(page.getByRole('button', { name: 'Import 2 fills' })).toBeDisabled();
  await snap(page, '35-import-check');

  await page.getByLabel(/Create the 1 missing patient/).check();
  await page.getByLabel(/Import the valid rows only/).check();
  await page.getByRole('button', { name: 'Import 2 fills' }).click();
  await expect(page.getByTestId('import-done')).toContainText(
    'Imported 2 fills from fills-jan.csv. 0 fills already there; 1 new patient; 1 row with problems skipped.',
  );
  await snap(page, '36-import-done');

  await page.keyboard.press('Alt+p');
  await page.getByLabel('Find a patient').fill('Featherstone');
  await expect(page.getByRole('row', { name: /FEATHERSTONE, Winifred/ })).toBeVisible();
});
