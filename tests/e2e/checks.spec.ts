import { expect, readyPharmacy, snap, test } from './fixtures';

test('clinical checks on the patient screen: interactions and duplication found, explained, cited, and dismissed with a reason', async ({ page, server }) => {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+n');
  await page.getByLabel('First name').fill('Iris');
  await page.getByLabel('Last name').fill('Vandermolen');
  await page.getByLabel('Date of birth').fill('03/03/1942');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('No known allergies (asked and confirmed)').check();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: /Clinical checks/ })).toContainText('nothing to review');

  const add = async (typed: string, pick: boolean) => {
    await page.getByRole('button', { name: '+ Add medicine' }).click();
    const medicine = page.getByLabel('Medicine', { exact: true });
    await medicine.fill(typed);
    if (pick) {
      await expect(page.getByRole('option').first()).toBeVisible();
      await medicine.press('Enter');
    }
    await page.getByRole('button', { name: 'Add to list' }).click();
    await expect(page.getByRole('button', { name: '+ Add medicine' })).toBeVisible();
  };
  await add('jantoven', true); // brand → warfarin, coded
  await add('Advil 200 mg', false); // free text, recognised by brand
  await add('naproxen', true);
  await add('Grandma’s tonic', false);
  await expect(page.getByRole('row', { name: /Grandma’s tonic/ })).toContainText('Uncoded');

  const checks = page.getByRole('region', { name: /Clinical checks/ }).or(page.locator('section.checks-panel'));
  await expect(checks.getByRole('heading', { name: /Clinical checks/ })).toContainText('3 to review');
  const pair = page.getByRole('article', { name: 'Major: warfarin + ibuprofen' });
  await expect(pair).toContainText('Suggested action: Suggest acetaminophen for pain');
  await expect(pair).toContainText('COUMADIN (warfarin sodium) FDA prescribing information');
  await expect(page.getByText(/not checked, not in the drug list: Grandma’s tonic/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Major: ibuprofen + naproxen' })).toContainText('Unnecessary drug therapy');
  await snap(page, '40-clinical-checks');

  const dup = page.getByRole('article', { name: 'Major: ibuprofen + naproxen' });
  await dup.getByRole('button', { name: 'Dismiss…' }).click();
  await dup.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(dup.getByText('Say why this does not apply to the patient')).toBeVisible();
  await dup.getByLabel('Why this does not apply').fill('Patient stopped Advil today; naproxen only');
  await dup.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(checks.getByRole('heading', { name: /Clinical checks/ })).toContainText('2 to review');
  await page.getByRole('button', { name: /1 dismissed/ }).click();
  await expect(page.getByText('Patient stopped Advil today; naproxen only — dwhitfield')).toBeVisible();

  // A genetic test result from the lab report: CPIC's warfarin pair shows up.
  await page.getByRole('button', { name: '+ Add result' }).click();
  await page.getByLabel('Gene', { exact: true }).selectOption('CYP2C9');
  await page.getByLabel('Result', { exact: true }).selectOption('Poor metabolizer');
  await page.getByLabel('Date tested').fill('05/05/2025');
  await page.getByRole('button', { name: 'Add result' }).click();
  await expect(page.getByRole('row', { name: /CYP2C9 Poor metabolizer/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Moderate: warfarin: CYP2C9 poor metabolizer' })).toContainText('Johnson JA, et al. Clinical Pharmacogenetics Implementation Consortium');
  await expect(checks.getByRole('heading', { name: /Clinical checks/ })).toContainText('3 to review');
  await page.getByRole('article', { name: 'Moderate: warfarin: CYP2C9 poor metabolizer' }).getByRole('button', { name: 'Accept as a problem' }).click();
  await expect(checks.getByRole('heading', { name: /Clinical checks/ })).toContainText('2 to review');
  await expect(page.getByText(/warfarin: CYP2C9 poor metabolizer — Dosage too high \(moderate\), by dwhitfield/)).toBeVisible();
  await snap(page, '42-pharmacogenomics');

  // The same findings across the pharmacy, on the worklist.
  await page.keyboard.press('Alt+w');
  const serious = page.getByRole('region', { name: /Serious interactions/ });
  await expect(serious.getByRole('row', { name: /Vandermolen, Iris/ })).toContainText('warfarin + ibuprofen · warfarin + naproxen');
  await snap(page, '41-check-worklist');
  await serious.getByRole('row', { name: /Vandermolen, Iris/ }).click();
  await expect(page.getByRole('heading', { name: /Clinical checks/ })).toContainText('2 to review');
});

