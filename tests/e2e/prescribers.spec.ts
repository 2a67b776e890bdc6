import { expect, readyPharmacy, snap, test } from './fixtures';

test('prescribers: add with checked NPI and DEA, find by name or fax, edit', async ({ page, server }) => {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+r');
  await expect(page.getByRole('heading', { name: 'Prescribers' })).toBeVisible();
  await expect(page.getByText('No prescribers yet')).toBeVisible();

  await page.getByRole('link', { name: '+ New prescriber' }).click();
  await page.getByLabel('First name').fill('Beatrice');
  await page.getByLabel('Last name').fill('Okonjo');
  await page.getByLabel('Credentials').fill('MD');
  await page.getByLabel('NPI').fill('1245319598');
  await page.getByLabel('DEA number (optional)').fill('AP5836728');
  await page.getByRole('button', { name: 'Add prescriber' }).click();
  await expect(page.getByText('This NPI fails its check digit: look for a mistyped digit')).toBeVisible();
  await expect(page.getByText(/A DEA number is 2 letters and 7 digits/)).toBeVisible();
  await expect(page.getByText('Enter the fax number, or choose another way to contact this prescriber')).toBeVisible();
  await snap(page, '30-prescriber-form-errors');

  await page.getByLabel('NPI').fill('1245319599');
  await page.getByLabel('DEA number (optional)').fill('AP5836727');
  await page.getByLabel('Practice').fill('Lakeview Internal Medicine');
  await page.getByLabel('Fax').fill('(216) 555-0134');
  await page.getByLabel('Phone').fill('(216) 555-0133');
  await page.getByRole('button', { name: 'Add prescriber' }).click();

  await expect(page.getByRole('row', { name: /OKONJO, Beatrice, MD/ })).toContainText('(216) 555-0134');
  await page.getByLabel('Find a prescriber').fill('0134');
  await expect(page.getByRole('row', { name: /OKONJO, Beatrice, MD/ })).toBeVisible();
  await snap(page, '31-prescribers');
  await page.getByLabel('Find a prescriber').press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit Beatrice Okonjo' })).toBeVisible();
  await page.getByLabel('Preferred contact').selectOption('portal');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('row', { name: /OKONJO, Beatrice, MD/ })).toContainText('Portal');
});
