import { afterEach, describe, expect, it } from 'vitest';
import { formatInstantTime, impossibleDate, parseUsDate, setPharmacyTimeZone } from '../../preload/schemas/dates';

describe('impossibleDate', () => {
  it('says why a date typed in the right shape is not on the calendar', () => {
    expect(impossibleDate(parseUsDate('02/30/1946')!)).toBe('02/30/1946 is not a real date: February 1946 has 28 days');
    expect(impossibleDate(parseUsDate('2/29/1948')!)).toBeNull();
    expect(impossibleDate(parseUsDate('9/31/2025')!)).toBe('09/31/2025 is not a real date: September 2025 has 30 days');
    expect(impossibleDate(parseUsDate('14/02/1950')!)).toBe(
      '14/02/1950 is not a real date: the month (first number) is 01 to 12',
    );
  });

  it('leaves what is not date-shaped to the format message', () => {
    expect(impossibleDate('March 3')).toBeNull();
    expect(impossibleDate('1950-3-4')).toBeNull();
  });
});

describe('formatInstantTime', () => {
  afterEach(() => setPharmacyTimeZone(null));

  it('shows an audit moment as the pharmacy’s MM/DD/YYYY and time, never YYYY-MM-DD', () => {
    setPharmacyTimeZone('America/New_York');
    // 02:05 UTC on 21 November is still 20 November, 9:05 pm, in Ohio.
    expect(formatInstantTime('2025-11-21T02:05:31.000Z')).toBe('11/20/2025 9:05:31 PM');
  });
});
