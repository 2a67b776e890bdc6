import { describe, expect, it } from 'vitest';
import { ageOn, parseUsDate } from '../../preload/schemas/dates';
import { dateOfBirthSchema, isValidMbi, isValidNpi, normalizeMbi } from '../../preload/schemas/identifiers';

describe('Medicare Beneficiary Identifier', () => {
  it('accepts the CMS example with or without dashes, in any case', () => {
    for (const mbi of ['1EG4-TE5-MK73', '1eg4te5mk73', ' 1EG4 TE5 MK73 ']) expect(isValidMbi(mbi), mbi).toBe(true);
    expect(normalizeMbi('1eg4-te5-mk73')).toBe('1EG4TE5MK73');
  });

  it('rejects a wrong length, a 0 first, digits where letters belong, and the letters S L O I B Z', () => {
    const bad = [
      '1EG4TE5MK7',
      '1EG4TE5MK733',
      '0EG4TE5MK73',
      '12G4TE5MK73',
      '1EG45E5MK73',
      '1EGATE5MK73',
      '1EG4TE5M773',
      '1EG4TE5MKA3',
    ];
    for (const letter of 'SLOIBZ') bad.push(`1${letter}G4TE5MK73`, `1EG4TE5M${letter}73`);
    for (const mbi of bad) expect(isValidMbi(mbi), mbi).toBe(false);
  });
});

describe('NPI check digit (Luhn over 80840 + 9 digits)', () => {
  it('accepts valid NPIs and rejects a one-digit slip', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1245319599')).toBe(true);
    expect(isValidNpi('1234567894')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
  });
});

describe('dates as typed at the counter', () => {
  it('reads US and ISO forms', () => {
    expect(parseUsDate('03/14/1950')).toBe('1950-03-14');
    expect(parseUsDate('3-4-1950')).toBe('1950-03-04');
    expect(parseUsDate('03141950')).toBe('1950-03-14');
    expect(parseUsDate('1950-03-14')).toBe('1950-03-14');
    expect(parseUsDate('Smith')).toBeNull();
  });

  it('refuses impossible, future and implausibly old dates of birth', () => {
    expect(dateOfBirthSchema.safeParse('1948-02-30').success).toBe(false);
    // 02/30/1946 as typed (the form sends parseUsDate's 1946-02-30): say the date does not exist, not how to type it.
    expect(dateOfBirthSchema.safeParse(parseUsDate('02/30/1946')).error?.issues[0]?.message).toBe(
      '02/30/1946 is not a real date: February 1946 has 28 days',
    );
    expect(dateOfBirthSchema.safeParse('March 3').error?.issues[0]?.message).toBe(
      'Enter the date of birth as MM/DD/YYYY',
    );
    expect(dateOfBirthSchema.safeParse('2999-01-01').error?.issues[0]?.message).toBe(
      'The date of birth cannot be in the future',
    );
    expect(dateOfBirthSchema.safeParse('1850-01-01').success).toBe(false);
    expect(dateOfBirthSchema.safeParse('1948-02-29').success).toBe(true);
  });

  it('counts age in whole years, the day before and on the birthday', () => {
    expect(ageOn('1950-03-14', new Date(2026, 2, 13))).toBe(75);
    expect(ageOn('1950-03-14', new Date(2026, 2, 14))).toBe(76);
  });
});
