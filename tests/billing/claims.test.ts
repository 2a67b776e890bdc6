import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import type { Claim } from '../../preload/schemas/billing';
import { billable, PAYER, PROVIDER } from '../helpers/billing-setup';
import { sampleSignedCmr } from '../helpers/sample-review';
import { call, daysAgo, newPharmacy } from '../helpers/temp-pharmacy';
import { differenceFromReference, pagesText, renderPage } from '../documents/pdf-tools';
import { el, parse837p } from './x12-check';
import { confirmationOf, confirmedExport } from './confirmed-export';

type Session = Awaited<ReturnType<typeof newPharmacy>>['session'];

const act = (session: Session, c: Claim, action: Record<string, unknown>) =>
  call(session, 'claims:act', { id: c.id, version: c.version, ...action } as never);

describe('billing set-up', () => {
  it('checks NPI check digits, EIN, taxonomy and ZIP+4 before anything is saved', async () => {
    const { session } = await newPharmacy();
    const bad = await dispatch(session, 'billing:saveProvider', {
      ...PROVIDER,
      npi: '1234567890',
      taxId: '341234567X',
      taxonomy: '183500000',
      address: { ...PROVIDER.address, zip: '44114' },
    });
    expect(bad.ok ? [] : bad.error.issues?.map((i) => `${i.field}: ${i.message}`)).toEqual([
      'npi: This NPI fails its check digit: look for a mistyped digit',
      'taxId: An EIN is 9 digits, written 12-3456789',
      'taxonomy: A taxonomy code has 10 characters ending in X, for example 183500000X (pharmacist)',
      'address.zip: Electronic claims need the billing address ZIP+4, for example 44114-1234',
    ]);
    expect((await call(session, 'billing:setup', {})).provider).toBeNull();
    expect(
      await dispatch(session, 'billing:savePharmacist', {
        username: 'nobody',
        firstName: 'A',
        lastName: 'B',
        npi: '1245319599',
        taxonomy: '183500000X',
      }),
    ).toMatchObject({ ok: false, error: { field: 'username' } });
    const saved = await call(session, 'billing:saveProvider', PROVIDER);
    expect(saved.provider).toMatchObject({ taxId: '341234567', address: { zip: '441142301' }, phone: '2165550100' });
    await session.signOut();
  });
});

