import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import { recodeFills } from '../../main/medications/vocabulary/recognise-fills';
import { addTechnician, call, daysAgo, newPharmacy, signInAsTechnician } from '../helpers/temp-pharmacy';

async function patientWithMedicines() {
  const { session } = await newPharmacy();
  const p = await call(session, 'patients:create', {
    patient: { firstName: 'Rosa', lastName: 'Delacroix', dateOfBirth: '1946-04-04', sex: 'female' },
  });
  await call(session, 'medications:add', {
    patientId: p.id,
    medication: { product: 'Lipitor', strength: '20 mg', kind: 'rx', source: 'patientReported' },
  });
  for (const drug of ['ATORVASTATIN 20 MG TAB', 'AMLODIPINE 5 MG TAB']) {
    await run(
      session.current().db,
      sql`INSERT INTO fills
            (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply, created_at)
          VALUES (${randomUUID()}, ${p.id}, ${randomUUID().slice(0, 8)}, 0, ${daysAgo(10)}, ${drug}, 30, 30,
                  ${new Date().toISOString()})`,
    );
  }
  await recodeFills(session.current().db);
  return { session, patientId: p.id };
}

describe('reviews', () => {
  it('open as a draft with the reconciliation from every source, one open review per type', async () => {
    const { session, patientId } = await patientWithMedicines();
    const review = await call(session, 'reviews:create', { patientId, type: 'cmr' });
    expect(review).toMatchObject({
      status: 'draft',
      pharmacist: 'pharmacist1',
      currentStep: 1,
      version: 1,
      allowedActions: ['start'],
      timer: { seconds: 0, runningSince: null },
    });
    expect(review.reconciliation.map((l) => `${l.key}: ${l.status}`)).toEqual([
      'amlodipine: onlyOne',
      'atorvastatin: matched',
    ]);
    expect(await dispatch(session, 'reviews:create', { patientId, type: 'cmr' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/already has an open Comprehensive medication review/),
      },
    });
    expect(await call(session, 'reviews:create', { patientId, type: 'tmr' })).toMatchObject({
      type: 'tmr',
      status: 'draft',
    });
    await session.signOut();
  });

  it('save each change at its version, refuse stale or impossible ones, and complete only when nothing is missing', async () => {
    const { session, patientId } = await patientWithMedicines();
    let r = await call(session, 'reviews:create', { patientId, type: 'cmr' });
    r = await call(session, 'reviews:update', {
      id: r.id,
      version: r.version,
      changes: {
        cognitiveImpairment: true,
        caregiverName: 'Luis Delacroix',
        caregiverRelationship: 'son',
        currentStep: 2,
        concerns: 'Worried about leg cramps',
      },
    });
    expect(r).toMatchObject({
      version: 2,
      cognitiveImpairment: true,
      caregiverName: 'Luis Delacroix',
      currentStep: 2,
      concerns: 'Worried about leg cramps',
    });
    expect(
      await dispatch(session, 'reviews:update', { id: r.id, version: 1, changes: { currentStep: 3 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/changed \(by pharmacist1\) after you opened it/) },
    });
    expect(
      await dispatch(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 30 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Cannot complete a review that is draft/) },
    });

    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'start' });
    expect(r).toMatchObject({ status: 'inProgress', allowedActions: ['awaitPrescriber', 'complete'] });
    expect(r.timer.runningSince).not.toBeNull();
    const refused = await dispatch(session, 'reviews:act', {
      id: r.id,
      version: r.version,
      action: 'complete',
      minutes: 30,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(refused.ok ? [] : refused.error.issues?.map((i) => i.message)).toEqual([
      'How the review was delivered (in person, telephone, video)',
      'The CMR date',
      'Reconciliation: amlodipine is not resolved',
      'Reconciliation: atorvastatin is not resolved',
      // The medication list prints "Why I use it" for each: a CMR is not signed with one blank.
      'Give the reason for amlodipine 5 mg (it prints on the medication list)',
      'Give the reason for atorvastatin 20 mg (it prints on the medication list)',
      'Confirm the drug-therapy problem list',
      'The next follow-up date',
    ]);
    expect(r.missing.map((m) => m.step)).toEqual([1, 1, 1, 1, 1, 1, 2, 5]);
    expect(r.warnings).toEqual([]);

    r = await call(session, 'reviews:update', {
      id: r.id,
      version: r.version,
      changes: {
        deliveryMethod: 'telephone',
        cmrDate: daysAgo(0),
        problemsConfirmed: true,
        followUpDate: r.suggestedFollowUp,
      },
    });
    r = await call(session, 'reviews:resolveLine', {
      id: r.id,
      version: r.version,
      lineKey: 'atorvastatin',
      resolution: 'asListed',
    });
    r = await call(session, 'reviews:resolveLine', {
      id: r.id,
      version: r.version,
      lineKey: 'amlodipine',
      resolution: 'differently',
      note: 'Takes it at night',
    });
    expect(
      await dispatch(session, 'reviews:resolveLine', {
        id: r.id,
        version: r.version,
        lineKey: 'warfarin',
        resolution: 'stopped',
      }),
    ).toMatchObject({ ok: false, error: { code: 'notFound' } });
    // The reasons are entered from the reconciliation: on the listed entry, or (fill only) on a new list entry.
    expect(r.missing.map((m) => m.message)).toEqual([
      'Give the reason for amlodipine 5 mg (it prints on the medication list)',
      'Give the reason for atorvastatin 20 mg (it prints on the medication list)',
    ]);
    expect(
      await dispatch(session, 'reviews:saveReason', { id: r.id, lineKey: 'atorvastatin', reason: ' ' }),
    ).toMatchObject({ ok: false, error: { field: 'reason' } });
    r = await call(session, 'reviews:saveReason', { id: r.id, lineKey: 'atorvastatin', reason: 'E78.5' });
    r = await call(session, 'reviews:saveReason', { id: r.id, lineKey: 'amlodipine', reason: 'Blood pressure' });
    expect(r.reconciliation.map((l) => `${l.medicine}: ${l.reason}`)).toEqual([
      'amlodipine: Blood pressure',
      'atorvastatin: High cholesterol or blood fats (hyperlipidemia)',
    ]);
    const list = await call(session, 'medications:list', { patientId });
    expect(list.active.map((m) => `${m.product} (${m.source}): ${m.indication}`).sort()).toEqual([
      'AMLODIPINE 5 MG TAB (patientReported): Blood pressure',
      'Lipitor (patientReported): E78.5',
    ]);
    expect(r.missing).toEqual([]);
    r = await call(session, 'reviews:timer', { id: r.id, version: r.version, timer: { correctMinutes: 25 } });
    r = await call(session, 'reviews:act', { id: r.id, version: r.version, action: 'complete', minutes: 25 });
    expect(r).toMatchObject({ status: 'completed', allowedActions: [], timer: { seconds: 1500, runningSince: null } });

    // Read-only, and the reconciliation stays as it was when completed.
    await call(session, 'medications:add', {
      patientId,
      medication: { product: 'metformin 500 mg', kind: 'rx', source: 'otherPharmacy' },
    });
    const after = await call(session, 'reviews:get', { id: r.id });
    expect(after.reconciliation.map((l) => `${l.key}: ${l.resolution}${l.note ? ` (${l.note})` : ''}`)).toEqual([
      'amlodipine: differently (Takes it at night)',
      'atorvastatin: asListed',
    ]);
    expect(
      await dispatch(session, 'reviews:update', { id: r.id, version: r.version, changes: { concerns: 'edit' } }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/read-only/) } });
    await session.signOut();
  });

  it('times the encounter with start, pause and correction; technicians prepare but do not move the review', async () => {
    const { session, patientId } = await patientWithMedicines();
    let r = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    r = await call(session, 'reviews:timer', { id: r.id, version: r.version, timer: 'start' });
    expect(r.timer.runningSince).not.toBeNull();
    r = await call(session, 'reviews:timer', { id: r.id, version: r.version, timer: 'pause' });
    expect(r.timer).toMatchObject({ runningSince: null });
    expect(r.timer.seconds).toBeGreaterThanOrEqual(0);
    await addTechnician(session);
    await signInAsTechnician(session);
    expect(
      await dispatch(session, 'reviews:update', {
        id: r.id,
        version: r.version,
        changes: { deliveryMethod: 'inPerson' },
      }),
    ).toMatchObject({ ok: true });
    expect(await dispatch(session, 'reviews:act', { id: r.id, version: r.version + 1, action: 'start' })).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    await session.signOut();
  });

  it('starts the clock when the review starts: one Start, no separate timer', async () => {
    const { session, patientId } = await patientWithMedicines();
    const draft = await call(session, 'reviews:create', { patientId, type: 'cmr' });
    expect(draft.timer.runningSince).toBeNull();
    const started = await call(session, 'reviews:act', { id: draft.id, version: draft.version, action: 'start' });
    expect(started).toMatchObject({ status: 'inProgress', timer: { runningSince: expect.any(String) } });
    await session.signOut();
  });

  it('names each reconciled medicine’s prescriber: the list’s, else the latest fill’s when that NPI is on file', async () => {
    const { session, patientId } = await patientWithMedicines();
    const db = session.current().db;
    const okonjo = await call(session, 'prescribers:create', {
      prescriber: {
        npi: '1245319599',
        firstName: 'Beatrice',
        lastName: 'Okonjo',
        credentials: 'MD',
        fax: '2165550134',
      },
    });
    const list = await call(session, 'medications:list', { patientId });
    const lipitor = list.active.find((m) => m.product === 'Lipitor')!;
    await call(session, 'medications:update', {
      id: lipitor.id,
      version: lipitor.version,
      medication: {
        product: 'Lipitor',
        strength: '20 mg',
        kind: 'rx',
        source: 'patientReported',
        prescriberId: okonjo.id,
      },
    });
    // Amlodipine's older fill names a prescriber not on file, its latest one Dr Okonjo.
    for (const [npi, ago] of [
      ['1003000126', 40],
      ['1245319599', 10],
    ] as const)
      await run(
        db,
        sql`INSERT INTO fills (id, patient_id, rx_number, fill_number, fill_date, drug_name, quantity, days_supply,
              prescriber_npi, created_at)
            VALUES (${randomUUID()}, ${patientId}, 'RX-AML', ${ago === 40 ? 1 : 2}, ${daysAgo(ago)}, 'AMLODIPINE 5 MG TAB',
              30, 30, ${npi}, ${new Date().toISOString()})`,
      );
    await recodeFills(db);
    const review = await call(session, 'reviews:create', { patientId, type: 'cmr' });
    const prescribers = Object.fromEntries(
      review.reconciliation.map((l) => [l.medicine, l.entries.map((e) => `${e.source}:${e.prescriberId ?? '-'}`)]),
    );
    expect(prescribers.atorvastatin).toEqual([`patientReported:${okonjo.id}`, 'pharmacyFill:-']);
    expect(prescribers.amlodipine).toEqual([`pharmacyFill:${okonjo.id}`]);
    await session.signOut();
  });
});
