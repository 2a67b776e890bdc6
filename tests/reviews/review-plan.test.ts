import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import { DEFAULT_PHRASES, fillPhrase, RECOMMENDATION_ACTIONS, type Review } from '../../preload/schemas/reviews';
import { addTechnician, call, daysAgo, newPharmacy, signInAsTechnician } from '../helpers/temp-pharmacy';
import { startedReview } from '../helpers/sample-review';

type Session = Awaited<ReturnType<typeof newPharmacy>>['session'];

/**
 * A patient with two problems on the list, the medicines they name on her list (with the reasons she takes them)
 * and a prescriber, and a started CMR with step 1 done.
 */
async function cmrWithProblems() {
  const { session } = await newPharmacy();
  const p = await call(session, 'patients:create', {
    patient: {
      firstName: 'Amara',
      lastName: "O'Neill-Báez",
      dateOfBirth: '1950-02-11',
      sex: 'female',
      noKnownAllergies: true,
    },
  });
  for (const [product, strength, indication] of [
    ['Ibuprofen', '400 mg', 'Knee pain'],
    ['Warfarin', '5 mg', 'Atrial fibrillation'],
    ['Atorvastatin', '40 mg', 'Cholesterol'],
  ] as const)
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product, strength, indication, kind: 'rx', source: 'patientReported' },
    });
  const doctor = await call(session, 'prescribers:create', {
    prescriber: { npi: '1245319599', firstName: 'Beatrice', lastName: 'Okonjo', credentials: 'MD', fax: '2165550134' },
  });
  const nsaid = await call(session, 'problems:add', {
    patientId: p.id,
    category: 'adverseReaction',
    severity: 'major',
    title: 'ibuprofen + warfarin',
    description: 'Takes ibuprofen for knee pain while on warfarin',
  });
  const statin = await call(session, 'problems:add', {
    patientId: p.id,
    category: 'nonadherence',
    severity: 'moderate',
    title: 'atorvastatin',
    description: 'Skips doses when she feels well',
  });
  const r = await startedReview(session, p.id, 'cmr', {
    deliveryMethod: 'inPerson',
    cmrDate: daysAgo(0),
    cmrOfferedDate: daysAgo(0),
    cmrOfferedMethod: 'inPerson',
    concerns: 'Knee pain at night',
  });
  return { session, patientId: p.id, doctor, nsaid, statin, r };
}

/** The action-plan item of MTM Desk's first wording for an action, for one medicine, in both languages. */
function item(action: (typeof RECOMMENDATION_ACTIONS)[number], medicine: string | null) {
  const p = DEFAULT_PHRASES.find((x) => x.action === action)!;
  return {
    talkedAbout: fillPhrase(p.talkedAbout, medicine, 'en'),
    toDo: fillPhrase(p.toDo, medicine, 'en'),
    talkedAboutEs: fillPhrase(p.talkedAboutEs, medicine, 'es'),
    toDoEs: fillPhrase(p.toDoEs, medicine, 'es'),
  };
}

const recommend = (session: Session, r: Review, recommendation: Record<string, unknown>) =>
  dispatch(session, 'reviews:saveRecommendation', { id: r.id, version: r.version, recommendation });
const messages = (r: Review) => r.missing.map((m) => `${m.step}: ${m.message}`);

