import { describe, expect, it } from 'vitest';
import { readScan } from '../../main/scanning/read-scan';

const GS = '\x1d';
const today = new Date(Date.UTC(2026, 11, 3));
const dscsa = {
  kind: 'gs1',
  gtin: '00301430957019',
  expiry: '2027-12-31',
  lot: 'A1B2C3',
  serial: '1234567890',
  ndc10: '0143095701',
};

describe('readScan', () => {
  it.each([
    [']d2 + GS separators', `]d201003014309570191727123110A1B2C3${GS}211234567890\r`, ']d2'],
    ['leading GS, no identifier', `${GS}01003014309570191727123110A1B2C3${GS}211234567890\n`, undefined],
    ['no identifier, starts with 01 + 14 digits', `01003014309570191727123110A1B2C3${GS}211234567890\t`, undefined],
    ['bracketed', '(01)00301430957019(17)271231(10)A1B2C3(21)1234567890', undefined],
  ])('reads GS1: %s', (_name, text, aim) => {
    expect(readScan(text, { today })).toEqual(aim ? { ...dscsa, aim } : dscsa);
  });

  it('uses the configured group separator substitute', () => {
    expect(readScan('01003014309570191727123110A1B2C3|211234567890', { groupSeparator: '|', today })).toEqual(dscsa);
  });

  it('reports a GS1 problem instead of guessing', () => {
    expect(readScan(`]d2010030143095701017271231`, { today })).toEqual({
      kind: 'unknown',
      aim: ']d2',
      problem: 'The GTIN check digit is wrong (expected 9, found 0)',
    });
  });

  it.each([
    ['UPC-A', '301430957019', undefined],
    ['EAN-13 form', '0301430957019\r\n', undefined],
    ['UPC-A as ]E0 (13 digits)', ']E00301430957019', ']E0'],
  ])('reads a retail %s', (_name, text, aim) => {
    const expected = { kind: 'retail', upc: '301430957019', gtin: '00301430957019', ndc10: '0143095701' };
    expect(readScan(text)).toEqual(aim ? { ...expected, aim } : expected);
  });

  it('says why a grocery UPC is not a drug', () => {
    expect(readScan('036000291452')).toEqual({
      kind: 'unknown',
      problem: 'This UPC is not a drug code (it does not start with 3; it starts with 0)',
    });
  });

  it('reads a plain GTIN-14 (ITF-14) as AI 01', () => {
    expect(readScan('00301430957019')).toEqual({ kind: 'gs1', gtin: '00301430957019', ndc10: '0143095701' });
  });

  it.each([
    ['default layout', '1234567', undefined, undefined, { rxNumber: '1234567' }],
    ['default layout, Code 128 identifier', ']C01234567\r', undefined, ']C0', { rxNumber: '1234567' }],
    [
      '12 digits with a bad UPC check digit are an Rx number',
      '123456789013',
      undefined,
      undefined,
      { rxNumber: '123456789013' },
    ],
    ['custom layout', 'RX1234567-02', 'RX{rx}-{fill}', undefined, { rxNumber: '1234567', fillNumber: '02' }],
  ])('reads a label: %s', (_name, text, pattern, aim, fields) => {
    const labelLayout = pattern ? { symbology: 'code128' as const, pattern } : undefined;
    expect(readScan(text, { labelLayout })).toEqual({ kind: 'label', ...fields, ...(aim ? { aim } : {}) });
  });

  it('refuses a label read from a different symbology than the layout', () => {
    expect(readScan(']A01234567')).toEqual({
      kind: 'unknown',
      aim: ']A0',
      problem:
        "This looks like a prescription label but was scanned from a code39 symbol; the pharmacy's labels are set up as code128",
    });
  });

  it.each(['', '\r\n', 'hello world', ']', ']d2', 'RX12-'])('gives a problem for %j', (text) => {
    const r = readScan(text, { labelLayout: { symbology: 'code128', pattern: 'RX{rx}-{fill}' } });
    expect(r.kind).toBe('unknown');
    expect(r.kind === 'unknown' && r.problem.length).toBeGreaterThan(10);
  });

  it('never throws on random input', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = `0123456789()[]{}]dCQeE\x1d\r\n\t ~|%-ABCxyz\u00e9\u{1F600}\0`;
    const kinds = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(rand() * 60);
      let text = rand() < 0.3 ? ']d2' : rand() < 0.3 ? '01' : '';
      for (let k = 0; k < length; k++) text += [...alphabet][Math.floor(rand() * [...alphabet].length)];
      const r = readScan(text, { groupSeparator: rand() < 0.2 ? '~' : undefined });
      expect(['gs1', 'retail', 'label', 'unknown']).toContain(r.kind);
      kinds.add(r.kind);
    }
    expect(readScan(undefined as unknown as string).kind).toBe('unknown');
    expect(readScan('1'.repeat(100_000)).kind).toBe('unknown');
    expect(kinds.has('unknown')).toBe(true);
  });
});

describe('readScan edge cases', () => {
  it('takes 01 + a valid GTIN-14 alone as GS1, but 16 digits failing the check as a label', () => {
    expect(readScan('0100301430957019')).toEqual({ kind: 'gs1', gtin: '00301430957019', ndc10: '0143095701' });
    expect(readScan('0100301430957010')).toEqual({ kind: 'label', rxNumber: '0100301430957010' });
  });

  it('says when the label layout itself is unusable', () => {
    expect(readScan('1234567', { labelLayout: { symbology: 'code128', pattern: '{fill}' } })).toEqual({
      kind: 'unknown',
      problem: "The pharmacy's label layout cannot be used: The label layout must contain {rx}, the Rx number",
    });
  });
});
