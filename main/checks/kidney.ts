// Kidney function estimates for dosing checks (formulas cited in resources/knowledge/renal.json).

/** Cockcroft–Gault creatinine clearance, mL/min, with actual body weight. */
export function cockcroftGault(age: number, weightKg: number, scrMgDl: number, sex: 'female' | 'male'): number {
  return (((140 - age) * weightKg) / (72 * scrMgDl)) * (sex === 'female' ? 0.85 : 1);
}

/** Race-free CKD-EPI 2021 creatinine eGFR, mL/min/1.73 m². */
export function ckdEpi2021(age: number, scrMgDl: number, sex: 'female' | 'male'): number {
  const kappa = sex === 'female' ? 0.7 : 0.9;
  const alpha = sex === 'female' ? -0.241 : -0.302;
  const ratio = scrMgDl / kappa;
  return (
    142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** age * (sex === 'female' ? 1.012 : 1)
  );
}