describe('review plan, intervention and sign-off', () => {
  it('keeps a problem resolved during the review on its list, needing no plan, with how it was resolved in the note', async () => {
    const { session, statin, r: start } = await cmrWithProblems();
    await call(session, 'problems:resolve', {
      id: statin.id,
      resolvedOn: daysAgo(0),
      resolution: 'Takes it every evening now with her pill box',
    });
    const r = await call(session, 'reviews:get', { id: start.id });
    expect(r.problems.map((p) => `${p.title}: ${p.status}`)).toEqual([
      'ibuprofen + warfarin: open',
      'atorvastatin: resolved',
    ]);
    expect(messages(r)).toEqual([
      '2: Confirm the drug-therapy problem list',
      '3: Problem "ibuprofen + warfarin" has no plan',
      '5: The next follow-up date',
    ]);
    expect(r.soapNote).toContain('atorvastatin — Nonadherence, moderate: Skips doses when she feels well — resolved');
    expect(r.soapNote).toContain('Takes it every evening now with her pill box');
    await session.signOut();
  });

  it('plans each problem, groups prescriber recommendations, and finalizes only when nothing is missing', async () => {
    const { session, patientId, doctor, nsaid, statin, r: start } = await cmrWithProblems();
    let r = start;
    expect(messages(r)).toEqual([
      '2: Confirm the drug-therapy problem list',
      '3: Problem "ibuprofen + warfarin" has no plan',
      '3: Problem "atorvastatin" has no plan',
      '5: The next follow-up date',
    ]);
    r = await call(session, 'reviews:update', { id: r.id, version: r.version, changes: { problemsConfirmed: true } });
    expect(r.problemsConfirmed).toMatchObject({ by: 'pharmacist1' });

    // Bad plans are refused with the field to fix, and change nothing.
    expect(
      await recommend(session, r, {
        problemId: nsaid.id,
        action: 'stop',
        actor: 'prescriber',
        medicine: 'ibuprofen',
        detail: 'Stop ibuprofen',
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'recommendation.prescriberId', message: 'Choose the prescriber who should act' }] },
    });
    expect(
      await recommend(session, r, {
        problemId: statin.id,
        action: 'educate',
        actor: 'patient',
        detail: 'Daily statin',
        talkedAbout: 'Why atorvastatin matters',
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'recommendation.toDo' }] },
    });
    expect(
      await recommend(session, r, {
        problemId: doctor.id,
        action: 'educate',
        actor: 'patient',
        detail: 'Daily statin',
      }),
    ).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect((await call(session, 'reviews:get', { id: r.id })).version).toBe(r.version);

    const saved = await recommend(session, r, {
      problemId: nsaid.id,
      action: 'stop',
      actor: 'prescriber',
      prescriberId: doctor.id,
      medicine: 'ibuprofen',
      detail: 'Stop ibuprofen; consider acetaminophen for knee pain',
      talkedAbout: 'Your pain medicine and your blood thinner.',
      toDo: 'Do not take ibuprofen. Ask us before any pain medicine.',
      talkedAboutEs: 'Su medicina para el dolor y su medicina para diluir la sangre.',
      toDoEs: 'No tome ibuprofen. Pregúntenos antes de tomar cualquier medicina para el dolor.',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    r = saved.data as Review;
    r = await call(session, 'reviews:saveRecommendation', {
      id: r.id,
      version: r.version,
      recommendation: {
        problemId: statin.id,
        action: 'educate',
        actor: 'patient',
        medicine: 'atorvastatin',
        detail: 'Daily atorvastatin; pill box',
        talkedAbout: 'Taking atorvastatin every day.',
        toDo: 'Take atorvastatin every evening. Use the pill box.',
        talkedAboutEs: 'Tomar atorvastatin todos los días.',
        toDoEs: 'Tome atorvastatin todas las noches. Use el pastillero.',
      },
    });
    expect(r.plan.map((x) => `${x.action} ${x.medicine}/${x.actor}/${x.prescriber?.name ?? '-'}`)).toEqual([
      'stop ibuprofen/prescriber/Beatrice Okonjo, MD',
      'educate atorvastatin/patient/-',
    ]);
    expect(r.communications).toMatchObject([
      {
        prescriber: { name: 'Beatrice Okonjo, MD', fax: '2165550134' },
        method: null,
        sentDate: null,
        recommendationIds: [r.plan[0]!.id],
      },
    ]);
    // The fax not sent yet does not hold up signing: it is a reminder only.
    expect(messages(r)).toEqual(['5: The next follow-up date']);
    expect(r.warnings).toMatchObject([
      { step: 4, message: expect.stringMatching(/^The recommendations for Beatrice/) },
    ]);

    expect(
      await dispatch(session, 'reviews:saveCommunication', {
        id: r.id,
        version: r.version,
        prescriberId: doctor.id,
        method: 'fax',
        sentDate: daysAgo(0),
        dueDate: daysAgo(1),
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ field: 'dueDate' }] } });
    r = await call(session, 'reviews:saveCommunication', {
      id: r.id,
      version: r.version,
      prescriberId: doctor.id,
      method: 'fax',
      sentDate: daysAgo(0),
      dueDate: daysAgo(-7),
    });
    r = await call(session, 'reviews:update', {
      id: r.id,
      version: r.version,
      changes: { followUpDate: r.suggestedFollowUp, education: 'Pill box set up together' },
    });
    expect(r.missing).toEqual([]);

    // A problem added after confirming asks for confirmation (and a plan) again.
    const late = await call(session, 'problems:add', {
      patientId,
      category: 'needsAdditionalTherapy',
      severity: 'minor',
      title: 'vitamin D',
      description: 'No supplement despite low level',
    });
    r = await call(session, 'reviews:get', { id: r.id });
    expect(messages(r)).toEqual([
      '2: Problems were added after the list was confirmed: confirm it again',
      '3: Problem "vitamin D" has no plan',
    ]);
    const refused = await dispatch(session, 'reviews:act', {
      id: r.id,
      version: r.version,
      action: 'complete',
      minutes: 30,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('Problem "vitamin D" has no plan') },
    });
    r = await call(session, 'reviews:update', { id: r.id, version: r.version, changes: { problemsConfirmed: true } });
    r = await call(session, 'reviews:saveRecommendation', {
      id: r.id,
      version: r.version,
      recommendation: {
        problemId: late.id,
        action: 'monitor',
        actor: 'pharmacist',
        detail: 'Recheck level at next visit',
      },
    });

    // The note is drafted from the record until the pharmacist writes their own.
    expect(r.soapNoteEdited).toBe(false);
    expect(r.soapNote).toContain('Concerns: Knee pain at night.');
    expect(r.soapNote).toMatch(/ibuprofen \+ warfarin — Adverse drug reaction.*major/i);
    expect(r.soapNote).toContain(
      'Stop ibuprofen (problem 1): Stop ibuprofen; consider acetaminophen for knee pain — prescriber Beatrice Okonjo, MD.',
    );
    expect(r.soapNote).toContain('Action-plan items for the patient: 2.');
    r = await call(session, 'reviews:update', {
      id: r.id,
      version: r.version,
      changes: { soapNote: `${r.soapNote}\nPatient verbalised understanding.` },
    });
    expect(r).toMatchObject({ soapNoteEdited: true, soapNote: expect.stringContaining('verbalised understanding') });

    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 30 });
    expect(r).toMatchObject({
      status: 'completed',
      signedBy: 'Lee Ambrose, RPh (pharmacist1)',
      missing: [],
      soapNote: expect.stringContaining('verbalised understanding'),
    });
    // The CMR is the programme's CMR for the year.
    const year = Number(daysAgo(0).slice(0, 4));
    const screen = await call(session, 'eligibility:screen', { contractYear: year });
    expect(screen.patients.find((x) => x.patientId === patientId)?.enrollment).toMatchObject({
      status: 'cmrCompleted',
      cmrCompletedDate: daysAgo(0),
      cmrOfferedMethod: 'inPerson',
    });

    // Signed: the plan is frozen, the prescriber's answer and addenda still arrive.
    expect(
      await recommend(session, r, {
        problemId: statin.id,
        action: 'stop',
        actor: 'patient',
        medicine: 'atorvastatin',
        detail: 'x x x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/read-only/) } });
    expect(
      await dispatch(session, 'reviews:recordOutcome', {
        id: r.id,
        version: r.version,
        recommendationId: r.plan[0]!.id,
        outcome: 'accepted',
        date: daysAgo(3),
      }),
    ).toMatchObject({ ok: false, error: { field: 'date' } });
    r = await call(session, 'reviews:recordOutcome', {
      id: r.id,
      version: r.version,
      recommendationId: r.plan[0]!.id,
      outcome: 'modified',
      date: daysAgo(0),
      note: 'Prefers topical diclofenac',
    });
    expect(r.plan[0]!.outcome).toMatchObject({
      result: 'modified',
      note: 'Prefers topical diclofenac',
      by: 'pharmacist1',
    });
    r = await call(session, 'reviews:addAddendum', {
      id: r.id,
      text: 'Prescriber called back: topical diclofenac started.',
    });
    expect(r.addenda).toMatchObject([
      { text: 'Prescriber called back: topical diclofenac started.', createdBy: 'Lee Ambrose, RPh (pharmacist1)' },
    ]);
    await session.signOut();
  });

  it('keeps addenda for signed reviews, and clinical acts for pharmacists', async () => {
    const { session, nsaid, doctor, r } = await cmrWithProblems();
    expect(await dispatch(session, 'reviews:addAddendum', { id: r.id, text: 'Too early' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/still open/) },
    });
    // A CMR received by a caregiver names them (a CMS data element).
    const byCaregiver = await call(session, 'reviews:update', {
      id: r.id,
      version: r.version,
      changes: { recipient: 'caregiver' },
    });
    expect(byCaregiver.missing).toContainEqual({
      step: 1,
      message: 'The name of the caregiver who received the review',
    });
    const named = await call(session, 'reviews:update', {
      id: r.id,
      version: byCaregiver.version,
      changes: { caregiverName: 'Ignacio Báez', caregiverRelationship: 'son' },
    });
    expect(named.missing.filter((m) => m.step === 1)).toEqual([]);
    expect(named.soapNote).toContain('Received by: caregiver.');
    expect(
      await dispatch(session, 'reviews:update', {
        id: r.id,
        version: named.version,
        changes: { recipient: 'neighbour' },
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ field: 'changes.recipient' }] } });
    await addTechnician(session);
    await signInAsTechnician(session);
    expect(
      await recommend(session, r, {
        problemId: nsaid.id,
        action: 'stop',
        actor: 'prescriber',
        prescriberId: doctor.id,
        medicine: 'ibuprofen',
        detail: 'Stop ibuprofen',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await dispatch(session, 'phrases:save', {
        action: 'stop',
        label: 'Mine',
        talkedAbout: 'Stopping {medicine}.',
        toDo: 'Stop {medicine}.',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call(session, 'phrases:list', {})).length).toBeGreaterThan(0);
    await session.signOut();
  });

  it('lists the day’s work: open reviews, overdue prescriber answers, follow-ups due', async () => {
    const { session, doctor, nsaid, statin, r: start } = await cmrWithProblems();
    let r = await call(session, 'reviews:update', {
      id: start.id,
      version: start.version,
      changes: { problemsConfirmed: true },
    });
    r = await call(session, 'reviews:saveRecommendation', {
      id: r.id,
      version: r.version,
      recommendation: {
        problemId: nsaid.id,
        action: 'stop',
        actor: 'prescriber',
        prescriberId: doctor.id,
        medicine: 'ibuprofen',
        detail: 'Stop ibuprofen',
      },
    });
    r = await call(session, 'reviews:saveRecommendation', {
      id: r.id,
      version: r.version,
      recommendation: {
        problemId: statin.id,
        action: 'changeProduct',
        actor: 'prescriber',
        prescriberId: doctor.id,
        medicine: 'atorvastatin',
        detail: 'Once-daily combination',
      },
    });
    r = await call(session, 'reviews:saveCommunication', {
      id: r.id,
      version: r.version,
      prescriberId: doctor.id,
      method: 'fax',
      sentDate: daysAgo(10),
      dueDate: daysAgo(3),
    });
    let today = await call(session, 'reviews:today', {});
    expect(today.inProgress).toMatchObject([
      { reviewId: r.id, patient: "O'Neill-Báez, Amara", type: 'cmr', status: 'inProgress' },
    ]);
    expect(today.overdueResponses).toMatchObject([
      { reviewId: r.id, prescriber: 'Beatrice Okonjo, MD', dueDate: daysAgo(3), pending: 2 },
    ]);
    expect(today.followUpsDue).toEqual([]);

    r = await call(session, 'reviews:update', { id: r.id, version: r.version, changes: { followUpDate: daysAgo(-5) } });
    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 30 });
    r = await call(session, 'reviews:recordOutcome', {
      id: r.id,
      version: r.version,
      recommendationId: r.plan[0]!.id,
      outcome: 'accepted',
      date: daysAgo(0),
    });
    today = await call(session, 'reviews:today', {});
    expect(today.inProgress).toEqual([]);
    expect(today.overdueResponses).toMatchObject([{ pending: 1 }]);
    expect(today.followUpsDue).toMatchObject([{ reviewId: r.id, followUpDate: daysAgo(-5) }]);
    await call(session, 'reviews:recordOutcome', {
      id: r.id,
      version: r.version,
      recommendationId: r.plan[1]!.id,
      outcome: 'noResponse',
      date: daysAgo(0),
    });
    // Once the follow-up review is started, it is no longer due.
    await call(session, 'reviews:create', { patientId: r.patientId, type: 'tmr' });
    today = await call(session, 'reviews:today', {});
    expect(today.overdueResponses).toEqual([]);
    expect(today.followUpsDue).toEqual([]);
    expect(today.inProgress).toMatchObject([{ type: 'tmr', status: 'draft' }]);
    // Enrolled by the signed CMR, with no TMR this quarter yet.
    expect(today.tmrsDue).toMatchObject([{ patient: "O'Neill-Báez, Amara", lastTmr: null }]);
    await session.signOut();
  });

  it('keeps the pharmacy’s own phrases, seeded with starter wording', async () => {
    const { session } = await newPharmacy();
    const seeded = await call(session, 'phrases:list', {});
    expect(seeded.length).toBe(8);
    // The starter phrases carry MTM Desk's bilingual wording, and every step names the one medicine.
    expect(seeded.every((p) => p.updatedBy === 'MTM Desk starter phrases 2026.12-2')).toBe(true);
    for (const p of seeded) {
      expect(p.toDo, p.label).toContain('{medicine}');
      expect(p.toDoEs, p.label).toContain('{medicine}');
      expect(p.talkedAboutEs, p.label).not.toBe('');
    }
    const mine = await call(session, 'phrases:save', {
      action: 'monitor',
      label: 'Blood pressure log',
      talkedAbout: 'Your blood pressure readings.',
      toDo: 'Check it each morning and write it down.',
    });
    const edited = await call(session, 'phrases:save', {
      id: mine.id,
      action: 'monitor',
      label: 'BP log',
      talkedAbout: mine.talkedAbout,
      toDo: mine.toDo,
    });
    expect(edited).toMatchObject({ id: mine.id, label: 'BP log', updatedBy: 'pharmacist1' });
    await call(session, 'phrases:delete', { id: seeded[0]!.id });
    expect((await call(session, 'phrases:list', {})).map((p) => p.id)).toEqual(expect.arrayContaining([mine.id]));
    expect((await call(session, 'phrases:list', {})).length).toBe(8);
    expect(await dispatch(session, 'phrases:delete', { id: seeded[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    await session.signOut();
  });
});

/**
 * Hazel takes lisinopril and losartan (the duplication on her problem list) and metformin, each with its reason on
 * her list, and glipizide known only from the pharmacy's fills; her CMR has step 1 done but that reason.
 */
async function duplication() {
  const { session } = await newPharmacy();
  const p = await call(session, 'patients:create', {
    patient: { firstName: 'Hazel', lastName: 'Pennington', dateOfBirth: '1943-07-19', sex: 'female' },
  });
  for (const [product, strength, indication] of [
    ['Lisinopril', '20 mg', 'I10'],
    ['Losartan', '50 mg', 'Blood pressure'],
    ['Metformin', '500 mg', 'Diabetes'],
  ] as const)
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product, strength, indication, kind: 'rx', source: 'patientReported' },
    });
  const { db } = session.current();
  await run(
    db,
    sql`INSERT INTO fills (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply,
          created_at)
        VALUES (${'f1'}, ${p.id}, ${'7001'}, 0, ${daysAgo(5)}, ${'GLIPIZIDE 5 MG TAB'}, 30, 30,
          ${new Date().toISOString()})`,
  );
  const doctor = await call(session, 'prescribers:create', {
    prescriber: { npi: '1245319599', firstName: 'Beatrice', lastName: 'Okonjo', credentials: 'MD', fax: '2165550134' },
  });
  const dup = await call(session, 'problems:add', {
    patientId: p.id,
    category: 'unnecessaryTherapy',
    severity: 'major',
    title: 'lisinopril + losartan',
    description: 'Two RAS blockers: ACE inhibitor and ARB together',
  });
  const r = await startedReview(session, p.id, 'cmr', {
    deliveryMethod: 'inPerson',
    cmrDate: daysAgo(0),
    problemsConfirmed: true,
    followUpDate: daysAgo(-90),
  });
  const stop = (medicine: unknown, more: Record<string, unknown> = {}) =>
    recommend(session, r, {
      problemId: dup.id,
      action: 'stop',
      actor: 'prescriber',
      prescriberId: doctor.id,
      medicine,
      detail: 'Dual RAS blockade: stop one agent',
      ...more,
    });
  return { session, patientId: p.id, doctor, dup, r, stop };
}

