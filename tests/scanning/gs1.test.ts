import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, gs1Date, gtinProblem, ndcFromGtin, parseGs1 } from '../../main/scanning/gs1';

const GS = '\x1d';
const TODAY = new Date(Date.UTC(2026, 11, 3));

describe('GS1 check digit (GenSpecs 7.9.1, mod 10 with weights 3 and 1 from the right)', () => {
  it.each([
    ['0950600013435', 2], // GS1 example GTIN 09506000134352 (950 is GS1's example prefix)
    ['0030143095701', 9], // NDC 0143-0957-01 in a GTIN-14: 00301430957019
    ['03600029145', 2], // UPC-A 036000291452
    ['9501234567890', 3],
  ])('%s → %i', (body, check) => expect(gs1CheckDigit(body)).toBe(check));

  it('names the expected and the found digit', () => {
    // The GTIN quoted in the brief, 00301430957010, fails its own check digit: the valid one ends in 9.
    expect(gtinProblem('00301430957010')).toBe('The GTIN check digit is wrong (expected 9, found 0)');
    expect(gtinProblem('00301430957019')).toBeUndefined();
  });
});

describe('GS1 dates (GenSpecs 3.4.5 and 7.12)', () => {
  it.each([
    ['271231', '2027-12-31'],
    // GenSpecs 3.4.5 note: day 00 is the last day of the month, leap years included.
    ['130200', '2013-02-28'],
    ['160200', '2016-02-29'],
    ['280200', '2028-02-29'],
    ['270400', '2027-04-30'],
    // GenSpecs 7.12: 49 years back to 50 years ahead of the current year (2026 here).
    ['760101', '2076-01-01'], // +50: this century
    ['770101', '1977-01-01'], // +51: previous century
    ['000101', '2000-01-01'],
  ])('%s → %s (today 2026-12-03)', (yymmdd, date) => expect(gs1Date(yymmdd, TODAY)).toEqual({ date }));

  it('moves the window with the current year', () => {
    // In 2080: 30 is 2130 (+50), 31 is 2031 (-49).
    const in2080 = new Date(Date.UTC(2080, 0, 1));
    expect(gs1Date('300101', in2080)).toEqual({ date: '2130-01-01' });
    expect(gs1Date('310101', in2080)).toEqual({ date: '2031-01-01' });
  });

  it.each([
    ['271331', 'The date 271331 has month 13, which does not exist'],
    ['270231', 'The date 270231 has day 31, but 2027-02 has 28 days'],
    ['27123', 'The date "27123" is not six digits (YYMMDD)'],
  ])('%s is refused', (yymmdd, problem) => expect(gs1Date(yymmdd, TODAY)).toEqual({ problem }));
});

