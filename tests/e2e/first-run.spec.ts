import { expect, PHARMACIST, setUpPharmacy, signIn, snap, test } from './fixtures';

test('a pharmacist sets up the pharmacy, registers a patient, finds them, and finds them again after signing back in', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Set up MTM Desk' })).toBeVisible();
  // The token has been taken out of the address bar.
  expect(page.url()).not.toContain('token=');
  await snap(page, '01-setup');

  // An empty form is refused field by field, and nothing is created.
  await page.getByRole('button', { name: 'Create pharmacy' }).click();
  await expect(page.getByText('Enter the pharmacy name')).toBeVisible();
  await expect(page.getByText('The NCPDP (NABP) number has exactly 7 digits')).toBeVisible();
  await snap(page, '02-setup-errors');

  const code = await setUpPharmacy(page, server);
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await snap(page, '03-recovery-code');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await page.getByLabel('I have printed or written down this code').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Sign-in lands on the day's work; with an empty pharmacy every list is empty.
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByText('Nothing is overdue or due this week, and nobody is waiting for a call.')).toBeVisible();
  await page.keyboard.press('Alt+P');
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('Dana Whitfield');
  await expect(page.getByText('No patients yet')).toBeVisible();
  await snap(page, '04-patients-empty');

  // Register a patient from the keyboard shortcut.
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await page.getByLabel('First name').fill('Margarethe');
  await page.getByLabel('Last name').fill('Okonkwo-Bell');
  await page.getByLabel('Date of birth').fill('03/14/1950');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Preferred language').selectOption('es');
  await page.getByLabel('Large print on the documents the patient takes home').check();
  await page.getByLabel('Phone').fill('614-555-0199');
  await page.getByLabel('Medicare number (MBI)').fill('1eg4-te5-mk72');
  await page.getByLabel('Contract number').fill('S5884');
  await page.getByRole('button', { name: '+ Add allergy' }).click();
  await page.getByLabel('Substance').fill('Penicillin');
  await page.getByLabel('Reaction').fill('hives');
  await page.getByLabel('Severity').selectOption('severe');
  await snap(page, '05-patient-form');
  await page.getByRole('button', { name: 'Register patient' }).click();

  await expect(page.getByTestId('banner-name')).toHaveText('OKONKWO-BELL, Margarethe');
  await expect(page.getByTestId('banner-allergies')).toContainText('Penicillin (hives, severe)');
  await expect(page.locator('.patient-banner')).toContainText('1EG4-TE5-MK72');
  await expect(page.locator('.patient-banner')).toContainText('Spanish, large print');
  await snap(page, '06-patient-detail');

  // Find by typing part of the name; arrows and Enter open it.
  await page.keyboard.press('Escape');
  await page.getByLabel('Find a patient').fill('okon');
  await expect(page.getByRole('row', { name: /OKONKWO-BELL, Margarethe/ })).toBeVisible();
  await snap(page, '07-patient-search');
  await page.getByLabel('Find a patient').press('Enter');
  await expect(page.getByTestId('banner-name')).toHaveText('OKONKWO-BELL, Margarethe');

  // Sign out, reload, sign in again: back where they were, and still findable.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await snap(page, '08-sign-in');
  await signIn(page, PHARMACIST.username, PHARMACIST.password);
  await expect(page.getByTestId('banner-name')).toHaveText('OKONKWO-BELL, Margarethe');
  await page.keyboard.press('Escape');
  await page.getByLabel('Find a patient').fill('Margarethe');
  await expect(page.getByRole('row', { name: /OKONKWO-BELL, Margarethe/ })).toBeVisible();

  // And after the whole server restarts (a new process reading the encrypted file).
  await server.restart();
  await page.goto(server.url);
  await signIn(page, PHARMACIST.username, PHARMACIST.password);
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await page.keyboard.press('Alt+p');
  await page.getByLabel('Find a patient').fill('03/14/1950');
  await expect(page.getByText('Matching by date of birth: 1 patient')).toBeVisible();
  await expect(page.getByRole('row', { name: /OKONKWO-BELL, Margarethe/ })).toBeVisible();
});

test('a wrong password gets one plain message that does not say which part was wrong', async ({ page, server }) => {
  await setUpPharmacy(page, server);
  await page.getByLabel('I have printed or written down this code').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, PHARMACIST.username, 'not the password at all');
  const message = 'The username or password is incorrect. Check Caps Lock and try again.';
  await expect(page.getByRole('alert')).toHaveText(message);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
  await snap(page, '09-sign-in-wrong-password');
  await signIn(page, 'nobody-here', 'not the password at all');
  await expect(page.getByRole('alert')).toHaveText(message);
});

test('the demo pharmacy opens from the first-run screen, full of fictional work', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Just looking? Open the demo pharmacy' }).click();
  await page.getByLabel('Password', { exact: true }).fill('quiet river at noon');
  await page.getByLabel('Confirm password').fill('quiet river at noon');
  await page.getByRole('button', { name: 'Create the demo pharmacy' }).click();
  await expect(page.getByTestId('recovery-code')).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('I have printed or written down this code').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Reviews in progress/ })).toContainText(/[1-9]/);
  await expect(page.getByRole('button', { name: /Adherence outreach due/ })).toContainText(/[1-9]/);
  await expect(page.getByTestId('signed-in-user')).toContainText('Demo Pharmacist');
  await snap(page, '58-demo-today');
  await page.keyboard.press('Alt+p');
  await page.getByLabel('Find a patient').fill('Thimbleby');
  await expect(page.getByRole('row', { name: /THIMBLEBY/ }).first()).toBeVisible();
});
