import { describe, expect, it } from 'vitest';
import { proportionOfDaysCovered } from '../../main/checks/pdc';

// Worked by hand: 1 Jan–31 Mar 2026 is 31 + 28 + 31 = 90 days.
describe('proportion of days covered (PQA method)', () => {
  it('counts the days each fill covers from the first fill to the end of the period', () => {
    // 1 Jan (30 days: 1–30 Jan) and 15 Feb (30 days: 15 Feb–16 Mar) → 60 of 90 days
    const r = proportionOfDaysCovered(
      [
        { drug: 'atorvastatin', date: '2026-01-01', daysSupply: 30 },
        { drug: 'atorvastatin', date: '2026-02-15', daysSupply: 30 },
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(r).toEqual({ pdc: 60 / 90, coveredDays: 60, periodDays: 90, indexDate: '2026-01-01' });
  });

  it('shifts an early refill of the same drug to the day after the previous supply ends', () => {
    // 1 Jan covers 1–30 Jan; the 20 Jan refill starts 31 Jan and covers 31 Jan–1 Mar → 60 days, not 49
    const r = proportionOfDaysCovered(
      [
        { drug: 'lisinopril', date: '2026-01-01', daysSupply: 30 },
        { drug: 'lisinopril', date: '2026-01-20', daysSupply: 30 },
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(r.coveredDays).toBe(60);
  });

  it('counts overlapping days of different drugs in the class once, without shifting', () => {
    // atorvastatin 1–30 Jan, simvastatin 20 Jan–18 Feb: union 1 Jan–18 Feb = 31 + 18 = 49 days
    const r = proportionOfDaysCovered(
      [
        { drug: 'atorvastatin', date: '2026-01-01', daysSupply: 30 },
        { drug: 'simvastatin', date: '2026-01-20', daysSupply: 30 },
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(r).toMatchObject({ coveredDays: 49, periodDays: 90 });
  });

  it('starts at the first fill and cuts supply past the end of the period', () => {
    // index 1 Mar; 1–30 Mar, refill of 20 Mar shifted to 31 Mar, cut at 31 Mar → 31 of 31 days
    const r = proportionOfDaysCovered(
      [
        { drug: 'metformin', date: '2026-03-01', daysSupply: 30 },
        { drug: 'metformin', date: '2026-03-20', daysSupply: 30 },
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(r).toEqual({ pdc: 1, coveredDays: 31, periodDays: 31, indexDate: '2026-03-01' });
  });

  it('needs two fills on different dates inside the period', () => {
    expect(
      proportionOfDaysCovered([{ drug: 'metformin', date: '2026-02-01', daysSupply: 90 }], '2026-01-01', '2026-12-31')
        .pdc,
    ).toBeNull();
    expect(
      proportionOfDaysCovered(
        [
          { drug: 'metformin', date: '2026-02-01', daysSupply: 30 },
          { drug: 'glipizide', date: '2026-02-01', daysSupply: 30 },
        ],
        '2026-01-01',
        '2026-12-31',
      ).pdc,
    ).toBeNull();
    expect(
      proportionOfDaysCovered(
        [
          { drug: 'metformin', date: '2025-12-01', daysSupply: 30 },
          { drug: 'metformin', date: '2026-02-01', daysSupply: 30 },
        ],
        '2026-01-01',
        '2026-12-31',
      ).pdc,
    ).toBeNull();
  });

  it('falls below the 80% threshold when a 90-day refill is two months late', () => {
    // 1 Jan–29 Jul is 210 days. 1 Jan covers 1 Jan–31 Mar (90); 1 Jun covers 1 Jun–29 Jul within the period (30 + 29 =
    // 59)
    const late = proportionOfDaysCovered(
      [
        { drug: 'losartan', date: '2026-01-01', daysSupply: 90 },
        { drug: 'losartan', date: '2026-06-01', daysSupply: 90 },
      ],
      '2026-01-01',
      '2026-07-29',
    );
    expect(late).toMatchObject({ coveredDays: 149, periodDays: 210 });
    expect(late.pdc).toBeLessThan(0.8);
    // a month late instead (1 May: 1 May–29 Jul, 90 days) passes: 180 of 210
    const onTime = proportionOfDaysCovered(
      [
        { drug: 'losartan', date: '2026-01-01', daysSupply: 90 },
        { drug: 'losartan', date: '2026-05-01', daysSupply: 90 },
      ],
      '2026-01-01',
      '2026-07-29',
    );
    expect(onTime).toMatchObject({ coveredDays: 180, periodDays: 210 });
    expect(onTime.pdc).toBeGreaterThanOrEqual(0.8);
  });
});
