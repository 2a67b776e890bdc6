import { afterEach, describe, expect, it } from 'vitest';
import { setPharmacyTimeZone } from '../../preload/schemas/dates';
import { build837p } from '../../main/billing/x12-837p';
import { payer, provider, sampleClaims } from '../helpers/sample-claims';
import { el, parse837p } from './x12-check';

describe('837P batch', () => {
  afterEach(() => setPharmacyTimeZone(null));

  it('is dated by the pharmacy’s clock: 8:30 pm in New York is not already tomorrow', () => {
    setPharmacyTimeZone('America/New_York');
    const content = build837p({
      provider,
      payer,
      claims: sampleClaims(1),
      control: 7,
      at: new Date('2026-12-04T01:30:00Z'),
    });
    const { interchange, group, segments } = parse837p(content);
    expect([el(interchange.header, 9), el(interchange.header, 10)]).toEqual(['261203', '2030']);
    expect([el(group.header, 4), el(group.header, 5)]).toEqual(['20261203', '2030']);
    const bht = segments.find((s) => s.tag === 'BHT')!;
    expect([el(bht, 4), el(bht, 5)]).toEqual(['20261203', '2030']);
  });

  it('writes 1 000 claims that parse back with every loop, count and control number right', () => {
    const batch = sampleClaims(1000);
    const content = build837p({ provider, payer, claims: batch, control: 4321, at: new Date('2026-11-30T15:04:00Z') });
    const { interchange, group, segments, problems } = parse837p(content);
    expect(problems).toEqual([]);
    // ISA13 is fixed-width in the file; node-x12 reads it as a number.
    expect(content).toMatch(/^ISA(\*[^*]*){12}\*000004321\*/);
    expect(Number(el(interchange.header, 13))).toBe(4321);
    expect(el(group.header, 6)).toBe('4321');
    expect(el(interchange.header, 9)).toBe('261130');
    const hl = segments.filter((s) => s.tag === 'HL');
    expect(hl.length).toBe(1001);
    hl.forEach((s, i) =>
      expect([el(s, 1), el(s, 2), el(s, 3)]).toEqual(i === 0 ? ['1', '', '20'] : [String(i + 1), '1', '22']),
    );
    const clm = segments.filter((s) => s.tag === 'CLM');
    expect(clm.map((s) => el(s, 1))).toEqual(batch.map((c) => c.claim.claimNumber));
    // Each claim's lines add up to its total; the delimiters in names never split an element.
    let k = 0;
    for (const [i, s] of segments.entries()) {
      if (s.tag !== 'CLM') continue;
      let sum = 0;
      for (let j = i + 1; j < segments.length && segments[j]!.tag !== 'HL'; j++)
        if (segments[j]!.tag === 'SV1') sum += Math.round(Number(el(segments[j]!, 2)) * 100);
      expect(sum).toBe(batch[k++]!.claim.totalCents);
    }
    const subscribers = segments.filter((s) => s.tag === 'NM1' && el(s, 1) === 'IL');
    expect(subscribers.slice(0, 2).map((s) => [el(s, 3), el(s, 4)])).toEqual([
      ["O'BRIEN 0", 'JOSE'],
      ["O'BRIEN 1", 'RENEE'],
    ]);
    expect(segments.filter((s) => s.tag === 'N3' && el(s, 1) === '1 ELM ST APT 2').length).toBe(1000);
  });
});
