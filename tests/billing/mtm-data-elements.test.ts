import { describe, expect, it } from 'vitest';
import {
  deliveryCode,
  ELEMENT_FIELDS,
  type ElementsRecord,
  elementsCsv,
  optOutCode,
  targetingReasonCode,
  validateElements,
} from '../../main/billing/mtm-data-elements';
import { dispatch } from '../../main/bridge/dispatch';
import { all, run, sql } from '../../main/db/sql';
import { OPT_OUT_REASONS } from '../../preload/schemas/eligibility';
import { DELIVERY_METHODS } from '../../preload/schemas/reviews';
import layout from '../../resources/regulatory/mtm-data-elements.json';
import { billable } from '../helpers/billing-setup';
import { call, daysAgo } from '../helpers/temp-pharmacy';

const codesOf = (id: string) => ELEMENT_FIELDS.find((f) => f.id === id)!.codes;
const PATIENT = { lastName: "O'Connor-Nguyễn", firstName: 'Renée', dateOfBirth: '1947-03-09' };
const GOOD: ElementsRecord = {
  patient: PATIENT,
  values: {
    contract: 'S5810',
    mbi: '1EG4TE5MK73',
    lastName: PATIENT.lastName,
    firstName: PATIENT.firstName,
    dateOfBirth: PATIENT.dateOfBirth,
    targetingReason: '01',
    cognitivelyImpaired: 'N',
    enrollmentDate: '2026-02-01',
    targetedDate: '2026-01-15',
    optOutDate: null,
    optOutReason: null,
    cmrOfferedDate: '2026-02-01',
    cmrDate: '2026-02-10',
    cmrDeliveryMethod: '02',
    summarySentDate: '2026-02-12',
    tmrs: 1,
    firstTmrDate: '2026-05-01',
    recommendations: 2,
    changes: 1,
  },
};
const withValues = (values: ElementsRecord['values']): ElementsRecord => ({
  ...GOOD,
  values: { ...GOOD.values, ...values },
});

describe('CMS MTM data elements: the layout (resources/regulatory/mtm-data-elements.json)', () => {
  it('is versioned, and every field has a known format, requirement and a source the file lists', () => {
    expect(layout.version).toMatch(/^\d{4}\.\d{2}-\d+$/);
    for (const f of ELEMENT_FIELDS) {
      expect(['code', 'date', 'count', 'yn', 'contract', 'mbi', 'name'], f.id).toContain(f.format);
      expect(['always', 'whenCmr', 'whenOptOut', 'optional'], f.id).toContain(f.required);
      expect(layout.sources[f.source], f.id).toMatchObject({ title: expect.any(String) });
      expect(Boolean(f.codes), f.id).toBe(f.format === 'code');
    }
    expect(new Set(ELEMENT_FIELDS.map((f) => f.id)).size).toBe(ELEMENT_FIELDS.length);
  });

  it('carries the targeting reason, CMR delivery and opt-out reason code sets of the 2022+ file', () => {
    expect(Object.keys(codesOf('targetingReason')!).sort()).toEqual(['01', '02', '03', '04']);
    expect(Object.keys(codesOf('cmrDeliveryMethod')!).sort()).toEqual(['01', '02', '03', '99']);
    expect(Object.keys(codesOf('optOutReason')!).sort()).toEqual(['01', '02', '03', '99']);
    // The pre-2022 Y/N "met targeting criteria" is gone.
    expect(ELEMENT_FIELDS.map((f) => f.name)).not.toContain('Met targeting criteria');
  });

  it('has no free-text column, and leaves out what no public source gives a code set for', () => {
    // Every column is a code, a date, a count, Y/N or an identifier.
    expect(
      ELEMENT_FIELDS.filter((f) => !['code', 'date', 'count', 'yn', 'contract', 'mbi', 'name'].includes(f.format)),
    ).toEqual([]);
    const names = ELEMENT_FIELDS.map((f) => f.name.toLowerCase()).join('|');
    expect(names).not.toMatch(/note|comment|recipient|provider type|offered by|long-term/);
    expect(layout.notes.join(' ')).toMatch(/CMR provider type .* CMR recipient/);
  });
});

describe('CMS MTM data elements: code mappings', () => {
  it('maps each delivery method of a review to its CMS code', () => {
    expect(DELIVERY_METHODS.map(deliveryCode)).toEqual(['01', '02', '03']);
    expect(deliveryCode(null)).toBeNull();
  });

  it('maps each opt-out reason to its CMS code, and never lets the note through', () => {
    expect(OPT_OUT_REASONS.map(optOutCode)).toEqual(['01', '02', '03', '99']);
    expect(optOutCode('request: moved in with her daughter, 12 Elm St')).toBe('03');
    expect(optOutCode(null)).toBeNull();
  });

  it('codes the targeting reason from the year’s screening: its own reason, else 01 on the criteria and 04 otherwise, none while cost is unknown', () => {
    expect(targetingReasonCode({ result: 'eligible' })).toBe('01');
    expect(targetingReasonCode({ result: 'notEligible' })).toBe('04');
    expect(targetingReasonCode({ result: 'close' })).toBe('04');
    expect(targetingReasonCode({ result: 'checkCost' })).toBeNull();
    expect(targetingReasonCode({ result: 'thresholdNotSet' })).toBeNull();
    expect(targetingReasonCode(undefined)).toBeNull();
    // The screening's own reason (main/eligibility, with the plan's DMP status) is taken as it is.
    expect(targetingReasonCode({ result: 'eligible', targetingReason: '03' })).toBe('03');
    expect(targetingReasonCode({ result: 'notEligible', targetingReason: '02' })).toBe('02');
    expect(targetingReasonCode({ result: 'checkCost', targetingReason: null })).toBeNull();
  });
});

