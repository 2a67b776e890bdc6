// NDC configurations and the 11-digit billing form: resources/reference/identifiers.json.

/** 11-digit 5-4-2 NDC, or an explanation of why the text is not one. */
export function normalizeNdc(raw: string): { ndc: string } | { problem: string } {
  const text = raw.trim();
  const parts = text.split(/[-\s]/);
  if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p))) {
    const [a, b, c] = parts as [string, string, string];
    const shape = `${a.length}-${b.length}-${c.length}`;
    if (shape === '5-4-2') return { ndc: a + b + c };
    if (shape === '4-4-2') return { ndc: `0${a}${b}${c}` };
    if (shape === '5-3-2') return { ndc: `${a}0${b}${c}` };
    if (shape === '5-4-1') return { ndc: `${a}${b}0${c}` };
    return { problem: `"${text}" is not an NDC shape (4-4-2, 5-3-2, 5-4-1 or 5-4-2)` };
  }
  const digits = text.replace(/\D/g, '');
  if (/^\d{11}$/.test(text)) return { ndc: text };
  if (isTenDigitNdc(text)) return { problem: tenDigitProblem(text) };
  return { problem: `"${text}" is not an NDC (${digits.length} digits)` };
}

/** Ten digits and nothing else: an NDC whose configuration (4-4-2, 5-3-2 or 5-4-1) the dashes would have told. */
export const isTenDigitNdc = (text: string): boolean => /^\d{10}$/.test(text.trim());

/** The three 11-digit readings of a 10-digit NDC without dashes, as 4-4-2, 5-3-2 and 5-4-1. */
export function tenDigitReadings(ten: string): [string, string, string] {
  const d = ten.trim();
  return [`0${d}`, `${d.slice(0, 5)}0${d.slice(5)}`, `${d.slice(0, 9)}0${d.slice(9)}`];
}

/** 11 digits as 5-4-2 with dashes, for people to read. */
export const dashed = (ndc11: string): string => `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;

/**
 * Why a 10-digit NDC without dashes was not taken; `known` (when the readings were looked up) are the
 * readings the pharmacy's fills or the loaded drug references know: none, or more than one.
 */
export function tenDigitProblem(text: string, known?: readonly string[]): string {
  const base = `"${text.trim()}" is a 10-digit NDC without dashes, which cannot be converted safely: export the 11-digit NDC or keep the dashes`;
  if (!known) return base;
  if (!known.length) return `${base}; none of the three readings is known`;
  const names = known.map(dashed);
  const list =
    names.length === 2
      ? `both ${names[0]} and ${names[1]}`
      : `all of ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${base}; ${list} are known`;
}