describe('parseGs1', () => {
  const full = {
    ok: true,
    gtin: '00301430957019',
    expiry: '2027-12-31',
    lot: 'A1B2C3',
    serial: '1234567890',
    ndc10: '0143095701',
  };
  it('reads a DSCSA product identifier with FNC1 as GS and the GS1 DataMatrix identifier ]d2', () => {
    const r = parseGs1(`]d201003014309570191727123110A1B2C3${GS}211234567890`, { today: TODAY });
    expect(r).toMatchObject(full);
  });

  it.each([
    ['no identifier, fixed fields first', `01003014309570191727123110A1B2C3${GS}211234567890`],
    ['GS1-128 ]C1, lot before expiry', `]C1010030143095701910A1B2C3${GS}17271231211234567890`],
    ['GS1 QR ]Q3', `]Q301003014309570191727123110A1B2C3${GS}211234567890`],
    ['DataBar ]e0', `]e001003014309570191727123110A1B2C3${GS}211234567890`],
    ['leading FNC1 as GS (zxing DataMatrix)', `${GS}01003014309570191727123110A1B2C3${GS}211234567890`],
    ['bracketed human-readable form', '(01)00301430957019(17)271231(10)A1B2C3(21)1234567890'],
    ['trailing CR LF from the scanner', `01003014309570191727123110A1B2C3${GS}211234567890\r\n`],
    ['a GS after a predefined-length field (tolerated)', `0100301430957019${GS}1727123110A1B2C3${GS}211234567890`],
  ])('%s', (_name, text) => {
    expect(parseGs1(text, { today: TODAY })).toMatchObject(full);
  });

  it('accepts a substitute for GS configured for the scanner', () => {
    const r = parseGs1('01003014309570191727123110A1B2C3~211234567890', { groupSeparator: '~', today: TODAY });
    expect(r).toMatchObject({ ok: true, lot: 'A1B2C3', serial: '1234567890' });
  });

  it('steps over unknown AIs of predefined length (GenSpecs Figure 7.8.4-2) and known variable ones', () => {
    // (11) production date, (3103) net weight kg with 3 decimals (not in the named list), (7003) expiry time.
    const r = parseGs1(`]C10109506000134352112601013103000750${GS}10LOT7${GS}70032712312359`, { today: TODAY });
    expect(r).toMatchObject({ ok: true, gtin: '09506000134352', lot: 'LOT7' });
    expect(r.ok && r.elements.map((e) => e.ai)).toEqual(['01', '11', '3103', '10', '7003']);
    expect(r.ok && r.ndc10).toBeUndefined(); // not an NDC-based GTIN
  });

  it('reads DD=00 as the last day of the month', () => {
    expect(parseGs1('010030143095701917280200', { today: TODAY })).toMatchObject({ expiry: '2028-02-29' });
  });

  it.each([
    [
      'wrong GTIN check digit',
      '010030143095701017271231' + '10A',
      'The GTIN check digit is wrong (expected 9, found 0)',
    ],
    ['missing GTIN', `10ABC${GS}17271231`, 'The GS1 data has no GTIN (application identifier 01)'],
    [
      'unknown AI',
      '010030143095701959ABC',
      'The GS1 data contains an application identifier starting "59" that this program does not know, so the rest cannot be read',
    ],
    [
      'lot too long because the GS is missing',
      '010030143095701910A1B2C3D4E5F6G7H8I9J0211234',
      'The batch or lot number (10) is longer than 20 characters (found 26): a group separator (FNC1) may be missing after it',
    ],
    ['short GTIN', '01003014309570', 'The GTIN (01) should be 14 digits but has 12'],
    ['bad expiry', '010030143095701917271332', 'Expiration date: The date 271332 has month 13, which does not exist'],
    ['letters in a numeric field', '0100301430957019172712AB', 'The expiration date (17) must be digits only'],
    [
      'a character GS1 does not allow',
      `0100301430957019 10AB#1`,
      'The GS1 data has something other than an application identifier where one should start',
    ],
    [
      'lot with a space',
      `010030143095701910AB 1`,
      'The batch or lot number (10) contains a character GS1 does not allow',
    ],
    ['empty lot', `010030143095701910${GS}21X`, 'The batch or lot number (10) is empty'],
    ['non-GS1 symbology', ']C01234567', 'The scan is not GS1 data (the scanner reports symbology ]C0)'],
    [
      'same AI twice',
      `010030143095701910A${GS}10B`,
      'The GS1 data has application identifier (10) twice with different values',
    ],
    [
      'bracketed unknown AI',
      '(01)00301430957019(59)X',
      'The GS1 data contains application identifier (59), which this program does not know',
    ],
    ['empty', '', 'The scan is empty'],
  ])('%s → specific problem', (_name, text, problem) => {
    expect(parseGs1(text, { today: TODAY })).toEqual({ ok: false, problem });
  });

  it('finds the NDC only in NDC-based GTINs (indicator 0, prefix 03)', () => {
    expect(ndcFromGtin('00301430957019')).toBe('0143095701');
    expect(ndcFromGtin('50301430957014')).toBeUndefined(); // a case of the same item (indicator 5)
    expect(ndcFromGtin('09506000134352')).toBeUndefined();
  });
});

describe('reference data', () => {
  it('the predefined-length table is the cited one in resources/reference/barcodes.json', async () => {
    const { PREDEFINED_LENGTH } = await import('../../main/scanning/gs1');
    const { default: reference } = await import('../../resources/reference/barcodes.json');
    expect(PREDEFINED_LENGTH).toEqual(reference.gs1.predefinedLength.totalLength);
    expect(reference.gs1.predefinedLength.source).toMatch(/GS1 General Specifications/);
  });
});
