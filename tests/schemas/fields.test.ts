import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  claimActionRequest,
  claimExportPreviewRequest,
  claimExportRequest,
  payerSchema,
} from '../../preload/schemas/billing';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import {
  idSchema,
  isIsoDate,
  isoDate,
  moneyCents,
  optionalIsoDate,
  optionalPastDate,
  pastDate,
  versionSchema,
} from '../../preload/schemas/fields';
import { isIsoDate as isIsoDateFromIdentifiers } from '../../preload/schemas/identifiers';
import { reportRequest } from '../../preload/schemas/reports';
import { outreachLogRequest } from '../../preload/schemas/adherence';
import { medicationStopRequest } from '../../preload/schemas/medications';

const NOT_DATES = ['2026-1-5', '03/14/1950', 'tomorrow', ''];
/** Date-shaped but not on the calendar, with why. */
const IMPOSSIBLE: [string, string][] = [
  ['2026-02-30', '02/30/2026 is not a real date: February 2026 has 28 days'],
  ['2025-02-29', '02/29/2025 is not a real date: February 2025 has 28 days'],
  ['1946-04-31', '04/31/1946 is not a real date: April 1946 has 30 days'],
  ['2026-13-45', '13/45/2026 is not a real date: the month (first number) is 01 to 12'],
  ['2026-00-10', '00/10/2026 is not a real date: the month (first number) is 01 to 12'],
  ['2026-01-00', '01/00/2026 is not a real date: January 2026 has 31 days'],
];
const message = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('isoDate', () => {
  const paid = isoDate('date paid');

  it('refuses dates that are not on the calendar, and accepts 29 February in a leap year', () => {
    for (const v of NOT_DATES) expect(message(paid.safeParse(v)), v).toBe('Enter the date paid as MM/DD/YYYY');
    for (const [v, why] of IMPOSSIBLE) expect(message(paid.safeParse(v)), v).toBe(why);
    expect(paid.parse('2024-02-29')).toBe('2024-02-29');
    expect(paid.parse(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('asks for the date when it is missing or not a string', () => {
    expect(message(paid.safeParse(undefined))).toBe('Enter the date paid');
    expect(message(paid.safeParse(20240229))).toBe('Enter the date paid');
  });

  it('is the same calendar check identifiers.ts re-exports', () => {
    expect(isIsoDateFromIdentifiers).toBe(isIsoDate);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});

describe('billing requests use the calendar-checked date', () => {
  const paidAction = (paidDate: string) =>
    claimActionRequest.safeParse({ action: 'paid', id: randomUUID(), version: 1, paidAmount: 80, paidDate });

  it('refuses 2026-13-45, 2026-02-30 and 2025-02-29 as a date paid, accepts 2024-02-29', () => {
    for (const v of ['2026-13-45', '2026-02-30', '2025-02-29']) {
      const r = paidAction(v);
      expect(r.success, v).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({
        path: ['paidDate'],
        message: expect.stringContaining('not a real date'),
      });
    }
    expect(paidAction('2024-02-29').success).toBe(true);
  });

  it('checks the export range dates too', () => {
    const payerId = randomUUID();
    const range = (from: string, to: string) => ({ format: 'csv', from, to, payerId });
    const parsers = [
      (from: string, to: string) => claimExportPreviewRequest.safeParse(range(from, to)),
      (from: string, to: string) => claimExportRequest.safeParse({ ...range(from, to), claims: [] }),
    ];
    for (const parse of parsers) {
      expect(message(parse('2026-02-30', '2026-03-31'))).toBe(
        '02/30/2026 is not a real date: February 2026 has 28 days',
      );
      expect(parse('2024-02-01', '2024-02-29').success).toBe(true);
    }
  });

  it('keeps the fee bounds and messages', () => {
    const fee = moneyCents('99605');
    expect(fee.parse(12.345)).toBe(1235);
    expect(message(fee.safeParse(-1))).toBe('A fee cannot be negative');
    expect(message(fee.safeParse(10000.01))).toBe('Check the fee: more than $10,000');
    expect(message(fee.safeParse(undefined))).toBe('Enter the fee for 99605');
    expect(payerSchema.shape.fees.shape['99606'].safeParse('80').error?.issues[0]?.message).toBe(
      'Enter the fee for 99606',
    );
  });
});

describe('reports use the calendar-checked date', () => {
  it('refuses 2025-02-29 and accepts 2024-02-29', () => {
    expect(message(reportRequest.safeParse({ from: '2025-02-29', to: '2025-03-31' }))).toBe(
      '02/29/2025 is not a real date: February 2025 has 28 days',
    );
    expect(message(reportRequest.safeParse({ from: '2025-2', to: '2025-03-31' }))).toBe(
      'Enter the first date as MM/DD/YYYY',
    );
    expect(reportRequest.safeParse({ from: '2024-02-29', to: '2024-03-31' }).success).toBe(true);
  });
});

describe('pastDate', () => {
  const measured = pastDate('date measured');

  it('accepts today and refuses tomorrow (the pharmacy’s today, from todayIso)', () => {
    const today = todayIso();
    const tomorrow = isoDaysBefore(today, -1);
    expect(measured.parse(today)).toBe(today);
    expect(measured.parse(isoDaysBefore(today, 1))).toBe(isoDaysBefore(today, 1));
    expect(message(measured.safeParse(tomorrow))).toBe('The date measured cannot be in the future');
  });

  it('still refuses non-dates first', () => {
    for (const v of ['2026-13-45', '2026-02-30', '2025-02-29'])
      expect(message(measured.safeParse(v)), v).toContain('is not a real date');
    expect(message(measured.safeParse('13/45/2026'))).toBe('Enter the date measured as MM/DD/YYYY');
    expect(measured.parse('2024-02-29')).toBe('2024-02-29');
  });

  it('keeps the older wording where a field had its own', () => {
    const tomorrow = isoDaysBefore(todayIso(), -1);
    const outreach = outreachLogRequest.safeParse({
      patientId: randomUUID(),
      attemptedOn: tomorrow,
      method: 'phone',
      result: 'reached',
    });
    expect(outreach.error?.issues[0]).toMatchObject({
      path: ['attemptedOn'],
      message: 'The attempt cannot be in the future',
    });
    const stop = (stopDate?: string) =>
      medicationStopRequest.safeParse({ id: randomUUID(), version: 1, stopDate, reason: 'Side effects' });
    expect(message(stop(undefined))).toBe('Enter the date it was stopped');
    expect(message(stop('2025-02-29'))).toBe('02/29/2025 is not a real date: February 2025 has 28 days');
    expect(message(stop('2025-2-3'))).toBe('Enter the stop date as MM/DD/YYYY');
    expect(message(stop(tomorrow))).toBe('The stop date cannot be in the future');
    expect(stop(todayIso()).success).toBe(true);
  });
});

describe('optional dates', () => {
  it('treat an empty string as not given and check a given one', () => {
    const start = optionalPastDate('start date');
    expect(start.parse('')).toBeUndefined();
    expect(start.parse(undefined)).toBeUndefined();
    expect(message(start.safeParse('2025-02-29'))).toBe('02/29/2025 is not a real date: February 2025 has 28 days');
    expect(message(start.safeParse('2025-02'))).toBe('Enter the start date as MM/DD/YYYY');
    expect(message(start.safeParse(isoDaysBefore(todayIso(), -1)))).toBe('The start date cannot be in the future');
    expect(
      message(optionalIsoDate('from date', { format: 'Enter the from date as YYYY-MM-DD' }).safeParse('2026-13')),
    ).toBe('Enter the from date as YYYY-MM-DD');
  });
});

describe('idSchema and versionSchema', () => {
  it('refuses an id that is not a uuid', () => {
    for (const v of ['abc', '', 42, null, `${randomUUID()}x`])
      expect(message(idSchema.safeParse(v)), String(v)).toBe('Not a valid record id');
    const id = randomUUID();
    expect(idSchema.parse(id)).toBe(id);
  });

  it('takes a positive whole version only', () => {
    expect(versionSchema.parse(3)).toBe(3);
    for (const v of [0, -1, 1.5, '1']) expect(versionSchema.safeParse(v).success, String(v)).toBe(false);
  });
});
