import { describe, expect, it } from 'vitest';
import { hasRetailCheckDigit, parseRetail } from '../../main/scanning/retail-codes';

// A UPC-A with number system 3 carries the 10-digit NDC in digits 2-11 (21 CFR 201.25 bar code
// requirement; GS1 US guidance on NDC-based GTIN-12): resources/reference/barcodes.json.
describe('parseRetail', () => {
  it.each([
    ['UPC-A', '301430957019'],
    ['EAN-13 with a leading 0', '0301430957019'],
    ['with a trailing newline', '301430957019\n'],
  ])('reads the NDC from a %s', (_name, code) => {
    expect(parseRetail(code)).toEqual({ ok: true, upc: '301430957019', gtin: '00301430957019', ndc10: '0143095701' });
  });

  it('reads another NDC (4-4-2 labeler 0002)', () => {
    expect(parseRetail('300028080412')).toMatchObject({ ok: true, ndc10: '0002808041' });
  });

  it.each([
    ['a grocery UPC', '036000291452', 'This UPC is not a drug code (it does not start with 3; it starts with 0)'],
    ['a wrong UPC check digit', '301430957010', 'The UPC check digit is wrong (expected 9, found 0)'],
    ['a wrong EAN check digit', '0301430957012', 'The EAN-13 check digit is wrong (expected 9, found 2)'],
    ['a European EAN-13', '9501101530003', 'This EAN-13 code is not a US drug code (it starts with 9, not 0)'],
    ['11 digits', '30143095701', 'A UPC-A has 12 digits and an EAN-13 has 13; this code has 11'],
    ['letters', '30143O957019', 'A UPC or EAN code is digits only'],
  ])('refuses %s', (_name, code, problem) => expect(parseRetail(code)).toEqual({ ok: false, problem }));

  it('checks the check digit of 12 and 13 digit codes', () => {
    expect(hasRetailCheckDigit('301430957019')).toBe(true);
    expect(hasRetailCheckDigit('0301430957019')).toBe(true);
    expect(hasRetailCheckDigit('301430957018')).toBe(false);
    expect(hasRetailCheckDigit('1234567')).toBe(false);
  });
});
