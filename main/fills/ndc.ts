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
  if (/^\d{10}$/.test(text))
    return {
      problem: `"${text}" is a 10-digit NDC without dashes, which cannot be converted safely: export the 11-digit NDC or keep the dashes`,
    };
  return { problem: `"${text}" is not an NDC (${digits.length} digits)` };
}
