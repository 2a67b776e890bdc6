import { describe, expect, it } from 'vitest';
import { codeService, timeUnits } from '../../main/billing/cpt-units';

describe('MTM CPT codes from minutes', () => {
  it.each([
    [7, 0, 0],
    [8, 0, 1],
    [14, 0, 1],
    [15, 1, 1],
    [22, 1, 1],
    [23, 1, 2],
    [29, 1, 2],
    [30, 2, 2],
    [31, 2, 2],
    [37, 2, 2],
    [38, 2, 3],
    [44, 2, 3],
    [45, 3, 3],
  ])('%i minutes: %i unit(s) in whole blocks, %i by the midpoint rule', (minutes, whole, midpoint) => {
    expect(timeUnits(minutes, 'whole')).toBe(whole);
    expect(timeUnits(minutes, 'midpoint')).toBe(midpoint);
  });

  it('bills the first unit as 99605 (new) or 99606 (established), the rest as 99607', () => {
    expect(codeService(45, 'whole', false).lines).toEqual([
      { code: '99605', units: 1 },
      { code: '99607', units: 2 },
    ]);
    expect(codeService(23, 'midpoint', true).lines).toEqual([
      { code: '99606', units: 1 },
      { code: '99607', units: 1 },
    ]);
    expect(codeService(15, 'whole', true).lines).toEqual([{ code: '99606', units: 1 }]);
    expect(codeService(14, 'whole', false)).toMatchObject({
      lines: [],
      units: 0,
      explanation: expect.stringContaining('does not reach one billable unit'),
    });
    expect(codeService(31, 'whole', false).explanation).toBe(
      '31 minutes = 2 units (Whole 15-minute blocks only: Each unit needs a full 15 minutes: 15–29 minutes is 1 unit, 30–44 is 2, 45–59 is 3.) → 99605 × 1 (new patient) + 99607 × 1.',
    );
  });
});
