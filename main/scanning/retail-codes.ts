// UPC-A and EAN-13 on drug packages: a UPC-A with number system 3 carries the 10-digit NDC in its
// digits 2 to 11 (the GTIN-12 built from the FDA labeler code). Sources: resources/reference/barcodes.json.
import { gs1CheckDigit } from './gs1';

export type RetailResult =
  | {
      ok: true;
      /** The UPC-A (12 digits), check digit verified; an EAN-13 starting with 0 is given as its UPC-A. */
      upc: string;
      /** The same code as a GTIN-14 (two leading zeros), for looking up with GS1 scans. */
      gtin: string;
      /** The 10-digit NDC (no dashes; its 4-4-2 / 5-3-2 / 5-4-1 configuration is not in the code). */
      ndc10: string;
    }
  | { ok: false; problem: string };

/** Reads a 12-digit UPC-A or a 13-digit EAN-13 that starts with 0 (a UPC-A in EAN form). */
export function parseRetail(text: string): RetailResult {
  const code = text.trim();
  if (!/^\d+$/.test(code)) return { ok: false, problem: 'A UPC or EAN code is digits only' };
  let upc: string;
  if (code.length === 12) upc = code;
  else if (code.length === 13) {
    const expected = gs1CheckDigit(code.slice(0, 12));
    const found = Number(code[12]);
    if (expected !== found)
      return { ok: false, problem: `The EAN-13 check digit is wrong (expected ${expected}, found ${found})` };
    if (code[0] !== '0')
      return {
        ok: false,
        problem: `This EAN-13 code is not a US drug code (it starts with ${code[0]}, not 0)`,
      };
    upc = code.slice(1);
  } else return { ok: false, problem: `A UPC-A has 12 digits and an EAN-13 has 13; this code has ${code.length}` };
  const expected = gs1CheckDigit(upc.slice(0, 11));
  const found = Number(upc[11]);
  if (expected !== found)
    return { ok: false, problem: `The UPC check digit is wrong (expected ${expected}, found ${found})` };
  if (upc[0] !== '3')
    return { ok: false, problem: `This UPC is not a drug code (it does not start with 3; it starts with ${upc[0]})` };
  return { ok: true, upc, gtin: `00${upc}`, ndc10: upc.slice(1, 11) };
}

/** True when the digits have a valid UPC-A (12) or EAN-13 (13) check digit. */
export function hasRetailCheckDigit(digits: string): boolean {
  return /^\d{12,13}$/.test(digits) && gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}
