import { expect, onFile, readyPharmacy, snap, test } from './fixtures';

test('clinical checks on the patient screen: interactions and duplication found, explained, cited, and dismissed with a reason', async ({
  page,
  server,
}) => {
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
  const heading = checks.getByRole('heading', { name: /Clinical checks/ });
  const toReview = async () => Number(/(\d+) to review/.exec((await heading.textContent()) ?? '')?.[1] ?? 0);
  await expect(heading).toContainText(/\d+ to review/);
  const pair = page.getByRole('article', { name: 'Major: warfarin + ibuprofen' });
  await expect(pair).toContainText('Suggested action: Recommend acetaminophen or a topical NSAID');
  await expect(pair).toContainText('Coumadin (warfarin sodium) tablets, FDA prescribing information');
  // The Beers table names the same pair: one finding, both sources cited.
  await expect(pair).toContainText('Also: AGS Beers Criteria 2023');
  // What could not be checked is said, so a quiet panel never reads as "nothing wrong".
  const notChecked = page.getByRole('status', { name: 'What could not be checked' });
  await expect(notChecked).toContainText('1 product not recognised, so not checked: Grandma’s tonic.');
  await expect(notChecked).toContainText('No conditions recorded');
  await expect(page.getByRole('article', { name: 'Major: ibuprofen + naproxen' })).toContainText(
    'Adverse drug reaction',
  );
  await snap(page, '40-clinical-checks');

  const before = await toReview();
  const dup = page.getByRole('article', { name: 'Major: ibuprofen + naproxen' });
  await dup.getByRole('button', { name: 'Dismiss…' }).click();
  await dup.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(dup.getByText('Say why this does not apply to the patient')).toBeVisible();
  await dup.getByLabel('Why this does not apply').fill('Patient stopped Advil today; naproxen only');
  await dup.getByRole('button', { name: 'Dismiss finding' }).click();
  await expect(heading).toContainText(`${before - 1} to review`);
  await page.getByRole('button', { name: /1 dismissed/ }).click();
  await expect(page.getByText('Patient stopped Advil today; naproxen only — dwhitfield')).toBeVisible();

  // A genetic test result from the lab report: CPIC's warfarin pair shows up.
  await page.getByRole('button', { name: '+ Add result' }).click();
  await page.getByLabel('Gene', { exact: true }).selectOption('CYP2C9');
  await page.getByLabel('Result', { exact: true }).selectOption('Poor metabolizer');
  await page.getByLabel('Date tested').fill('05/05/2025');
  await page.getByRole('button', { name: 'Add result' }).click();
  await expect(page.getByRole('row', { name: /CYP2C9 Poor metabolizer/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Moderate: warfarin: CYP2C9 poor metabolizer' })).toContainText(
    'Johnson JA, et al. Clinical Pharmacogenetics Implementation Consortium',
  );
  await expect(heading).toContainText(`${before} to review`);
  await page
    .getByRole('article', { name: 'Moderate: warfarin: CYP2C9 poor metabolizer' })
    .getByRole('button', { name: 'Accept as a problem' })
    .click();
  await expect(heading).toContainText(`${before - 1} to review`);
  await expect(
    page.getByText(/warfarin: CYP2C9 poor metabolizer — Dosage too high \(moderate\), by dwhitfield/),
  ).toBeVisible();
  await snap(page, '42-pharmacogenomics');

  // The same findings across the pharmacy, on the worklist.
  await page.keyboard.press('Alt+w');
  const serious = page.getByRole('region', { name: /Serious findings/ });
  await expect(serious.getByRole('row', { name: /Vandermolen, Iris/ })).toContainText('warfarin + ibuprofen');
  await expect(serious.getByRole('row', { name: /Vandermolen, Iris/ })).toContainText('03/03/1942');
  await snap(page, '41-check-worklist');
  await serious.getByRole('row', { name: /Vandermolen, Iris/ }).click();
  await expect(page.getByRole('heading', { name: /Clinical checks/ })).toContainText(`${before - 1} to review`);
});

test('a busy older patient: what the checks find, what is deliberate, and what could not be checked', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  const p = await onFile(page, 'patients:create', {
    patient: { firstName: 'Agnes', lastName: 'Pemberton', dateOfBirth: '1944-02-11', sex: 'female', allergies: [] },
  });
  const medicines: [string, string, string, 'rx' | 'otc' | 'supplement'][] = [
    ['Eliquis 5 mg', '5 mg', '1 po bid', 'rx'],
    ['aspirin 81 mg', '81 mg', '1 po daily', 'otc'],
    ['clopidogrel 75 mg', '75 mg', '1 po daily', 'rx'],
    ['metoprolol succ ER 50', '50 mg', '1 po daily', 'rx'],
    ['furosemide 40 mg', '40 mg', '1 po daily', 'rx'],
    ['spironolactone 25 mg', '25 mg', '1 po daily', 'rx'],
    ['lisinopril 10 mg', '10 mg', '1 po daily', 'rx'],
    ['glipizide 10 mg', '10 mg', '1 po bid', 'rx'],
    ['gabapentin 300 mg', '300 mg', '1 po tid', 'rx'],
    ['Benadryl 25 mg', '25 mg', '1 po qhs prn sleep', 'otc'],
    ['omeprazole 20 mg', '20 mg', '1 po daily', 'otc'],
    ['vit D3 2000', '2000 IU', '1 po daily', 'supplement'],
    ['Grandma’s tonic', '', 'UD', 'supplement'],
  ];
  for (const [product, strength, sig, kind] of medicines) {
    await onFile(page, 'medications:add', {
      patientId: p.id,
      medication: { product, kind, sig, source: 'patientReported', ...(strength ? { strength } : {}) },
    });
  }
  for (const code of ['I48.91', 'I50.22', 'E11.9', 'Z91.81', 'N18.4'])
    await onFile(page, 'conditions:add', { patientId: p.id, code });
  for (const [type, value] of [
    ['scr', 2.1],
    ['weight', 58],
    ['potassium', 5.1],
  ] as const)
    await onFile(page, 'labs:add', { patientId: p.id, type, value, takenOn: new Date().toLocaleDateString('en-CA') });
  await page.evaluate((id) => (location.hash = `#/patients/${id}`), p.id);
  const heading = page.getByRole('heading', { name: /Clinical checks/ });
  await expect(heading).toContainText(/\d+ to review/);
  // At 82 with a creatinine clearance near 19 mL/min: kidney dosing, Beers and the interactions all speak.
  await expect(
    page.getByRole('article', { name: /spironolactone: creatinine clearance 1\d mL\/min/ }).first(),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: /diphenhydramine at age 82/ })).toBeVisible();
  await expect(page.getByRole('article', { name: /gabapentin: creatinine clearance/ }).first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'What could not be checked' })).toContainText('Grandma’s tonic');
  await snap(page, '43-checks-busy-older-patient');
});
