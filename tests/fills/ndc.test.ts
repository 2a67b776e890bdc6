import { describe, expect, it } from 'vitest';
import { normalizeNdc } from '../../main/fills/ndc';

describe('NDC normalisation to the 11-digit 5-4-2 form', () => {
  it('pads the short segment of each 10-digit configuration', () => {
    expect(normalizeNdc('0071-0155-23')).toEqual({ ndc: '00071015523' }); // 4-4-2
    expect(normalizeNdc('12345-678-90')).toEqual({ ndc: '12345067890' }); // 5-3-2
    expect(normalizeNdc('12345-6789-1')).toEqual({ ndc: '12345678901' }); // 5-4-1
    expect(normalizeNdc('00071-0155-23')).toEqual({ ndc: '00071015523' }); // already 5-4-2
    expect(normalizeNdc('00071015523')).toEqual({ ndc: '00071015523' });
  });

  it('refuses ambiguous or malformed codes with the reason', () => {
    expect(normalizeNdc('0071015523')).toMatchObject({ problem: expect.stringMatching(/10-digit NDC without dashes/) });
    expect(normalizeNdc('123-45-6')).toMatchObject({ problem: expect.stringMatching(/not an NDC shape/) });
    expect(normalizeNdc('ABC')).toMatchObject({ problem: expect.stringMatching(/is not an NDC/) });
  });
});
