import type { Page } from '@playwright/test';
import { expect, readyPharmacy, snap, test } from './fixtures';

async function registerPatient(page: Page, p: { first: string; last: string; dob: string; nka?: boolean }) {
  await page.getByRole('link', { name: '+ New patient' }).click();
  await page.getByLabel('First name').fill(p.first);
  await page.getByLabel('Last name').fill(p.last);
  await page.getByLabel('Date of birth').fill(p.dob);
  await page.getByLabel('Sex').selectOption('male');
  if (p.nka) await page.getByLabel('No known allergies (asked and confirmed)').check();
}

test('field-level messages explain bad input and nothing is saved', async ({ page, server }) => {
  await readyPharmacy(page, server);
  await registerPatient(page, { first: 'Tobias', last: 'Vandermeer', dob: '02/30/1948' });
  await page.getByLabel('Medicare number (MBI)').fill('1SG4-TE5-MK73');
  await page.getByLabel('ZIP code').fill('4321');
  await page.getByLabel('Contract number').fill('Q12');
  await page.getByRole('button', { name: 'Register patient' }).click();

  await expect(page.getByText('Please correct the 4 highlighted fields.')).toBeVisible();
  await expect(page.getByText('02/30/1948 is not a real date: February 1948 has 29 days')).toBeVisible();
  await expect(page.getByText(/Enter the 11-character Medicare number/)).toBeVisible();
  await expect(page.getByText('Enter a 5-digit ZIP code or ZIP+4')).toBeVisible();
  await expect(page.getByText(/A Part D contract number is a plan-type letter/)).toBeVisible();
  await snap(page, '10-patient-form-errors');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No patients yet')).toBeVisible();
});

test('registering the same name and date of birth twice warns and needs a deliberate confirmation', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  await registerPatient(page, { first: 'Ignatius', last: 'Pemberton', dob: '07/04/1941', nka: true });
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByTestId('banner-allergies')).toHaveText('No known allergies');
  await page.getByRole('link', { name: '← Patients' }).click();

  await registerPatient(page, { first: 'ignatius', last: 'PEMBERTON', dob: '7/4/1941' });
  await expect(page.getByTestId('duplicate-warning')).toContainText('PEMBERTON, Ignatius');
  await expect(page.getByRole('button', { name: 'Register patient' })).toBeDisabled();
  await snap(page, '11-duplicate-warning');
  await page.getByLabel('I have checked: this is a different person').check();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByTestId('banner-allergies')).toContainText('Allergies not yet recorded');

  await page.keyboard.press('Escape');
  await page.getByLabel('Find a patient').fill('pemberton');
  await expect(page.getByText('Matching by name: 2 patients')).toBeVisible();
});

test('editing keeps history-safe versions, and removing needs a reason and hides the patient', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  await registerPatient(page, { first: 'Rosalind', last: 'Achterberg', dob: '11/02/1939', nka: true });
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByTestId('banner-name')).toHaveText('ACHTERBERG, Rosalind');

  await page.keyboard.press('Alt+e');
  await expect(page.getByRole('heading', { name: 'Edit patient details' })).toBeVisible();
  await page.getByLabel('Phone').fill('(740) 555-0110');
  await page.getByLabel('Notes for the pharmacy team (optional)').fill('Prefers calls after 10 am.');
  await snap(page, '12-patient-edit');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.panel', { hasText: 'Contact' })).toContainText('(740) 555-0110');
  await expect(page.locator('.panel', { hasText: 'Notes' })).toContainText('Prefers calls after 10 am.');

  await page.getByRole('button', { name: 'Remove patient…' }).click();
  await page.getByRole('button', { name: 'Remove patient', exact: true }).click();
  await expect(page.getByText('Enter the reason for removing this patient')).toBeVisible();
  await page.getByLabel('Reason').fill('Registered in error');
  await snap(page, '13-patient-remove');
  await page.getByRole('button', { name: 'Remove patient', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  await page.getByLabel('Find a patient').fill('Achterberg');
  await expect(page.getByText('Matching by name: no patients found')).toBeVisible();
});

test('one patient per MBI: a second record with the same number is refused, naming the first', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  // Typed all in lower case: stored as typed, shown in proper case.
  await registerPatient(page, { first: 'rosalind', last: 'brambleton', dob: '03/04/1946', nka: true });
  await page.getByLabel('Medicare number (MBI)').fill('1EG4-TE5-MK73');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByTestId('banner-name')).toHaveText('BRAMBLETON, Rosalind');
  await page.getByRole('link', { name: '← Patients' }).click();
  await expect(page.getByRole('row', { name: /BRAMBLETON, Rosalind/ })).toBeVisible();

  await registerPatient(page, { first: 'Rosa', last: 'Bramble', dob: '03/14/1946', nka: true });
  await page.getByLabel('Medicare number (MBI)').fill('1eg4te5mk73');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByText('Please correct the highlighted field.')).toBeVisible();
  await expect(
    page.getByText(
      'MBI 1EG4-TE5-MK73 already belongs to Brambleton, Rosalind (DOB 03/04/1946). Open that record, or check the number on the Medicare card.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Medicare number (MBI)')).toHaveAttribute('aria-invalid', 'true');
  await snap(page, '13b-duplicate-mbi-refused');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /BRAMBLE/ })).toHaveCount(1);
});
