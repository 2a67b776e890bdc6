import { describe, expect, it } from 'vitest';
import { ckdEpi2021, cockcroftGault } from '../../main/checks/kidney';

describe('kidney function estimates', () => {
  it('Cockcroft–Gault, worked by hand', () => {
    // (140 − 80) × 60 / (72 × 1.2) = 41.67; × 0.85 for a woman = 35.42
    expect(cockcroftGault(80, 60, 1.2, 'female')).toBeCloseTo(35.42, 2);
    // (140 − 45) × 90 / (72 × 1.0) = 118.75
    expect(cockcroftGault(45, 90, 1.0, 'male')).toBeCloseTo(118.75, 2);
  });

  it('CKD-EPI 2021, the National Kidney Foundation worked example and both sides of the spline', () => {
    // 55-year-old woman, creatinine 0.9: "about 76" in the kidney.org example, which rounds its steps;
    // unrounded 142 × (0.9/0.7)^−1.2 × 0.9938^55 × 1.012 = 142 × 0.73963 × 0.71030 × 1.012 = 75.5
    expect(ckdEpi2021(55, 0.9, 'female')).toBeCloseTo(75.5, 1);
    // 80-year-old woman, creatinine 1.2: 142 × (1.2/0.7)^−1.2 × 0.9938^80 × 1.012 = 45.76
    expect(ckdEpi2021(80, 1.2, 'female')).toBeCloseTo(45.76, 1);
    // below the hinge the α exponent applies: man of 40, creatinine 0.8 → 142 × (0.8/0.9)^−0.302 × 0.9938^40 = 142 ×
    // 1.0362 × 0.7798 = 114.7
    expect(ckdEpi2021(40, 0.8, 'male')).toBeCloseTo(114.7, 1);
  });
});