const refusal = (result: Awaited<ReturnType<typeof dispatch>>) =>
  result.ok ? 'saved' : `${result.error.field ?? ''}: ${result.error.message}`;

describe('a recommendation acts on one medicine, and its action-plan item says so', () => {
  it('a duplication problem: stop names one medicine, never the two of the title', async () => {
    const { session, r, dup, stop } = await duplication();
    expect(r.suggestions.find((s) => s.problemId === dup.id)).toEqual({
      problemId: dup.id,
      medicines: ['lisinopril', 'losartan'],
      action: null,
      medicine: null,
      detail: null,
    });
    const cases: [unknown, string][] = [
      [undefined, 'recommendation.medicine: Choose the medicine to stop'],
      ['  ', 'recommendation.medicine: Choose the medicine to stop'],
      [
        'lisinopril + losartan',
        'recommendation.medicine: "lisinopril + losartan" names 2 medicines (lisinopril, losartan). A recommendation acts on one: make one for each.',
      ],
      [
        'lisinopril, losartan',
        expect.stringContaining('names 2 medicines (lisinopril, losartan)') as unknown as string,
      ],
      [
        'lisinopril and losartan',
        expect.stringContaining('names 2 medicines (lisinopril, losartan)') as unknown as string,
      ],
      [
        'Lisinopril / Losartan',
        expect.stringContaining('names 2 medicines (Lisinopril, Losartan)') as unknown as string,
      ],
      [
        'amlodipine',
        'recommendation.medicine: Amlodipine is not on Hazel’s medicine list. Choose one of Hazel’s current medicines (glipizide, lisinopril, losartan, metformin).',
      ],
    ];
    for (const [medicine, message] of cases) expect(refusal(await stop(medicine)), String(medicine)).toEqual(message);
    expect((await call(session, 'reviews:get', { id: r.id })).version).toBe(r.version);

    const saved = await stop('Losartan', item('stop', 'losartan'));
    if (!saved.ok) throw new Error(saved.error.message);
    const plan = (saved.data as Review).plan;
    expect(plan).toMatchObject([
      {
        action: 'stop',
        medicine: 'losartan',
        talkedAbout: 'Stopping losartan.',
        toDo: 'Stop taking losartan once your prescriber agrees. Ask us how to get rid of what is left.',
        talkedAboutEs: 'Dejar de tomar losartan.',
        toDoEs:
          'Deje de tomar losartan cuando su médico esté de acuerdo. Pregúntenos cómo deshacerse de lo que le sobre.',
      },
    ]);
    await session.signOut();
  });

  it('refuses to start a medicine she already takes, naming it', async () => {
    const { session, r, dup } = await duplication();
    const start = (medicine: string, more: Record<string, unknown> = {}) =>
      recommend(session, r, {
        problemId: dup.id,
        action: 'start',
        actor: 'patient',
        medicine,
        detail: 'Start it',
        ...more,
      });
    const taken = '— choose Change dose or Change product, or Start a different medicine.';
    for (const [medicine, message] of <[string, string][]>[
      ['metformin', `Metformin is already on Hazel’s list ${taken}`],
      ['Metformin ER 1000 mg', `Metformin ER 1000 mg is already on Hazel’s list (in metformin) ${taken}`],
      ['Glucophage', `Glucophage is already on Hazel’s list (in metformin) ${taken}`],
      ['glipizide', `Glipizide is already on Hazel’s list ${taken}`],
    ])
      expect(refusal(await start(medicine)), medicine).toBe(`recommendation.medicine: ${message}`);
    // A new medicine is started, and its item names it.
    const saved = await start('empagliflozin', item('start', 'empagliflozin'));
    if (!saved.ok) throw new Error(saved.error.message);
    // Educating about it is about a medicine this plan starts; one neither taken nor started is refused.
    const educate = (medicine: string) =>
      recommend(session, saved.data as Review, {
        problemId: dup.id,
        action: 'educate',
        actor: 'patient',
        medicine,
        detail: 'How to take it',
        ...item('educate', medicine),
      });
    expect(refusal(await educate('dapagliflozin'))).toBe(
      'recommendation.medicine: Dapagliflozin is not on Hazel’s medicine list. Choose one of Hazel’s current medicines (glipizide, lisinopril, losartan, metformin), or start it first.',
    );
    expect(await educate('empagliflozin')).toMatchObject({ ok: true });
    expect(saved.ok && (saved.data as Review).plan[0]).toMatchObject({
      medicine: 'empagliflozin',
      toDo: 'Start taking empagliflozin the way your prescriber and the label tell you. Bring this plan to your next visit.',
      toDoEs:
        'Empiece a tomar empagliflozin como le indiquen su médico y la etiqueta. Traiga este plan a su próxima visita.',
    });
    await session.signOut();
  });

  it('builds the sentence from the action and the one medicine, in English and Spanish, and keeps it naming it', async () => {
    // Every bundled wording names the medicine in each step it asks of the patient, in both languages.
    for (const p of DEFAULT_PHRASES) {
      const filled = [p.talkedAbout, p.toDo, p.talkedAboutEs, p.toDoEs].map((t, i) =>
        fillPhrase(t, 'losartan', i < 2 ? 'en' : 'es'),
      );
      expect(filled[1], p.label).toContain('losartan');
      expect(filled[3], p.label).toContain('losartan');
      expect(filled.join(' '), p.label).not.toMatch(/[{}]/);
    }
    expect(new Set(DEFAULT_PHRASES.map((p) => p.action))).toEqual(new Set(RECOMMENDATION_ACTIONS));
    // The verb is the recommendation's.
    const verbs = Object.fromEntries(
      RECOMMENDATION_ACTIONS.map((a) => [a, [item(a, 'losartan').toDo, item(a, 'losartan').toDoEs]]),
    );
    expect(verbs.start).toEqual([
      expect.stringMatching(/^Start taking losartan /),
      expect.stringMatching(/^Empiece a tomar losartan /),
    ]);
    expect(verbs.stop).toEqual([
      expect.stringMatching(/^Stop taking losartan /),
      expect.stringMatching(/^Deje de tomar losartan /),
    ]);
    expect(verbs.changeDose).toEqual([
      expect.stringMatching(/^Take losartan at the new dose/),
      expect.stringMatching(/^Tome losartan en la dosis nueva/),
    ]);
    expect(verbs.changeProduct).toEqual([
      'Use the new product in place of losartan. Do not take losartan with it.',
      'Use el producto nuevo en lugar de losartan. No tome losartan junto con el nuevo.',
    ]);
    // About no single medicine: the patient's medicines as a whole.
    expect(item('educate', null)).toMatchObject({
      toDo: 'Take your medicines at the same time every day. A weekly pill box can help you remember.',
      toDoEs:
        'Tome sus medicamentos a la misma hora todos los días. Un pastillero semanal le puede ayudar a acordarse.',
    });

    const { session, stop } = await duplication();
    const wrong = await stop('losartan', { ...item('stop', 'losartan'), toDo: item('stop', 'metformin').toDo });
    expect(refusal(wrong)).toBe(
      'recommendation.toDo: "What I need to do" must name losartan, the medicine this recommendation is about, so the patient knows which one.',
    );
    const wrongEs = await stop('losartan', { ...item('stop', 'losartan'), toDoEs: item('stop', 'metformin').toDoEs });
    expect(refusal(wrongEs)).toMatch(/^recommendation\.toDoEs: "Lo que tengo que hacer" must name losartan/);
    const unfilled = await stop('losartan', { ...item('stop', 'losartan'), toDo: 'Stop taking {medicine}.' });
    expect(refusal(unfilled)).toMatch(/^recommendation\.toDo: Replace \{medicine\} with the medicine's name/);
    const halfSpanish = await stop('losartan', { ...item('stop', 'losartan'), toDoEs: '' });
    expect(refusal(halfSpanish)).toBe(
      'recommendation.toDoEs: The Spanish item needs both "Lo que hablamos" and "Lo que tengo que hacer"',
    );
    const spanishOnly = await stop('losartan', { ...item('stop', 'losartan'), talkedAbout: '', toDo: '' });
    expect(refusal(spanishOnly)).toBe(
      'recommendation.talkedAbout: Write the item in English too: the Spanish one translates it',
    );
    await session.signOut();
  });

  it('keeps the pharmacy’s own phrase, in both languages, and uses it as written', async () => {
    const { session, stop } = await duplication();
    expect(
      await dispatch(session, 'phrases:save', {
        action: 'stop',
        label: 'Half', // one Spanish box without the other
        talkedAbout: 'Stopping {medicine}.',
        toDo: 'Stop {medicine}.',
        talkedAboutEs: 'Dejar {medicine}.',
      }),
    ).toMatchObject({ ok: false, error: { field: 'toDoEs' } });
    const mine = await call(session, 'phrases:save', {
      action: 'stop',
      label: 'Stop, then call',
      talkedAbout: 'Why {medicine} is being stopped.',
      toDo: 'Stop {medicine} on the day your prescriber says, then call us.',
      talkedAboutEs: 'Por qué se deja {medicine}.',
      toDoEs: 'Deje {medicine} el día que diga su médico y luego llámenos.',
    });
    expect((await call(session, 'phrases:list', {})).find((p) => p.id === mine.id)).toEqual(mine);
    const fill = (t: string, l: 'en' | 'es') => fillPhrase(t, 'lisinopril', l);
    const saved = await stop('lisinopril', {
      talkedAbout: fill(mine.talkedAbout, 'en'),
      toDo: fill(mine.toDo, 'en'),
      talkedAboutEs: fill(mine.talkedAboutEs, 'es'),
      toDoEs: fill(mine.toDoEs, 'es'),
    });
    expect(saved.ok && (saved.data as Review).plan[0]).toMatchObject({
      medicine: 'lisinopril',
      toDo: 'Stop lisinopril on the day your prescriber says, then call us.',
      toDoEs: 'Deje lisinopril el día que diga su médico y luego llámenos.',
    });
    await session.signOut();
  });

  it('asks for each medicine’s reason before a CMR is signed, and only warns a TMR', async () => {
    const { session, patientId, r: cmr, stop } = await duplication();
    const stopped = await stop('losartan', item('stop', 'losartan'));
    if (!stopped.ok) throw new Error(stopped.error.message);
    let r = stopped.data as Review;
    r = await call(session, 'reviews:saveCommunication', {
      id: r.id,
      version: r.version,
      prescriberId: r.communications[0]!.prescriber.id,
      method: 'fax',
      sentDate: daysAgo(0),
      dueDate: daysAgo(-7),
    });
    const reason = 'Give the reason for glipizide 5 mg (it prints on the medication list)';
    expect(r.missing).toEqual([{ step: 1, message: reason }]);
    expect(
      await dispatch(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 30 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', message: `The review cannot be finalized yet. Missing: ${reason}.` },
    });
    let tmr = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    expect(tmr.missing.map((m) => m.message)).not.toContain(reason);
    expect(tmr.warnings).toEqual([{ step: 1, message: reason }]);

    r = await call(session, 'reviews:saveReason', { id: cmr.id, lineKey: 'glipizide', reason: 'Diabetes' });
    expect(r.missing).toEqual([]);
    // Shown as the medication list prints it: everyday words as typed (never read as a more specific diagnosis).
    expect(r.reconciliation.find((l) => l.key === 'glipizide')).toMatchObject({
      reason: 'Diabetes',
      status: 'matched',
    });
    tmr = await call(session, 'reviews:get', { id: tmr.id });
    expect(tmr.warnings).toEqual([]);
    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 30 });
    expect(r.status).toBe('completed');
    expect(
      await dispatch(session, 'reviews:saveReason', { id: r.id, lineKey: 'glipizide', reason: 'Sugar' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await session.signOut();
  });

  it('starts the plan from the finding: its kind’s recommendation, its one medicine, its suggested action', async () => {
    const { session, patientId, r } = await duplication();
    await run(
      session.current().db,
      sql`INSERT INTO drug_therapy_problems (id, patient_id, source, rule_id, category, severity, title, description,
            suggested_action, created_at, created_by)
          VALUES (${'p-dose'}, ${patientId}, 'check', 'dose.label.metformin-2550', 'doseTooHigh', 'moderate',
            'metformin', 'Above the label maximum', 'Ask the prescriber to lower the daily dose.',
            ${new Date().toISOString()}, 'pharmacist1'),
            (${'p-gap'}, ${patientId}, 'check', 'start.b2.statin-ascvd', 'needsAdditionalTherapy', 'moderate',
            'No statin with coronary disease', 'START B2', 'Recommend a statin to the prescriber.',
            ${new Date().toISOString()}, 'pharmacist1')`,
    );
    const again = await call(session, 'reviews:get', { id: r.id });
    expect(again.suggestions.filter((s) => s.problemId.startsWith('p-'))).toEqual([
      {
        problemId: 'p-dose',
        medicines: ['metformin'],
        action: 'changeDose',
        medicine: 'metformin',
        detail: 'Ask the prescriber to lower the daily dose.',
      },
      {
        problemId: 'p-gap',
        medicines: [],
        action: 'start',
        medicine: null,
        detail: 'Recommend a statin to the prescriber.',
      },
    ]);
    await session.signOut();
  });
});
