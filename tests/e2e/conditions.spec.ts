import { expect, readyPharmacy, snap, test } from './fixtures';

test("a pharmacist records a patient's conditions and labs on the patient screen", async ({ page, server }) => {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+n');
  await page.getByLabel('First name').fill('Ezekiel');
  await page.getByLabel('Last name').fill('Thornbury');
  await page.getByLabel('Date of birth').fill('09/09/1941');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByLabel('No known allergies (asked and confirmed)').check();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: /Conditions/ })).toContainText('0 of 10 CMS core chronic diseases');

  const picker = page.getByLabel('Add a condition');
  await page.getByLabel('Since (optional)').fill('03/01/2015');
  await picker.fill('hypertens');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
    'I10 Essential (primary) hypertension',
  );
  await picker.press('Enter');
  await expect(page.getByRole('row', { name: /I10 Essential \(primary\) hypertension/ })).toContainText(
    'since 03/01/2015',
  );
  await picker.fill('E11.9');
  await picker.press('Enter');
  // Everyday words find the code: "gerd" is gastro-esophageal reflux disease, shown with its plain name.
  await picker.fill('gerd');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(/K21\.\d+ .*reflux/i);
  await picker.press('Enter');
  await expect(page.getByRole('heading', { name: /Conditions/ })).toContainText('2 of 10 CMS core chronic diseases');

  await page.getByLabel('Value (mg/dL)').fill('130');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText(/130 mg\/dL is not a plausible serum creatinine/)).toBeVisible();
  await page.getByLabel('Value (mg/dL)').fill('1.3');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('row', { name: /Serum creatinine/ })).toContainText('1.3 mg/dL');
  await page.getByLabel('Add a value').selectOption('bp');
  await page.getByLabel('Systolic').fill('142');
  await page.getByLabel('Diastolic').fill('88');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('row', { name: /Blood pressure/ })).toContainText('142/88 mmHg');
  await snap(page, '32-patient-conditions-labs');

  await page.getByRole('row', { name: /K21.9/ }).getByRole('button', { name: 'Resolved…' }).click();
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.getByText('1 resolved')).toBeVisible();
  await expect(page.getByRole('row', { name: /K21.9/ })).toHaveCount(0);
});
