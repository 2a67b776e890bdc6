export const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
export const codesOf = (lines: { code: string; units: number }[]) =>
  lines.map((l) => `${l.code} × ${l.units}`).join(' + ');
