import { expect, readyPharmacy, snap, test } from './fixtures';

test('a pharmacist keeps the medication list: add with prescriber, change, stop with reason, see history', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+r');
  await page.getByRole('link', { name: '+ New prescriber' }).click();
  await page.getByLabel('First name').fill('Beatrice');
  await page.getByLabel('Last name').fill('Okonjo');
  await page.getByLabel('Credentials').fill('MD');
  await page.getByLabel('NPI').fill('1245319599');
  await page.getByLabel('Fax').fill('216-555-0134');
  await page.getByRole('button', { name: 'Add prescriber' }).click();
  await expect(page.getByRole('row', { name: /OKONJO/ })).toBeVisible();

  await page.keyboard.press('Alt+p');
  await page.keyboard.press('Alt+n');
  await page.getByLabel('First name').fill('Marguerite');
  await page.getByLabel('Last name').fill('Lindqvist');
  await page.getByLabel('Date of birth').fill('04/18/1946');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('No known allergies (asked and confirmed)').check();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByText('No active medicines recorded')).toBeVisible();

  await page.getByRole('button', { name: '+ Add medicine' }).click();
  await page.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByText('Enter the medicine name')).toBeVisible();
  await page.getByLabel('Medicine', { exact: true }).fill('Lisinopril');
  await page.getByLabel('Strength').fill('10 mg');
  await page.getByLabel('Form', { exact: true }).fill('tablet');
  await page.getByLabel('Why I use it').fill('Blood pressure');
  await page.getByLabel('How I use it').fill('Take 1 tablet by mouth every morning');
  await page.getByLabel('Prescriber').selectOption({ label: 'Okonjo, Beatrice, MD' });
  await page.getByLabel('Information from').selectOption('pharmacyFill');
  await page.getByLabel('Date started').fill('02/01/2024');
  await page.getByRole('button', { name: 'Add to list' }).click();
  const row = page.getByRole('row', { name: /Lisinopril 10 mg tablet/ });
  await expect(row).toContainText('Beatrice Okonjo, MD');
  // typed, not picked, but the drug list recognises the name: the checks can see it
  await expect(row).not.toContainText('Uncoded');

  await page.getByRole('button', { name: '+ Add medicine' }).click();
  await page.getByLabel('Medicine', { exact: true }).fill('Fish oil');
  await page.getByLabel('Kind').selectOption('supplement');
  // Codes are read back in plain words before saving; what cannot be read, or is error-prone, is said.
  await page.getByLabel('How I use it').fill('1 cap po qd wf');
  const preview = page.getByTestId('sig-preview');
  await expect(preview).toContainText('On the patient’s list: Take 1 capsule by mouth once a day with food.');
  await expect(preview).toContainText('En español: Tome 1 cápsula por la boca una vez al día con comida.');
  await expect(preview).toContainText('QD');
  await snap(page, '33-sig-preview');
  await page.getByLabel('How I use it').fill('1 capsule daily with food');
  await expect(preview).not.toContainText('QD');
  await page.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByRole('heading', { name: /Medications/ })).toContainText('2 active');
  await snap(page, '33-medications');

  await row.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Strength').fill('20 mg');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const row20 = page.getByRole('row', { name: /Lisinopril 20 mg tablet/ });
  await row20.getByRole('button', { name: 'Stop…' }).click();
  await page.getByLabel('Why it was stopped').fill('Dry cough; changed to losartan');
  await page.getByRole('button', { name: 'Stop medicine' }).click();
  await expect(page.getByText('1 stopped')).toBeVisible();
  await page.getByText('1 stopped').click();
  await page
    .getByRole('row', { name: /Lisinopril 20 mg tablet.*Dry cough/ })
    .getByRole('button', { name: 'History' })
    .click();
  const history = page.getByRole('region', { name: 'History of Lisinopril' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Lisinopril 10 mg tablet');
  await expect(history.getByRole('listitem').nth(2)).toContainText('Stopped');
  await snap(page, '34-medication-history');
});
