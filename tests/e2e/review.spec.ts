import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, onFile, readyPharmacy, snap, test, type RunningServer } from './fixtures';

// A realistic CMR patient: hypertension, type 2 diabetes, dyslipidemia, heart failure therapy, with
// ten maintenance medicines filled twice each (the pharmacy's history, imported first).
const DRUGS = [
  'Lisinopril 20 mg tab',
  'Spironolactone 25 mg tab',
  'Atorvastatin 40 mg tab',
  'Metformin 500 mg tab',
  'Glipizide 5 mg tab',
  'Amlodipine 5 mg tab',
  'Levothyroxine 50 mcg tab',
  'Sertraline 50 mg tab',
  'Omeprazole 20 mg cap',
  'Donepezil 10 mg tab',
];
const ymd = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
const CSV = [
  'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,Drug Name,Qty,Days Supply,Cost',
  ...DRUGS.flatMap((d, i) =>
    [0, 1].map(
      (refill) =>
        `Castellanos-Whitby,Mercedes,09/30/1949,7100${i},${refill},${ymd(65 - refill * 30)},${d},30,30,110.00`,
    ),
  ),
].join('\n');

/** Why she takes each (the fills carry none), as she tells the pharmacist at step 1. */
const REASONS: Record<string, string> = {
  lisinopril: 'High blood pressure',
  spironolactone: 'Heart failure',
  atorvastatin: 'Cholesterol',
  metformin: 'Diabetes',
  glipizide: 'Diabetes',
  amlodipine: 'High blood pressure',
  levothyroxine: 'Thyroid',
  sertraline: 'Mood',
  omeprazole: 'Heartburn',
  donepezil: 'Memory',
};

/** The user's actions, counted: every click, choice and typed field on the way from the worklist to sign-off. */
function counted() {
  let n = 0;
  return {
    get count() {
      return n;
    },
    click: async (l: Locator) => {
      n++;
      return l.click();
    },
    fill: async (l: Locator, text: string) => {
      n++;
      return l.fill(text);
    },
    choose: async (l: Locator, option: string | { label: string }) => {
      n++;
      return l.selectOption(option);
    },
  };
}