describe('claims from signed reviews', () => {
  it('codes the minutes under the payer’s rule, refuses to bill a review twice, and allows it again after a denial', async () => {
    const { session, review, payerId } = await billable();
    const preview = await call(session, 'claims:preview', { reviewId: review.id, payerId });
    const claim = await call(session, 'claims:create', { reviewId: review.id, payerId });
    expect(preview).toEqual({
      payerId,
      payerName: 'Buckeye Senior Rx',
      planWarning: null,
      serviceDate: claim.serviceDate,
      minutes: 38,
      established: false,
      computedEstablished: false,
      lines: claim.lines,
      diagnoses: claim.diagnoses,
      totalCents: claim.totalCents,
      explanation: claim.explanation,
      placeOfService: '01',
      modifier: null,
    });
    expect(await call(session, 'claims:list', { reviewId: review.id })).toMatchObject([{ id: claim.id }]);
    expect(claim).toMatchObject({
      status: 'draft',
      frequency: '1',
      minutes: 38,
      established: false,
      diagnoses: ['I10', 'E11.9'],
      totalCents: 6500 + 2550,
      renderingUsername: 'pharmacist1',
    });
    expect(claim.lines).toEqual([
      { code: '99605', units: 1, chargeCents: 6500, pointers: [1, 2] },
      { code: '99607', units: 1, chargeCents: 2550, pointers: [1, 2] },
    ]);
    expect(claim.explanation).toMatch(/^38 minutes = 2 units \(Whole 15-minute blocks only: /);
    const twice = await dispatch(session, 'claims:create', { reviewId: review.id, payerId });
    expect(twice).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `This review is already billed to Buckeye Senior Rx on claim ${claim.claimNumber} (draft). Void it, or wait for its denial, before billing again.`,
      },
    });

    await act(session, claim, { action: 'ready' });
    const batch = await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId });
    const exported = (await call(session, 'claims:list', { payerId }))[0]!;
    expect(exported).toMatchObject({ status: 'exported', batchId: batch.id });
    const submitted = await act(session, exported, { action: 'submitted' });
    await act(session, submitted, { action: 'denied', reason: 'Member not eligible on date of service' });
    const again = await call(session, 'claims:create', { reviewId: review.id, payerId });
    expect(again.claimNumber).toBe(`${review.id.slice(0, 8).toUpperCase()}-2`);
    await session.signOut();
  });

  it('bills an established patient with 99606, and keeps the pharmacist’s override with its reason', async () => {
    const { session, review, patientId, payerId } = await billable();
    let tmr = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    tmr = await call(session, 'reviews:act', { id: tmr.id, version: tmr.version, action: 'start' });
    tmr = await call(session, 'reviews:update', {
      id: tmr.id,
      version: tmr.version,
      changes: { deliveryMethod: 'telephone', followUpDate: tmr.suggestedFollowUp, problemsConfirmed: true },
    });
    tmr = await call(session, 'reviews:timer', { id: tmr.id, version: tmr.version, timer: { correctMinutes: 22 } });
    for (const l of tmr.reconciliation)
      tmr = await call(session, 'reviews:resolveLine', {
        id: tmr.id,
        version: tmr.version,
        lineKey: l.key,
        resolution: 'asListed',
      });
    tmr = await call(session, 'reviews:act', { id: tmr.id, version: tmr.version, action: 'complete', minutes: 22 });
    // The CMR's problems were planned there: the follow-up need not plan them again.
    expect(tmr.status).toBe('completed');
    // This payer wants telehealth-at-home (POS 10) on telephone reviews; the in-person CMR stays 01 (pharmacy).
    const payer = (await call(session, 'billing:setup', {})).payers[0]!;
    expect(payer.remotePlaceOfService).toBe('01');
    expect(
      await dispatch(session, 'billing:savePayer', {
        ...PAYER,
        id: payer.id,
        version: payer.version,
        remotePlaceOfService: '11',
      }),
    ).toMatchObject({ ok: false, error: { field: 'remotePlaceOfService' } });
    await call(session, 'billing:savePayer', {
      ...PAYER,
      id: payer.id,
      version: payer.version,
      remotePlaceOfService: '10',
    });
    const claim = await call(session, 'claims:create', { reviewId: tmr.id, payerId });
    expect(claim).toMatchObject({
      established: true,
      minutes: 22,
      lines: [{ code: '99606', units: 1, chargeCents: 5000 }],
      establishedOverride: null,
      placeOfService: '10',
    });
    expect(claim.explanation).toContain(
      "Place of service 10 Telehealth provided in the patient's home (telephone review; Buckeye Senior Rx's setting).",
    );
    await act(session, claim, { action: 'ready' });
    const x12 = parse837p(
      (await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId })).content,
    );
    expect(x12.segments.filter((s) => s.tag === 'CLM').map((s) => el(s, 5))).toEqual(['10:B:1']);
    const cmr = await call(session, 'claims:create', {
      reviewId: review.id,
      payerId,
      established: { value: true, reason: 'Seen at our other location in 2025' },
    });
    expect(cmr).toMatchObject({
      placeOfService: '01',
      established: true,
      lines: [{ code: '99606' }, { code: '99607' }],
      establishedOverride: 'Established patient by the pharmacist (computed new): Seen at our other location in 2025',
    });
    await session.signOut();
  });

  it('exports a ready claim as an 837P that parses back with every loop, count and control number right; corrections and voids follow', async () => {
    const { session, review, payerId } = await billable();
    let c = await act(session, await call(session, 'claims:create', { reviewId: review.id, payerId }), {
      action: 'ready',
    });
    const first = await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId });
    expect(first).toMatchObject({
      claimCount: 1,
      interchangeControl: 1,
      fileName: `claims-837p-${daysAgo(30)}-${daysAgo(0)}-000000001.x12`,
    });
    expect(await call(session, 'claims:batches', {})).toMatchObject([
      { id: first.id, format: '837p', payerName: 'Buckeye Senior Rx', claimCount: 1, createdBy: 'pharmacist1' },
    ]);
    expect((await call(session, 'claims:batchFile', { id: first.id })).content).toBe(first.content);
    const { segments, problems, interchange } = parse837p(first.content);
    expect(problems).toEqual([]);
    expect(el(interchange.header, 6).trim()).toBe('LAKESHORE01');
    const find = (tag: string, first?: string) =>
      segments.filter((s) => s.tag === tag && (first === undefined || el(s, 1) === first));
    expect(find('NM1', '85').map((s) => [el(s, 3), el(s, 9)])).toEqual([
      ['LAKESHORE FAMILY PHARMACY LLC', '1234567893'],
    ]);
    expect(find('REF', 'EI').map((s) => el(s, 2))).toEqual(['341234567']);
    expect(find('N4').map((s) => el(s, 3))[0]).toBe('441142301');
    expect(find('HL').map((s) => [el(s, 1), el(s, 2), el(s, 3)])).toEqual([
      ['1', '', '20'],
      ['2', '1', '22'],
    ]);
    expect(find('NM1', 'IL').map((s) => [el(s, 3), el(s, 4), el(s, 9)])).toEqual([
      ["O'CONNOR-NGUYEN", 'RENEE', 'BSR-448812'],
    ]);
    expect(find('NM1', 'PR').map((s) => el(s, 9))).toEqual(['BSRX1']);
    expect(find('CLM').map((s) => [el(s, 1), el(s, 2), el(s, 5)])).toEqual([[c.claimNumber, '90.5', '01:B:1']]);
    expect(find('HI').map((s) => [el(s, 1), el(s, 2)])).toEqual([['ABK:I10', 'ABF:E119']]);
    expect(find('NM1', '82').map((s) => el(s, 9))).toEqual(['1245319599']);
    expect(find('SV1').map((s) => [el(s, 1), el(s, 2), el(s, 4), el(s, 7)])).toEqual([
      ['HC:99605', '65', '1', '1:2'],
      ['HC:99607', '25.5', '1', '1:2'],
    ]);
    expect(find('DTP', '472').map((s) => el(s, 3))).toEqual([
      daysAgo(2).replaceAll('-', ''),
      daysAgo(2).replaceAll('-', ''),
    ]);

    // Nothing left to export; once paid the claim is corrected with a replacement (7), then voided (8).
    expect(
      await dispatch(session, 'claims:export', {
        format: '837p',
        from: daysAgo(30),
        to: daysAgo(0),
        payerId,
        claims: [],
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No claims are ready/) } });
    c = (await call(session, 'claims:list', { payerId }))[0]!;
    c = await act(session, c, { action: 'submitted' });
    c = await act(session, c, { action: 'paid', paidAmount: 80, paidDate: daysAgo(0) });
    // An adjudicated claim is corrected only under the payer's own number, asked for when it is not on file.
    expect(await dispatch(session, 'claims:act', { action: 'replace', id: c.id, version: c.version })).toMatchObject({
      ok: false,
      error: {
        field: 'payerClaimNumber',
        message: expect.stringMatching(/Enter the payer’s claim number for .* \(on the remittance\)/),
      },
    });
    expect(
      await dispatch(session, 'claims:act', {
        action: 'replace',
        id: c.id,
        version: c.version,
        payerClaimNumber: '26330*0004471',
      }),
    ).toMatchObject({ ok: false, error: { field: 'payerClaimNumber' } });
    expect((await call(session, 'claims:list', { payerId })).length).toBe(1);
    const replacement = await act(session, c, { action: 'replace', payerClaimNumber: '26330-0004471' });
    expect(replacement).toMatchObject({
      frequency: '7',
      status: 'ready',
      replacesClaimId: c.id,
      claimNumber: `${c.claimNumber}-R`,
    });
    const second = await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId });
    expect(second.interchangeControl).toBe(2);
    const again = parse837p(second.content);
    expect(again.problems).toEqual([]);
    expect(again.segments.filter((s) => s.tag === 'CLM').map((s) => el(s, 5))).toEqual(['01:B:7']);
    expect(again.segments.filter((s) => s.tag === 'REF' && el(s, 1) === 'F8').map((s) => el(s, 2))).toEqual([
      '26330-0004471',
    ]);
    expect((await call(session, 'claims:list', { payerId })).find((x) => x.id === c.id)!.payerClaimNumber).toBe(
      '26330-0004471',
    );
    // A live replacement still blocks a new claim for the review.
    expect(await dispatch(session, 'claims:create', { reviewId: review.id, payerId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const csv = await act(session, (await call(session, 'claims:list', { payerId, status: 'exported' }))[0]!, {
      action: 'void',
    });
    expect(csv).toMatchObject({ frequency: '8', status: 'ready' });
    // Once voided, the review can be billed again.
    expect((await call(session, 'claims:create', { reviewId: review.id, payerId })).status).toBe('draft');
    await session.signOut();
  });

  it('prints CMS-1500 claims, each box under its item number', async () => {
    const { session, review, payerId } = await billable();
    const c = await act(session, await call(session, 'claims:create', { reviewId: review.id, payerId }), {
      action: 'ready',
    });
    const batch = await confirmedExport(session, {
      format: 'cms1500',
      from: daysAgo(30),
      to: daysAgo(0),
      payerId,
    });
    expect(batch.fileName).toBe(`claims-cms1500-${daysAgo(30)}-${daysAgo(0)}.pdf`);
    const pdf = Buffer.from(batch.content, 'base64');
    const [page] = pagesText(pdf).map((p) => p.replace(/\s+/g, ' '));
    for (const expected of [
      "1a. INSURED'S I.D. NUMBER",
      'BSR-448812',
      "O'CONNOR-NGUYỄN, RENÉE, Á",
      '03 09 1947 F',
      '21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (ICD Ind. 0)',
      'A. I10',
      'B. E11.9',
      '99605 AB 65.00 1 NPI 1245319599',
      '99607 AB 25.50 1 NPI 1245319599',
      '25. FEDERAL TAX I.D. NUMBER (EIN)',
      '34-1234567',
      `26. PATIENT'S ACCOUNT NO.`,
      c.claimNumber,
      '$ 90.50',
      '33a. NPI',
      '1234567893',
    ])
      expect(page, expected).toContain(expected);
    expect(differenceFromReference('cms-1500', renderPage(pdf, 1))).toBeLessThan(0.005);
    await session.signOut();
  });

  it('exports a CSV for vendor portals, with cells a spreadsheet cannot run', async () => {
    const { session, review, payerId } = await billable();
    await act(session, await call(session, 'claims:create', { reviewId: review.id, payerId }), { action: 'ready' });
    const batch = await confirmedExport(session, { format: 'csv', from: daysAgo(30), to: daysAgo(0), payerId });
    const [header, row] = batch.content.trim().split('\r\n');
    expect(header).toBe(
      '"Claim","Frequency","Replaces","Payer claim number replaced","Service date","Place of service","Patient","Date of birth","Member ID","Payer","Codes","Units","Charge","Diagnoses","Minutes","Patient status","Rendering NPI","Billing NPI"',
    );
    expect(row).toContain(
      `"O'Connor-Nguyễn, Renée","1947-03-09","BSR-448812","Buckeye Senior Rx","99605 x1; 99607 x1","2","90.50","I10; E11.9","38","new","1245319599","1234567893"`,
    );
    await session.signOut();
  });

  it('carries the payer’s telehealth modifier on SV1-01 and CMS-1500 24D; a claim keeps the modifier it was made with', async () => {
    const { session, review, patientId, payerId } = await billable();
    let payer = (await call(session, 'billing:setup', {})).payers[0]!;
    expect(payer).toMatchObject({ videoModifier: 'none', audioModifier: 'none' });
    expect(
      await dispatch(session, 'billing:savePayer', {
        ...PAYER,
        id: payer.id,
        version: payer.version,
        videoModifier: 'GQ',
      }),
    ).toMatchObject({ ok: false, error: { field: 'videoModifier' } });
    payer = (
      await call(session, 'billing:savePayer', {
        ...PAYER,
        id: payer.id,
        version: payer.version,
        videoModifier: '95',
        audioModifier: '93',
      })
    ).payers[0]!;
    expect(payer).toMatchObject({ videoModifier: '95', audioModifier: '93' });
    // The in-person CMR carries none.
    const inPerson = await call(session, 'claims:create', { reviewId: review.id, payerId });
    expect(inPerson.modifier).toBeNull();
    let tmr = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    tmr = await call(session, 'reviews:act', { id: tmr.id, version: tmr.version, action: 'start' });
    tmr = await call(session, 'reviews:update', {
      id: tmr.id,
      version: tmr.version,
      changes: { deliveryMethod: 'video', followUpDate: tmr.suggestedFollowUp, problemsConfirmed: true },
    });
    tmr = await call(session, 'reviews:timer', { id: tmr.id, version: tmr.version, timer: { correctMinutes: 22 } });
    for (const l of tmr.reconciliation)
      tmr = await call(session, 'reviews:resolveLine', {
        id: tmr.id,
        version: tmr.version,
        lineKey: l.key,
        resolution: 'asListed',
      });
    tmr = await call(session, 'reviews:act', { id: tmr.id, version: tmr.version, action: 'complete', minutes: 22 });
    expect((await call(session, 'claims:preview', { reviewId: tmr.id, payerId })).modifier).toBe('95');
    const video = await call(session, 'claims:create', { reviewId: tmr.id, payerId });
    expect(video).toMatchObject({ modifier: '95', lines: [{ code: '99606' }] });
    expect(video.explanation).toContain(
      'Modifier 95 Synchronous telemedicine (real-time audio and video) on each line',
    );
    // A later change of the payer's setting leaves the claim as it was made.
    await call(session, 'billing:savePayer', { ...PAYER, id: payer.id, version: payer.version, videoModifier: 'GT' });
    expect((await call(session, 'claims:list', { reviewId: tmr.id }))[0]!.modifier).toBe('95');

    await act(session, video, { action: 'ready' });
    const paper = await confirmedExport(session, {
      format: 'cms1500',
      from: daysAgo(30),
      to: daysAgo(0),
      payerId,
    });
    const [page] = pagesText(Buffer.from(paper.content, 'base64')).map((p) => p.replace(/\s+/g, ' '));
    // The header wraps in its column: "24D. CPT/HCPCS … MODIFIER".
    expect(page).toMatch(/24D\. CPT\/HCPCS .* MODIFIER /);
    expect(page).toMatch(/ 99606 95 AB 50\.00 1 NPI 1245319599/);
    // Voided after export: the void claim (frequency 8) copies the modifier, and the 837P carries it on SV1-01.
    const exported = (await call(session, 'claims:list', { reviewId: tmr.id }))[0]!;
    const voiding = await act(session, exported, { action: 'void' });
    expect(voiding).toMatchObject({ frequency: '8', modifier: '95' });
    const x12 = parse837p(
      (await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId })).content,
    );
    expect(x12.problems).toEqual([]);
    expect(x12.segments.filter((s) => s.tag === 'SV1').map((s) => [el(s, 1), el(s, 2), el(s, 4)])).toEqual([
      ['HC:99606:95', '50', '1'],
    ]);
    expect(x12.segments.filter((s) => s.tag === 'CLM').map((s) => el(s, 5))).toEqual(['01:B:8']);
    await session.signOut();
  });

  it('refuses to export a correction of an adjudicated claim while the payer’s claim number is not recorded', async () => {
    const { session, review, payerId } = await billable();
    let c = await act(session, await call(session, 'claims:create', { reviewId: review.id, payerId }), {
      action: 'ready',
    });
    await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId });
    c = (await call(session, 'claims:list', { payerId }))[0]!;
    c = await act(session, c, { action: 'paid', paidAmount: 80, paidDate: daysAgo(0), payerClaimNumber: '26330-1' });
    const replacement = await act(session, c, { action: 'replace' });
    // A correction made before MTM Desk asked for the number (or an old database): the number is not on file.
    const { db } = session.current();
    await run(db, sql`UPDATE claims SET payer_claim_number = NULL WHERE id = ${c.id}`);
    const batches = (await call(session, 'claims:batches', {})).length;
    for (const format of ['837p', 'cms1500', 'csv'] as const) {
      const range = { format, from: daysAgo(30), to: daysAgo(0), payerId };
      const preview = await call(session, 'claims:exportPreview', range);
      // The list shows the problem before anything is sent.
      expect(preview.claims.map((x) => x.problems)).toEqual([
        [{ blocking: true, message: expect.stringMatching(/^Claim .* corrects \(frequency 7\)/) }],
      ]);
      expect(await dispatch(session, 'claims:export', { ...range, claims: confirmationOf(preview) })).toMatchObject({
        ok: false,
        error: {
          code: 'validation',
          message: `Nothing was exported. Claim ${replacement.claimNumber} corrects (frequency 7) claim ${c.claimNumber}, which the payer adjudicated, but the payer’s claim number for ${c.claimNumber} is not recorded (837P REF*F8, CMS-1500 item 22). Record it on ${c.claimNumber} (Payer’s no.…, from the remittance), then export again.`,
        },
      });
    }
    expect((await call(session, 'claims:batches', {})).length).toBe(batches);
    expect((await call(session, 'claims:list', { payerId, status: 'ready' })).map((x) => x.id)).toEqual([
      replacement.id,
    ]);
    // Recorded afterwards, the correction goes out under it.
    c = (await call(session, 'claims:list', { payerId })).find((x) => x.id === c.id)!;
    expect(
      await dispatch(session, 'claims:act', {
        action: 'payerNumber',
        id: c.id,
        version: c.version,
        payerClaimNumber: '',
      }),
    ).toMatchObject({ ok: false, error: { field: 'payerClaimNumber' } });
    await act(session, c, { action: 'payerNumber', payerClaimNumber: '26330-0004471' });
    const x12 = parse837p(
      (await confirmedExport(session, { format: '837p', from: daysAgo(30), to: daysAgo(0), payerId })).content,
    );
    expect(x12.segments.filter((s) => s.tag === 'REF' && el(s, 1) === 'F8').map((s) => el(s, 2))).toEqual([
      '26330-0004471',
    ]);
    await session.signOut();
  });

  it('refuses a claim with what is missing, and a review that is not signed', async () => {
    const { session } = await newPharmacy();
    const { review, patientId } = await sampleSignedCmr(session, { medicines: 2, cmrDate: daysAgo(1) });
    const payerId = (await call(session, 'billing:savePayer', PAYER)).payers[0]!.id;
    const refused = await dispatch(session, 'claims:create', { reviewId: review.id, payerId });
    expect(refused.ok ? [] : refused.error.issues?.map((i) => i.message)).toEqual([
      'Add the pharmacy’s billing details (NPI, EIN, taxonomy, ZIP+4)',
      'Add the NPI and taxonomy of pharmacist1',
      'Add at least one active condition (ICD-10-CM) for the diagnosis',
    ]);
    const open = await call(session, 'reviews:create', { patientId, type: 'tmr' });
    expect(await dispatch(session, 'claims:create', { reviewId: open.id, payerId })).toMatchObject({
      ok: false,
      error: { message: 'Only a signed review can be billed. Finalize it first.' },
    });
    await session.signOut();
  });
});
