import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import type { Review } from '../../preload/schemas/reviews';
import { addTechnician, call, daysAgo, newPharmacy, signInAsTechnician } from '../helpers/temp-pharmacy';

type Session = Awaited<ReturnType<typeof newPharmacy>>['session'];

/** A patient with two problems on the list and a prescriber, and a started CMR with step 1 done. */
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
  let r = await call(session, 'reviews:create', { patientId: p.id, type: 'cmr' });
  r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'start' });
  r = await call(session, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: {
      deliveryMethod: 'inPerson',
      cmrDate: daysAgo(0),
      cmrOfferedDate: daysAgo(0),
      cmrOfferedMethod: 'inPerson',
      concerns: 'Knee pain at night',
    },
  });
  return { session, patientId: p.id, doctor, nsaid, statin, r };
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
    ).toMatchObject({ ok: false, error: { issues: [{ field: 'recommendation.toDo' }] } });
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
      detail: 'Stop ibuprofen; consider acetaminophen for knee pain',
      talkedAbout: 'Your pain medicine and your blood thinner.',
      toDo: 'Do not take ibuprofen. Ask us before any pain medicine.',
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
        detail: 'Daily atorvastatin; pill box',
        talkedAbout: 'Taking atorvastatin every day.',
        toDo: 'Take it every evening. Use the pill box.',
      },
    });
    expect(r.plan.map((x) => `${x.action}/${x.actor}/${x.prescriber?.name ?? '-'}`)).toEqual([
      'stop/prescriber/Beatrice Okonjo, MD',
      'educate/patient/-',
    ]);
    expect(r.communications).toMatchObject([
      {
        prescriber: { name: 'Beatrice Okonjo, MD', fax: '2165550134' },
        method: null,
        sentDate: null,
        recommendationIds: [r.plan[0]!.id],
      },
    ]);
    expect(messages(r)).toEqual([
      '4: Recommendations for Beatrice Okonjo, MD are not sent yet (method and date)',
      '5: The next follow-up date',
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
    const refused = await dispatch(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete' });
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
      'Stop (problem 1): Stop ibuprofen; consider acetaminophen for knee pain — prescriber Beatrice Okonjo, MD.',
    );
    expect(r.soapNote).toContain('Action-plan items for the patient: 2.');
    r = await call(session, 'reviews:update', {
      id: r.id,
      version: r.version,
      changes: { soapNote: `${r.soapNote}\nPatient verbalised understanding.` },
    });
    expect(r).toMatchObject({ soapNoteEdited: true, soapNote: expect.stringContaining('verbalised understanding') });

    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete' });
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
      await recommend(session, r, { problemId: statin.id, action: 'stop', actor: 'patient', detail: 'x x x' }),
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
    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete' });
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
    expect(seeded.every((p) => p.updatedBy.startsWith('MTM Desk starter phrases'))).toBe(true);
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