/** The pharmacy before the counter: the fill history imported, the chart's conditions, the prescriber on file. */
async function cmrPatientOnFile(page: Page, server: RunningServer) {
  await readyPharmacy(page, server);
  await page.keyboard.press('Alt+i');
  await page
    .getByLabel('CSV export from your dispensing system')
    .setInputFiles({ name: 'fills.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByLabel(/Create the 1 missing patient/).check();
  await page.getByRole('button', { name: 'Import 20 fills' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 20 fills');
  const patient = (await onFile(page, 'patients:search', { query: 'Castellanos', limit: 5 })).patients[0]!;
  for (const code of ['I10', 'E11.9', 'E78.5']) await onFile(page, 'conditions:add', { patientId: patient.id, code });
  const year = new Date().getFullYear();
  const criteria = await onFile(page, 'eligibility:criteria', { contractYear: year });
  await onFile(page, 'eligibility:setCriteria', {
    contractYear: year,
    criteria: {
      minDiseases: criteria.minDiseases,
      minDrugs: criteria.minDrugs,
      diseases: criteria.diseases,
      costThreshold: 1623,
    },
  });
  await onFile(page, 'prescribers:create', {
    prescriber: {
      npi: '1245319599',
      firstName: 'Beatrice',
      lastName: 'Okonjo',
      credentials: 'MD',
      fax: '6145550134',
      preferredContact: 'fax',
    },
  });
  return patient;
}

/** The mouse walk's count of user actions, for the keyboard walk to print beside its own. */
let mouseActions: number | null = null;

test('a CMR for a 10-medication patient, from the patient’s page to a signed review that survives a reload', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const patient = await cmrPatientOnFile(page, server);
  const user = counted();
  // From the patient's page (where every worklist leads), counted from Start CMR.
  await page.evaluate((id) => (location.hash = `#/patients/${id}`), patient.id);
  await user.click(page.getByRole('button', { name: 'Start CMR' }));
  const heading = page.getByRole('heading', { name: /Comprehensive medication review/ });
  await expect(heading).toContainText('Draft');
  await user.click(page.getByRole('button', { name: 'Start review' }));
  await expect(heading).toContainText('In progress');

  // Step 1: the encounter and the reconciliation (one line differs; the rest as listed in one click).
  await user.choose(page.getByLabel('Delivered'), 'inPerson');
  await user.fill(
    page.getByLabel('CMR date'),
    new Date().toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' }),
  );
  const lines = page.getByRole('combobox', { name: /^How the patient takes/ });
  await expect(lines).toHaveCount(10);
  await user.choose(page.getByLabel('How the patient takes metformin'), 'differently');
  await user.fill(page.getByLabel('Note'), 'Takes one tablet a day, not two: stomach upset');
  await user.click(page.getByRole('button', { name: 'Mark the other 9 as taking as listed' }));
  await expect(page.getByRole('heading', { name: /Medication reconciliation/ })).toContainText('0 to resolve');
  // "Why I use it" prints on the medication list: a CMR is not signed while a medicine she takes has none.
  await expect(page.getByRole('button', { name: /1 Review/ })).not.toContainText('✓');
  for (const [medicine, reason] of Object.entries(REASONS)) {
    const field = page.getByLabel(`Why the patient uses ${medicine}`);
    await user.fill(field, reason);
    await field.press('Enter');
    await expect(field.locator('xpath=..')).toContainText('Why they use it: prints on the medication list');
  }
  await expect(page.getByRole('button', { name: /1 Review/ })).toContainText('✓');
  await snap(page, '46-review-step1');

  // Step 2: accept the checks' interaction finding, add a problem by hand, confirm the list.
  await user.click(page.getByRole('button', { name: 'Assessment →' }));
  await user.click(
    page
      .getByRole('article', { name: /: (lisinopril \+ spironolactone|spironolactone \+ lisinopril)$/ })
      .getByRole('button', { name: 'Accept as a problem' }),
  );
  await user.click(page.getByRole('button', { name: '+ Add a problem' }));
  await user.choose(page.getByLabel('Kind of problem'), 'nonadherence');
  // The medicines involved are picked from her list.
  await user.click(
    page.getByRole('group', { name: 'Medicines involved' }).getByRole('checkbox', { name: 'metformin', exact: true }),
  );
  await user.fill(
    page.getByLabel('What is the problem'),
    'Takes half the prescribed dose because of stomach upset; A1c 8.4%',
  );
  await user.click(page.getByRole('button', { name: 'Add problem' }));
  await expect(page.getByRole('region', { name: /Drug-therapy problems/ })).toContainText('2 open');
  await user.click(page.getByRole('button', { name: 'Confirm problem list' }));
  await expect(page.getByText(/Problem list confirmed by dwhitfield/)).toBeVisible();
  await snap(page, '47-review-step2');

  // Step 3: a prescriber recommendation and two action-plan items from the pharmacy's phrases, each about one
  // medicine, previewed in English and Spanish before saving.
  await user.click(page.getByRole('button', { name: 'Plan →' }));
  const interaction = page.getByRole('region', { name: /Plan for .*spironolactone/ });
  await user.click(interaction.getByRole('button', { name: '+ Add a recommendation' }));
  const reads = interaction.getByRole('region', { name: 'What the patient reads' });
  // No kind is chosen until the pharmacist chooses one; a typed letter picks nothing.
  await interaction.getByRole('radio', { name: 'Start' }).focus();
  await page.keyboard.press('s');
  await expect(interaction.getByRole('radio', { name: 'Start' })).not.toBeChecked();
  await expect(reads).toContainText('Choose the recommendation and its medicine');
  await user.click(interaction.getByRole('radio', { name: 'Monitor' }));
  // The problem names two medicines: the recommendation acts on one of them.
  await expect(reads).toContainText('Choose the medicine: the sentence names it.');
  await user.click(interaction.getByRole('radio', { name: 'spironolactone' }));
  await user.choose(interaction.getByLabel('Who acts'), 'prescriber');
  await user.choose(interaction.getByLabel('Prescriber', { exact: true }), { label: 'Beatrice Okonjo, MD' });
  await user.fill(
    interaction.getByLabel(/Recommendation in clinical words/),
    'Check serum potassium and creatinine; last results are over a year old',
  );
  await expect(reads.getByRole('group', { name: 'English' })).toContainText(
    'Checking how you are doing on spironolactone.',
  );
  await expect(reads.getByRole('group', { name: 'Spanish' })).toContainText('Revisar cómo le va con spironolactone.');
  await user.click(interaction.getByRole('button', { name: 'Save recommendation' }));
  await expect(interaction.getByText('What I need to do')).toBeVisible();
  await expect(interaction.locator('.plan-item .tag')).toHaveText('Monitor spironolactone');

  const metformin = page.getByRole('region', { name: 'Plan for metformin' });
  await user.click(metformin.getByRole('button', { name: '+ Add a recommendation' }));
  const sentence = metformin.getByRole('region', { name: 'What the patient reads' });
  // Start is for a medicine she does not take: metformin is refused before saving.
  await user.click(metformin.getByRole('radio', { name: 'Start' }));
  await user.fill(metformin.getByLabel('New medicine to start'), 'metformin');
  await expect(metformin.getByText(/metformin is already on the patient’s list/)).toBeVisible();
  await user.click(metformin.getByRole('radio', { name: 'Educate' }));
  // The problem's one medicine is chosen with it; the sentence is built from the action and that medicine.
  await expect(metformin.getByRole('radio', { name: 'metformin' })).toBeChecked();
  await user.fill(
    metformin.getByLabel(/Recommendation in clinical words/),
    'Take metformin with meals to limit stomach upset; discussed extended-release with patient',
  );
  await expect(sentence.getByRole('group', { name: 'English' })).toContainText(
    'Take metformin at the same time every day. A weekly pill box can help you remember.',
  );
  await expect(sentence.getByRole('group', { name: 'Spanish' })).toContainText(
    'Tome metformin a la misma hora todos los días. Un pastillero semanal le puede ayudar a acordarse.',
  );
  await snap(page, '48a-plan-preview');
  await user.click(metformin.getByRole('button', { name: 'Save recommendation' }));
  await expect(metformin.locator('.plan-item .map-item')).toContainText(
    'Take metformin at the same time every day. A weekly pill box can help you remember.',
  );
  await expect(metformin.locator('.plan-item .map-item')).toContainText(
    'Tome metformin a la misma hora todos los días.',
  );
  await expect(page.getByRole('button', { name: /3 Plan/ })).toContainText('✓');
  await snap(page, '48-review-step3');

  // Step 4: the recommendation goes to the prescriber by fax today, answer due in a week.
  await user.click(page.getByRole('button', { name: 'Intervention →' }));
  const okonjo = page.getByRole('region', { name: 'Communication to Beatrice Okonjo, MD' });
  await user.click(okonjo.getByRole('button', { name: 'Record as sent' }));
  await expect(okonjo).toContainText(/Sent by fax on \d\d\/\d\d\/\d{4} · answer due/);
  await snap(page, '49-review-step4');

  // Step 5: the drafted note, the quarterly follow-up, sign-off.
  await user.click(page.getByRole('button', { name: 'Documentation →' }));
  const note = page.getByRole('textbox', { name: 'SOAP note' });
  await expect(note).toHaveValue(/Monitor spironolactone \(problem 1\): Check serum potassium and creatinine/);
  await expect(page.getByRole('region', { name: 'Before you can sign' })).toContainText('The next follow-up date');
  await user.click(page.getByRole('button', { name: /^Use \d\d\/\d\d\/\d{4} \(in 3 months\)/ }));
  await expect(page.getByText('Everything is recorded. Sign and finalize below.')).toBeVisible();
  await snap(page, '50-review-step5');
  await user.click(page.getByRole('button', { name: 'Sign and finalize' }));
  await expect(heading).toContainText('Completed');
  await expect(page.getByRole('heading', { name: /Signed by Dana Whitfield, PharmD \(dwhitfield\)/ })).toBeVisible();
  console.log(`User actions from the patient’s page to a signed CMR: ${user.count}`);
  mouseActions = user.count;
  test.info().annotations.push({ type: 'user actions', description: String(user.count) });

  // Everything is still there after a reload, read-only.
  await page.reload();
  await expect(heading).toContainText('Completed');
  await expect(note).toHaveValue(/Follow-up: \d\d\/\d\d\/\d{4}\. Time spent/);
  await expect(note).toBeDisabled();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(okonjo).toContainText(/Sent by fax/);
  await expect(okonjo.getByLabel(/^Answer to: Check serum potassium/)).toBeEnabled();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('.map-item')).toHaveCount(2);
  await expect(page.getByRole('button', { name: '+ Add a recommendation' })).toHaveCount(0);
  await page.getByRole('button', { name: /1 Review/ }).click();
  await expect(page.getByLabel('How the patient takes metformin')).toHaveValue('differently');
  await expect(page.getByLabel('How the patient takes metformin')).toBeDisabled();

  // The written summary: previewed, saved as PDF (the real file), and the sent date recorded. Not before the pharmacy
  // has entered the days and hours, TTY and fax the Standardized Format's cover letter gives.
  await page.getByRole('button', { name: /5 Documentation/ }).click();
  await page.getByRole('button', { name: /^CMR summary \(English, the patient’s language\)/ }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Enter the pharmacy’s days and hours, TTY number and fax number before printing the CMR summary',
  );
  await onFile(page, 'settings:update', {
    documents: {
      hours: 'Mon–Fri 9 am–7 pm, Sat 9 am–1 pm',
      tty: '711',
      fax: '(216) 555-0199',
      fileNames: 'reference',
      takeBackSites: [
        { name: 'Lakewood Police Department', address: '12650 Detroit Ave, Lakewood, OH 44107', hours: '' },
      ],
    },
  });
  // A copy to the prescriber the review wrote to puts a cc: line on the cover letter.
  await page.getByRole('checkbox', { name: /A copy goes to .*Okonjo/ }).check();
  await snap(page, '51-summary-buttons');
  await page.getByRole('button', { name: /^CMR summary \(English, the patient’s language\)/ }).click();
  const preview = page.getByRole('dialog', { name: 'Preview: CMR summary (Standardized Format)' });
  await expect(preview).toContainText(/\d+ pages · English · CMR-summary-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.pdf/);
  await snap(page, '52-document-preview');
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as PDF' }).click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('MEDICATION ACTION PLAN FOR MERCEDES CASTELLANOS-WHITBY');
  expect(text).toContain('What I need to do: Take metformin at the same time every day.');
  expect(text).toContain('Mon–Fri 9 am–7 pm, Sat 9 am–1 pm, TTY 711');
  expect(text).toMatch(/cc: .*Okonjo/);
  expect(text).toContain('Form Approved OMB No. 0938-1154');
  expect(text).toContain('Lakewood Police Department, 12650 Detroit Ave, Lakewood, OH 44107');
  await expect(page.getByText(/Written summary given or sent on \d\d\/\d\d\/\d{4}/)).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();

  // Both languages, for a caregiver who reads Spanish: the pharmacist's English words are named before printing.
  await page.getByRole('button', { name: 'CMR summary in both languages' }).click();
  await expect(preview).toContainText(/\d+ pages · English and Spanish · /);
  await expect(preview.getByRole('status')).toContainText('Check before printing');
  await snap(page, '53-summary-both-languages');
  await preview.getByRole('button', { name: 'Close' }).click();
  // The pill card: one page, the day's times, from the same list.
  await page.getByRole('button', { name: 'Pill card' }).click();
  const card = page.getByRole('dialog', { name: 'Preview: Pill card' });
  await expect(card).toContainText(/1 page · English · pill-card-/);
  await snap(page, '54-pill-card');
  await card.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /1 Review/ }).click();
  await expect(page.getByLabel('Written summary sent')).toHaveValue(/\d\d\/\d\d\/\d{4}/);

  // The prescriber answers after sign-off; the Today screen has nothing open.
  await page.getByRole('button', { name: /4 Intervention/ }).click();
  await okonjo.getByLabel(/^Answer to: Check serum potassium/).selectOption('accepted');
  await expect(okonjo).toContainText(/\d\d\/\d\d\/\d{4} · dwhitfield/);
  await page.keyboard.press('Alt+d');
  await expect(page.getByRole('button', { name: /Reviews in progress/ })).toContainText('0');

  // The pharmacy's own phrase joins the list offered in the plan step.
  await page.keyboard.press('Alt+a');
  await page.getByRole('button', { name: '+ New phrase' }).click();
  await page.getByLabel('Recommendation').selectOption('monitor');
  await page.getByLabel('Name of the phrase').fill('Blood pressure log');
  await page.getByLabel('What we talked about').fill('Your blood pressure and {medicine}.');
  await page.getByLabel('What I need to do').fill('Check your blood pressure each morning and write it down.');
  await page.getByLabel('Lo que hablamos (Spanish)').fill('Su presión y {medicine}.');
  await page.getByLabel('Lo que tengo que hacer (Spanish)').fill('Tómese la presión cada mañana y anótela.');
  await page.getByRole('button', { name: 'Save phrase' }).click();
  await expect(page.getByRole('row', { name: /Blood pressure log/ })).toContainText(
    'Check your blood pressure each morning',
  );
  await snap(page, '51-phrases');

  // At the follow-up TMR the metformin problem is marked resolved: it needs no plan, the note says how.
  await page.evaluate((id) => (location.hash = `#/patients/${id}`), patient.id);
  await page.getByRole('button', { name: 'Start TMR' }).click();
  await page.getByRole('button', { name: 'Assessment →' }).click();
  const problems = page.getByRole('region', { name: /Drug-therapy problems/ });
  await expect(problems).toContainText('2 open');
  await problems.getByRole('button', { name: 'Resolved: metformin' }).click();
  await page
    .getByLabel('How it was resolved')
    .fill('Takes metformin with breakfast and supper; no stomach upset since');
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(problems).toContainText('1 open');
  await expect(problems.getByRole('row', { name: /metformin/ }).first()).toContainText(
    /Resolved \d\d\/\d\d\/\d{4} · dwhitfield/,
  );
  await snap(page, '58-problem-resolved');
  await page.getByRole('button', { name: 'Plan →' }).click();
  await expect(page.getByRole('region', { name: 'Plan for metformin' })).toContainText('No plan needed.');
  await page.getByRole('button', { name: /2 Assessment/ }).click();
  await problems.getByRole('button', { name: 'Reopen' }).click();
  await expect(problems).toContainText('2 open');
});