describe('CMS MTM data elements: the validator', () => {
  const who = "O'Connor-Nguyễn, Renée (born 03/09/1947)";

  it('accepts a complete record and writes it in the layout’s order', () => {
    expect(validateElements([GOOD])).toEqual([]);
    const [header, row] = elementsCsv([GOOD]).trim().split('\r\n');
    expect(JSON.parse(`[${header}]`)).toEqual(ELEMENT_FIELDS.map((f) => f.name));
    expect(JSON.parse(`[${row}]`)).toEqual(ELEMENT_FIELDS.map((f) => String(GOOD.values[f.id] ?? '')));
  });

  it('names the patient and the field of each missing or out-of-set value', () => {
    expect(
      validateElements([
        withValues({
          mbi: null,
          targetingReason: 'Y',
          cmrDeliveryMethod: null,
          optOutDate: '2026-06-01',
          optOutReason: 'moved',
          contract: 'S581',
          tmrs: -1,
        }),
      ]),
    ).toEqual([
      {
        field: 'contract',
        message: `${who}: Contract number "S581" is not a Part D contract number (a letter and 4 digits). Enter the Part D contract number on the patient's plan.`,
      },
      { field: 'mbi', message: `${who}: MBI is missing. Enter the Medicare number (MBI) on the patient's record.` },
      {
        field: 'targetingReason',
        message: `${who}: Reason met targeting criteria "Y" is not in the CMS code set (01, 02, 03, 04). Screen the patient for the contract year on MTM eligibility (enter the plans' cost threshold when the year has none).`,
      },
      {
        field: 'optOutReason',
        message: `${who}: Opt-out reason "moved" is not in the CMS code set (01, 02, 03, 99). Record why the patient left the programme on MTM eligibility.`,
      },
      {
        field: 'cmrDeliveryMethod',
        message: `${who}: CMR delivery method is missing. Record on the CMR how it was delivered (in person, telephone or video).`,
      },
      { field: 'tmrs', message: `${who}: TMRs "-1" is not a count.` },
    ]);
  });

  it('refuses a delivery method without a CMR and an opt-out reason without an opt-out date', () => {
    expect(
      validateElements([withValues({ cmrDate: null, cognitivelyImpaired: null, optOutReason: '03' })]).map(
        (i) => i.message,
      ),
    ).toEqual([
      `${who}: Opt-out reason is given but there is no opt-out date.`,
      `${who}: CMR delivery method is given but there is no CMR date.`,
    ]);
    expect(
      validateElements([withValues({ cmrDate: null, cognitivelyImpaired: null, cmrDeliveryMethod: null })]),
    ).toEqual([]);
  });
});

describe('CMS MTM data elements: the export', () => {
  it('refuses to write the file while a value is missing, naming the patient on screen only; then writes codes only', async () => {
    const { session, review, patientId } = await billable();
    const year = Number(review.cmrDate!.slice(0, 4));
    const { db } = session.current();
    const enrollment = (await call(session, 'eligibility:screen', { contractYear: year })).patients.find(
      (p) => p.patientId === patientId,
    )!.enrollment;
    await call(session, 'eligibility:record', {
      action: 'optOut',
      patientId,
      contractYear: year,
      version: enrollment.version,
      date: daysAgo(0),
      reason: 'request',
      note: 'Moved in with her daughter at 12 Elm St',
    });

    // No MBI on the record: nothing is written, and the screen is told whom and what to correct.
    const refused = await dispatch(session, 'reports:mtmDataElements', { contractYear: year });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: `The ${year} file was not written: 1 value is missing or outside the CMS code sets, for 1 patient. Correct them and export again.`,
        issues: [
          {
            field: 'mbi',
            message:
              "O'Connor-Nguyễn, Renée (born 03/09/1947): MBI is missing. Enter the Medicare number (MBI) on the patient's record.",
          },
        ],
      },
    });
    // The audit trail records the refusal without the patient's name.
    const audit = await all<{ detail: string | null; outcome: string }>(
      db,
      sql`SELECT detail, outcome FROM audit_log WHERE action = 'report.mtmDataElements'`,
    );
    expect(audit).toEqual([{ outcome: 'failure', detail: expect.stringMatching(/^The \d{4} file was not written/) }]);
    expect(JSON.stringify(audit)).not.toMatch(/Connor|Renée|1947/);

    await run(db, sql`UPDATE patients SET mbi = ${'1EG4TE5MK73'} WHERE id = ${patientId}`);
    const file = await call(session, 'reports:mtmDataElements', { contractYear: year });
    expect(file).toMatchObject({ fileName: `mtm-data-elements-${year}.csv`, rows: 1 });
    const [header, row] = file.content.trim().split('\r\n');
    expect(JSON.parse(`[${header}]`)).toEqual(ELEMENT_FIELDS.map((f) => f.name));
    const cells = Object.fromEntries(
      ELEMENT_FIELDS.map((f, i) => [f.id, (JSON.parse(`[${row}]`) as string[])[i]]),
    ) as Record<string, string>;
    expect(cells).toMatchObject({
      contract: 'S5810',
      mbi: '1EG4TE5MK73',
      targetingReason: '04',
      cognitivelyImpaired: 'N',
      enrollmentDate: review.cmrDate,
      optOutDate: daysAgo(0),
      optOutReason: '03',
      cmrDate: review.cmrDate,
      cmrDeliveryMethod: '01',
      tmrs: '0',
    });
    expect(file.content).not.toMatch(/Elm St|daughter|request|In person/);
    await session.signOut();
  });
});
