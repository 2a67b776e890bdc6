import { billingOnFile, expect, onFile, readyPharmacy, snap, test } from './fixtures';

const today = new Date().toISOString().slice(0, 10);

test('signing with the prescriber’s answer pending: the fax recorded when saved, the minutes confirmed, corrected by addendum, and billing follows', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  // On file already: billing set-up, the pharmacy's fax, and a CMR with everything recorded but the fax.
  await billingOnFile(page, [{ name: 'Buckeye Senior Rx', payerId: 'BSRX1' }]);
  await onFile(page, 'settings:update', {
    documents: { hours: 'Mon–Fri 9 am–7 pm', tty: '711', fax: '(614) 555-0199', fileNames: 'reference' },
  });
  const patient = await onFile(page, 'patients:create', {
    patient: {
      firstName: 'Wendell',
      lastName: 'Achterberg',
      dateOfBirth: '1948-06-02',
      sex: 'male',
      noKnownAllergies: true,
      address: { line1: '75 Poplar Ave', city: 'Columbus', state: 'OH', zip: '43204' },
      partD: { planName: 'Buckeye Senior Rx', contractId: 'S5810', memberId: 'BSR-99120' },
    },
  });
  await onFile(page, 'conditions:add', { patientId: patient.id, code: 'E11.9' });
  await onFile(page, 'medications:add', {
    patientId: patient.id,
    medication: {
      product: 'Glipizide',
      strength: '10 mg',
      indication: 'Diabetes',
      kind: 'rx',
      source: 'patientReported',
    },
  });
  const doctor = await onFile(page, 'prescribers:create', {
    prescriber: { npi: '1245319599', firstName: 'Beatrice', lastName: 'Okonjo', credentials: 'MD', fax: '6145550134' },
  });
  const low = await onFile(page, 'problems:add', {
    patientId: patient.id,
    category: 'doseTooHigh',
    severity: 'moderate',
    title: 'glipizide',
    description: 'Two low sugars this month',
  });
  let r = await onFile(page, 'reviews:create', { patientId: patient.id, type: 'cmr' });
  r = await onFile(page, 'reviews:act', { id: r.id, version: r.version, action: 'start' });
  r = await onFile(page, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: { deliveryMethod: 'inPerson', cmrDate: today, problemsConfirmed: true },
  });
  for (const line of r.reconciliation)
    r = await onFile(page, 'reviews:resolveLine', {
      id: r.id,
      version: r.version,
      lineKey: line.key,
      resolution: 'asListed',
    });
  r = await onFile(page, 'reviews:saveRecommendation', {
    id: r.id,
    version: r.version,
    recommendation: {
      problemId: low.id,
      action: 'changeDose',
      actor: 'prescriber',
      prescriberId: doctor.id,
      medicine: 'glipizide',
      detail: 'Consider glipizide 5 mg daily; two readings under 70 this month',
    },
  });
  r = await onFile(page, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: { followUpDate: r.suggestedFollowUp, currentStep: 5 },
  });

  // Step 5: nothing holds up signing; the fax not sent yet is a reminder, and the minutes come from the timer.
  await page.goto(`${page.url().split('#')[0]}#/reviews/${r.id}`);
  await expect(page.getByText('Everything is recorded. Sign and finalize below.')).toBeVisible();
  const reminders = page.getByRole('region', { name: 'Worth recording before you sign' });
  await expect(reminders).toContainText('The recommendations for Beatrice Okonjo, MD are not recorded as sent yet');
  const minutes = page.getByRole('textbox', { name: 'Face-to-face minutes' });
  await expect(minutes).toHaveValue('1');
  // The step opens on the minutes to confirm, not on the button that signs.
  await expect(minutes).toBeFocused();
  await expect(page.getByText(/The timer has counted 0 min since the review started/)).toBeVisible();
  await snap(page, 'sign-off-minutes');

  // The fax, saved as a PDF for the e-fax service before signing: no DRAFT, and recorded as sent.
  await page.getByRole('button', { name: 'Fax to Beatrice Okonjo, MD' }).click();
  const preview = page.getByRole('dialog', { name: 'Preview: Fax to Beatrice Okonjo, MD' });
  await expect(preview).not.toContainText('DRAFT');
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as PDF' }).click();
  await download;
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(reminders).toHaveCount(0);

  // Signed at 4 minutes (as the timer was, say): the face-to-face time was longer, and nothing bills at 4.
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Sign and finalize' }).click();
  await expect(page.getByText('At least 1 minute: enter the time spent with the patient')).toBeVisible();
  await minutes.fill('4');
  await minutes.press('Enter');
  await expect(page.getByRole('heading', { name: /Signed by Dana Whitfield, PharmD \(dwhitfield\)/ })).toBeVisible();
  // The focus is on the next thing to do: the patient's summary.
  await expect(page.getByRole('button', { name: /^CMR summary \(English, the patient’s language\)/ })).toBeFocused();
  await expect(page.getByText('Face-to-face: 4 min')).toBeVisible();
  await page.getByLabel('Bill to').selectOption({ label: 'Buckeye Senior Rx' });
  await expect(page.getByRole('region', { name: 'Billing' })).toContainText('Nothing to bill');

  // Corrected by a dated addendum, with the reason; billing follows.
  await page.getByRole('button', { name: 'Correct the minutes' }).click();
  const correction = page.getByRole('form', { name: 'Correct the face-to-face minutes' });
  await correction.getByRole('textbox', { name: 'Face-to-face minutes' }).fill('32');
  await correction.getByRole('button', { name: 'Save the correction' }).click();
  await expect(correction.getByText('Say why the minutes change')).toBeVisible();
  await correction
    .getByRole('textbox', { name: 'Why the minutes change' })
    .fill('Timer started late: the patient was seen from 10:05 to 10:37');
  await correction.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByText('Face-to-face: 32 min')).toBeVisible();
  await expect(
    page.getByText(/Minutes corrected · \d\d\/\d\d\/\d{4} .* Dana Whitfield, PharmD \(dwhitfield\)/),
  ).toBeVisible();
  await expect(page.getByText('4 → 32 min face to face.')).toBeVisible();
  await expect(page.getByLabel('Bill to')).toBeFocused();
  await page.getByLabel('Bill to').selectOption({ label: 'Buckeye Senior Rx' });
  await expect(page.getByLabel('Claim preview')).toContainText('32 minutes = 2 units');
  await snap(page, 'minutes-addendum');
  await page.getByRole('button', { name: 'Create claim' }).click();
  const billing = page.getByRole('region', { name: 'Billing' });
  await expect(billing.getByRole('row')).toContainText(['Draft']);

  // Corrected again once the draft claim exists: the claim says it was coded from other minutes, and the focus is on
  // voiding it and coding the review again.
  await page.getByRole('button', { name: 'Correct the minutes' }).click();
  await correction.getByRole('textbox', { name: 'Face-to-face minutes' }).fill('21');
  await correction
    .getByRole('textbox', { name: 'Why the minutes change' })
    .fill('The last 11 minutes were spent on the phone with the plan, not with the patient');
  await correction.getByRole('button', { name: 'Save the correction' }).click();
  await expect(billing).toContainText(/Claim \S+ was coded from 32 minutes; the review now bills 21 minutes\./);
  const recode = billing.getByRole('button', { name: /^Void \S+ and code it again$/ });
  await expect(recode).toBeFocused();
  await snap(page, 'minutes-addendum-claim-flagged');
  await page.keyboard.press('Enter');
  await expect(billing.getByRole('row')).toContainText(['Voided']);
  await expect(page.getByLabel('Claim preview')).toContainText('21 minutes = 1 unit');

  // The prescriber's answer comes after sign-off, on step 4.
  await page.getByRole('button', { name: /4 Intervention/ }).click();
  const okonjo = page.getByRole('region', { name: 'Communication to Beatrice Okonjo, MD' });
  await expect(okonjo).toContainText(/Awaiting the answer Sent by fax on \d\d\/\d\d\/\d{4} · answer due/);
  await okonjo.getByLabel(/^Answer to: Consider glipizide/).selectOption('accepted');
  await expect(okonjo).toContainText('Answered');
  await snap(page, 'communication-answered');
});