/**
 * The keyboard, counted: every key pressed (a typed text counts each of its characters). `tabTo` presses Tab (or
 * Shift+Tab) until the control has the focus, so the count is what a keyboard user would press.
 */
function keyed(page: Page) {
  let n = 0;
  let typed = 0;
  const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) {
      n++;
      await page.keyboard.press(key);
    }
  };
  return {
    get count() {
      return n;
    },
    /** Of the count, the characters of typed text (the rest are commands: Tab, Enter, arrows, shortcuts). */
    get typed() {
      return typed;
    },
    press,
    type: async (text: string) => {
      n += text.length;
      typed += text.length;
      await page.keyboard.type(text);
    },
    /** Tabs to the control; how many presses it took. */
    tabTo: async (target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
      await expect(target).toBeVisible();
      for (let i = 0; i < 120; i++) {
        if (await focused(target)) return i;
        await press(key);
      }
      throw new Error(`${key} never reached ${String(target)}`);
    },
    /** Arrow keys within a group (radios, a roving list) until the control has the focus. */
    arrowTo: async (target: Locator, key = 'ArrowDown') => {
      for (let i = 0; i < 20 && !(await focused(target)); i++) await press(key);
      await expect(target).toBeFocused();
    },
  };
}

test('the same CMR walked with the keyboard only, with the keys counted', async ({ page, server }) => {
  test.setTimeout(120_000);
  const patient = await cmrPatientOnFile(page, server);
  const keys = keyed(page);
  const focusedIs = (l: Locator) => expect(l).toBeFocused();

  // From the patient's page; the skip link is the first Tab stop of a new screen and jumps past the navigation.
  await page.evaluate((id) => (location.hash = `#/patients/${id}`), patient.id);
  await expect(page.getByRole('button', { name: 'Start CMR' })).toBeVisible();
  await keys.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await focusedIs(skip);
  await snap(page, '44-skip-link');
  await keys.press('Enter');
  await focusedIs(page.getByRole('main'));
  await keys.tabTo(page.getByRole('button', { name: 'Start CMR' }));
  await keys.press('Enter');
  const heading = page.getByRole('heading', { name: /Comprehensive medication review/ });
  await expect(heading).toContainText('Draft');
  // One Start button, which starts the timer too.
  await expect(page.getByRole('button', { name: /timer/ })).toHaveCount(0);
  await keys.press('Alt+s');
  await expect(heading).toContainText('In progress');
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible();

  // Step 1: the review opens on its first field.
  const delivered = page.getByLabel('Delivered');
  await focusedIs(delivered);
  await keys.press('ArrowDown');
  await expect(delivered).toHaveValue('inPerson');
  await keys.tabTo(page.getByLabel('CMR date'));
  await keys.type(new Date().toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' }));
  // All ten as listed at once (none differs between the sources), then metformin changed to how she takes it.
  await keys.tabTo(page.getByRole('button', { name: 'Mark the other 10 as taking as listed' }));
  await keys.press('Enter');
  await expect(page.getByRole('heading', { name: /Medication reconciliation/ })).toContainText('0 to resolve');
  // The button is gone: the focus is on the first reason to give, and Enter goes on to the next.
  const metformin = page.getByLabel('How the patient takes metformin');
  for (const [medicine, reason] of Object.entries(REASONS).sort(([a], [b]) => a.localeCompare(b))) {
    await keys.tabTo(page.getByLabel(`Why the patient uses ${medicine}`));
    await keys.type(reason);
    if (medicine !== 'metformin') {
      await keys.press('Enter');
      continue;
    }
    await keys.press('Tab');
    await focusedIs(metformin);
    await keys.press('ArrowDown');
    await expect(metformin).toHaveValue('differently');
    await keys.press('Tab');
    await focusedIs(page.getByLabel('Note'));
    await keys.type('Takes one tablet a day, not two: stomach upset');
    await keys.press('Tab');
  }
  await expect(page.getByRole('button', { name: /1 Review/ })).toContainText('✓');

  // Step 2: the step opens on the first finding's Accept.
  await keys.press('Alt+ArrowRight');
  const accept = page
    .getByRole('article', { name: /: (lisinopril \+ spironolactone|spironolactone \+ lisinopril)$/ })
    .getByRole('button', { name: 'Accept as a problem' });
  await expect(page.locator('.finding button.primary').first()).toBeFocused();
  const tabsToAccept = await keys.tabTo(accept);
  console.log(`Tabs to the first Accept on Assessment: 0 (focus lands on it); to the interaction's: ${tabsToAccept}`);
  await snap(page, '47k-assessment-focus');
  await keys.press('Alt+Enter');
  const problems = page.getByRole('region', { name: /Drug-therapy problems/ });
  await expect(problems).toContainText('1 open');
  // The accepted card is gone; the focus went on to the next finding, not to the page body.
  await expect(page.locator('.finding :focus')).toHaveCount(1);
  await keys.tabTo(page.getByRole('button', { name: '+ Add a problem' }));
  await keys.press('Enter');
  const kind = page.getByLabel('Kind of problem');
  await focusedIs(kind);
  await keys.type('no');
  await expect(kind).toHaveValue('nonadherence');
  const picker = page.getByRole('group', { name: 'Medicines involved' });
  await keys.tabTo(picker.getByRole('checkbox').first());
  await keys.arrowTo(picker.getByRole('checkbox', { name: 'metformin', exact: true }));
  await keys.press('Space');
  await keys.tabTo(page.getByLabel('What is the problem'));
  await keys.type('Takes half the prescribed dose because of stomach upset; A1c 8.4%');
  await keys.press('Enter');
  await expect(problems).toContainText('2 open');
  await keys.tabTo(page.getByRole('button', { name: 'Confirm problem list' }));
  await keys.press('Enter');
  await expect(page.getByText(/Problem list confirmed by dwhitfield/)).toBeVisible();

  // Step 3: the step opens on the first problem without a plan; the form on its first kind of recommendation.
  await keys.press('Alt+ArrowRight');
  const interaction = page.getByRole('region', { name: /Plan for .*spironolactone/ });
  await focusedIs(interaction.getByRole('button', { name: '+ Add a recommendation' }));
  await keys.press('Enter');
  await focusedIs(interaction.getByRole('radio', { name: 'Start' }));
  await keys.arrowTo(interaction.getByRole('radio', { name: 'Monitor' }));
  await keys.press('Tab');
  await keys.arrowTo(interaction.getByRole('radio', { name: 'spironolactone' }));
  await keys.tabTo(interaction.getByLabel('Who acts'));
  await keys.press('ArrowDown');
  await expect(interaction.getByLabel('Who acts')).toHaveValue('prescriber');
  await keys.press('Tab');
  await keys.press('ArrowDown');
  await expect(interaction.getByLabel('Prescriber', { exact: true })).toHaveValue(/./);
  await keys.tabTo(interaction.getByLabel(/Recommendation in clinical words/));
  await keys.type('Check serum potassium and creatinine; last results are over a year old');
  await keys.press('Alt+Enter');
  await expect(interaction.locator('.plan-item .tag')).toHaveText('Monitor spironolactone');
  const forMetformin = page.getByRole('region', { name: 'Plan for metformin' });
  await focusedIs(forMetformin.getByRole('button', { name: '+ Add a recommendation' }));
  await keys.press('Enter');
  await keys.arrowTo(forMetformin.getByRole('radio', { name: 'Educate' }));
  await expect(forMetformin.getByRole('radio', { name: 'metformin' })).toBeChecked();
  await keys.tabTo(forMetformin.getByLabel(/Recommendation in clinical words/));
  await keys.type('Take metformin with meals to limit stomach upset; discussed extended-release with patient');
  await keys.press('Alt+Enter');
  await expect(forMetformin.locator('.plan-item .map-item')).toContainText(
    'Take metformin at the same time every day.',
  );
  await expect(page.getByRole('button', { name: /3 Plan/ })).toContainText('✓');

  // Step 4: the recommendation goes to the prescriber.
  await keys.press('Alt+ArrowRight');
  const okonjo = page.getByRole('region', { name: 'Communication to Beatrice Okonjo, MD' });
  await keys.tabTo(okonjo.getByRole('button', { name: 'Record as sent' }));
  await keys.press('Enter');
  await expect(okonjo).toContainText(/Sent by fax on \d\d\/\d\d\/\d{4}/);

  // Step 5: the follow-up the step offers, then sign-off.
  await keys.press('Alt+ArrowRight');
  await keys.tabTo(page.getByRole('button', { name: /^Use \d\d\/\d\d\/\d{4} \(in 3 months\)/ }));
  await keys.press('Enter');
  await expect(page.getByText('Everything is recorded. Sign and finalize below.')).toBeVisible();
  await keys.tabTo(page.getByRole('button', { name: 'Sign and finalize' }));
  await keys.press('Enter');
  await expect(heading).toContainText('Completed');
  await expect(page.getByRole('heading', { name: /Signed by Dana Whitfield, PharmD \(dwhitfield\)/ })).toBeVisible();
  console.log(`CMR walk: mouse ${mouseActions ?? '(not run)'} actions, keyboard ${keys.count} keys`);
  console.log(`  keyboard: ${keys.typed} characters of typed text, ${keys.count - keys.typed} other keys`);
  test.info().annotations.push({ type: 'keys', description: String(keys.count) });
});

test('what step 1 learns carries forward: a difference becomes a problem, a reported medicine joins the list, the plan’s prescriber is the medicine’s', async ({
  page,
  server,
}) => {
  await readyPharmacy(page, server);
  // Filled here as 500 mg; the patient's list (from her prescriber) says 1000 mg.
  await page.keyboard.press('Alt+i');
  await page.getByLabel('CSV export from your dispensing system').setInputFiles({
    name: 'fills.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,Drug Name,Strength,Qty,Days Supply,Cost',
        `Castellanos-Whitby,Mercedes,09/30/1949,71003,0,${ymd(20)},Metformin 500 mg tab,500 mg,60,30,12.00`,
      ].join('\n'),
    ),
  });
  await page.getByLabel(/Create the 1 missing patient/).check();
  await page.getByRole('button', { name: 'Import 1 fill' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 1 fill');
  const patient = (await onFile(page, 'patients:search', { query: 'Castellanos', limit: 5 })).patients[0]!;
  const okonjo = await onFile(page, 'prescribers:create', {
    prescriber: { npi: '1245319599', firstName: 'Beatrice', lastName: 'Okonjo', credentials: 'MD', fax: '6145550134' },
  });
  await onFile(page, 'medications:add', {
    patientId: patient.id,
    medication: {
      product: 'Metformin',
      strength: '1000 mg',
      kind: 'rx',
      source: 'patientReported',
      indication: 'Diabetes',
      prescriberId: okonjo.id,
    },
  });
  const review = await onFile(page, 'reviews:create', { patientId: patient.id, type: 'cmr' });
  await page.evaluate((id) => (location.hash = `#/reviews/${id}`), review.id);
  await page.getByRole('button', { name: 'Start review' }).click();

  // The difference offers a problem, prefilled with the medicine and what differs.
  const row = page.getByRole('row', { name: /metformin/ });
  await expect(row).toContainText('Differs');
  await snap(page, '46b-step1-difference');
  await row.getByRole('button', { name: 'Record as a problem' }).click();
  const form = page.getByRole('form', { name: 'Add a drug-therapy problem' });
  await expect(form.getByRole('checkbox', { name: 'metformin', exact: true })).toBeChecked();
  await expect(form.getByLabel('What is the problem')).toHaveValue(
    /^Medication reconciliation: strength: 1000 mg \(Patient reported\) vs 500 mg \(Our pharmacy fills\)/,
  );
  await form.getByLabel('Kind of problem').selectOption('doseTooHigh');
  // A medicine she reports, added without leaving the review.
  await page.getByRole('button', { name: '+ Add a medicine' }).click();
  const add = page.getByRole('form', { name: 'Add a medicine' });
  await add.getByLabel('Medicine', { exact: true }).fill('Ibuprofen');
  await add.getByLabel('Kind').selectOption('otc');
  await add.getByLabel('Strength').fill('200 mg');
  await add.getByLabel('How I use it').fill('Take 2 tablets by mouth when her knees ache');
  await snap(page, '46c-step1-carry-forward');
  await add.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByRole('combobox', { name: 'How the patient takes ibuprofen' })).toBeVisible();
  await form.getByRole('button', { name: 'Add problem' }).click();
  await expect(row).toContainText('On the problem list: metformin');

  // The problem's medicines are picked from the list: ibuprofen is there now.
  await page.getByRole('button', { name: 'Assessment →' }).click();
  await page.getByRole('button', { name: '+ Add a problem' }).click();
  await expect(
    page.getByRole('group', { name: 'Medicines involved' }).getByRole('checkbox', { name: 'ibuprofen', exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The recommendation's prescriber is the one who prescribes the medicine.
  await page.getByRole('button', { name: 'Plan →' }).click();
  const plan = page.getByRole('region', { name: 'Plan for metformin' });
  await plan.getByRole('button', { name: '+ Add a recommendation' }).click();
  await plan.getByRole('radio', { name: 'Change dose' }).check();
  await expect(plan.getByLabel('Who acts')).toHaveValue('prescriber');
  await expect(plan.getByLabel('Prescriber', { exact: true })).toHaveValue(okonjo.id);
  await expect(plan.getByText('Prescribes metformin')).toBeVisible();
});
