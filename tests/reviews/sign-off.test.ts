// Signing with the prescriber's answer still to come: the review is signed with the face-to-face minutes the
// pharmacist confirms, and each prescriber communication goes on through its own life (prepared → sent → answered or
// no response), recorded when the fax is printed or saved, or by hand, before or after signing.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { communicationState, type Review } from '../../preload/schemas/reviews';
import { pagesText } from '../documents/pdf-tools';
import { auditRows, call, daysAgo, newPharmacy } from '../helpers/temp-pharmacy';
import { startedReview } from '../helpers/sample-review';

type Session = Awaited<ReturnType<typeof newPharmacy>>['session'];

/** A started CMR with everything recorded but the fax to the prescriber, which is prepared and not sent. */
async function readyToSign() {
  const { session } = await newPharmacy();
  const p = await call(session, 'patients:create', {
    patient: {
      firstName: 'Wendell',
      lastName: 'Achterberg',
      dateOfBirth: '1948-06-02',
      sex: 'male',
      noKnownAllergies: true,
    },
  });
  await call(session, 'medications:add', {
    patientId: p.id,
    medication: {
      product: 'Glipizide',
      strength: '10 mg',
      indication: 'Diabetes',
      kind: 'rx',
      source: 'patientReported',
    },
  });
  const doctor = await call(session, 'prescribers:create', {
    prescriber: { npi: '1245319599', firstName: 'Beatrice', lastName: 'Okonjo', credentials: 'MD', fax: '2165550134' },
  });
  const low = await call(session, 'problems:add', {
    patientId: p.id,
    category: 'doseTooHigh',
    severity: 'moderate',
    title: 'glipizide',
    description: 'Two low sugars this month',
  });
  let r = await startedReview(session, p.id, 'cmr', {
    deliveryMethod: 'inPerson',
    cmrDate: daysAgo(0),
    problemsConfirmed: true,
  });
  r = await call(session, 'reviews:saveRecommendation', {
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
  r = await call(session, 'reviews:update', {
    id: r.id,
    version: r.version,
    changes: { followUpDate: r.suggestedFollowUp },
  });
  return { session, r, doctorId: doctor.id };
}

const sign = (session: Session, r: Review, minutes: unknown) =>
  dispatch(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes });

describe('signing with the prescriber’s answer pending', () => {
  it('signs a review whose fax is not sent yet, warning only, and records the fax after signing', async () => {
    const { session, r: ready, doctorId } = await readyToSign();
    expect(ready.missing).toEqual([]);
    expect(ready.warnings.map((w) => `${w.step}: ${w.message}`)).toEqual([
      '4: The recommendations for Beatrice Okonjo, MD are not recorded as sent yet: they can go out after signing (printing or saving the fax records it)',
    ]);
    expect(communicationState(ready.communications[0]!, ready.plan)).toBe('prepared');
    const signed = await sign(session, ready, 25);
    expect(signed).toMatchObject({ ok: true, data: { status: 'completed', faceToFaceMinutes: 25 } });
    let r = (signed as { data: Review }).data;
    expect(r.communications[0]).toMatchObject({ sentDate: null, method: null });
    // Until it goes out, Today asks for it first.
    const today = await call(session, 'reviews:today', {});
    expect(today.unsentRecommendations).toMatchObject([
      { reviewId: r.id, prescriber: 'Beatrice Okonjo, MD', count: 1 },
    ]);
    expect(today.queue[0]).toMatchObject({ kind: 'send', reviewId: r.id });
    expect(today.queue[0]!.reason).toMatch(/^Send the recommendation to Beatrice Okonjo, MD/);

    // Recorded by hand after signing (a phone call), then the answer; "sent" until every recommendation is answered.
    r = await call(session, 'reviews:saveCommunication', {
      id: r.id,
      version: r.version,
      prescriberId: doctorId,
      method: 'phone',
      sentDate: daysAgo(0),
      dueDate: daysAgo(-7),
    });
    expect(r.communications[0]).toMatchObject({ method: 'phone', sentDate: daysAgo(0), dueDate: daysAgo(-7) });
    expect(communicationState(r.communications[0]!, r.plan)).toBe('sent');
    expect((await call(session, 'reviews:today', {})).unsentRecommendations).toEqual([]);
    r = await call(session, 'reviews:recordOutcome', {
      id: r.id,
      version: r.version,
      recommendationId: r.plan[0]!.id,
      outcome: 'noResponse',
      date: daysAgo(0),
    });
    expect(communicationState(r.communications[0]!, r.plan)).toBe('noResponse');
    r = await call(session, 'reviews:recordOutcome', {
      id: r.id,
      version: r.version,
      recommendationId: r.plan[0]!.id,
      outcome: 'accepted',
      date: daysAgo(0),
    });
    expect(communicationState(r.communications[0]!, r.plan)).toBe('answered');
    // The signed record itself is still read-only.
    expect(
      await dispatch(session, 'reviews:update', { id: r.id, version: r.version, changes: { concerns: 'x' } }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await session.signOut();
  });

  it('records the fax as sent when it is printed or saved before signing, and it is never marked DRAFT', async () => {
    const { session, r: ready, doctorId } = await readyToSign();
    await call(session, 'settings:update', {
      documents: { hours: '', tty: '', fax: '2165550199', fileNames: 'reference' },
    });
    const fax = await call(session, 'documents:make', {
      kind: 'prescriberLetter',
      reviewId: ready.id,
      prescriberId: doctorId,
    });
    expect(fax.draft).toBe(false);
    expect(pagesText(Buffer.from(fax.base64, 'base64')).join(' ')).not.toMatch(/DRAFT/);
    // The pharmacy's own record of the unsigned review still says DRAFT: only the prescriber's letter goes out as is.
    const note = await call(session, 'documents:make', { kind: 'pharmacistNote', reviewId: ready.id });
    expect(note.draft).toBe(true);
    expect(pagesText(Buffer.from(note.base64, 'base64'))[0]).toContain('DRAFT — NOT SIGNED');
    const r = await call(session, 'documents:sent', {
      kind: 'prescriberLetter',
      reviewId: ready.id,
      version: ready.version,
      prescriberId: doctorId,
    });
    expect(r).toMatchObject({
      status: 'inProgress',
      communications: [{ method: 'fax', sentDate: daysAgo(0), dueDate: daysAgo(-7) }],
    });
    expect(r.warnings).toEqual([]);
    await session.signOut();
  });
});

describe('the face-to-face minutes at sign-off', () => {
  it('are required, a whole number from 1 to 240, and bill instead of the timer’s count', async () => {
    const { session, r } = await readyToSign();
    for (const [minutes, message] of [
      [undefined, 'Confirm the face-to-face minutes'],
      [0, 'At least 1 minute'],
      [12.5, 'whole minutes'],
      [241, 'more than 240 minutes'],
    ] as const) {
      const res = await sign(session, r, minutes);
      expect(res, String(minutes)).toMatchObject({
        ok: false,
        error: { code: 'validation', issues: [{ field: 'minutes', message: expect.stringContaining(message) }] },
      });
    }
    expect((await call(session, 'reviews:get', { id: r.id })).status).toBe('inProgress');
    // The timer has counted a few seconds since Start review; the pharmacist confirms 32 minutes with the patient.
    const signed = await sign(session, r, 32);
    expect(signed).toMatchObject({ ok: true, data: { faceToFaceMinutes: 32, timer: { runningSince: null } } });
    const done = (signed as { data: Review }).data;
    expect(done.timer.seconds).toBeLessThan(120);
    expect(done.soapNote).toContain('Time spent: 32 min.');
    const audit = (await auditRows(session)).find((a) => a.action === 'review.complete' && a.object_id === r.id);
    expect(audit?.detail).toMatch(/32 min face to face \(timer 0 min\)/);
    await session.signOut();
  });
});
