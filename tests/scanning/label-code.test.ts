import { describe, expect, it } from 'vitest';
import { compileLabelLayout, DEFAULT_LABEL_LAYOUT, parseLabel, type LabelLayout } from '../../main/scanning/label-code';

const layout = (pattern: string): LabelLayout => ({ symbology: 'code128', pattern });

describe('parseLabel', () => {
  it('reads the default layout: Code 128 with the Rx number alone', () => {
    expect(DEFAULT_LABEL_LAYOUT).toEqual({ symbology: 'code128', pattern: '{rx}' });
    expect(parseLabel('1234567')).toEqual({ ok: true, rxNumber: '1234567' });
    expect(parseLabel('1234567\r\n')).toEqual({ ok: true, rxNumber: '1234567' });
  });

  it.each([
    ['RX{rx}-{fill}', 'RX1234567-02', { rxNumber: '1234567', fillNumber: '02' }],
    ['RX{rx}-{fill}', 'rx1234567-2', { rxNumber: '1234567', fillNumber: '2' }], // literals ignore case
    ['{store}{rx:7}{fill:2}', '0451234567' + '03', { store: '045', rxNumber: '1234567', fillNumber: '03' }],
    ['{store:3}{rx}', 'A121234567', { store: 'A12', rxNumber: '1234567' }],
    ['{rx:7}{fill}', '123456712', { rxNumber: '1234567', fillNumber: '12' }],
    ['*{rx}.{fill}*', '*7654321.1*', { rxNumber: '7654321', fillNumber: '1' }], // literal regex characters
    ['(R){rx}[$]', '(R)99[$]', { rxNumber: '99' }],
  ])('%s reads %s', (pattern, text, fields) => {
    expect(parseLabel(text, layout(pattern))).toEqual({ ok: true, ...fields });
  });

  it.each([
    ['RX{rx}-{fill}', '1234567-02'],
    ['RX{rx}-{fill}', 'RX1234567'],
    ['{rx}', '12A45'],
    ['{rx:7}', '123456'],
    ['{rx:7}', '12345678'],
    ['*{rx}.{fill}*', '*7654321x1*'], // "." is literal, not "any character"
  ])('%s does not match %s', (pattern, text) => {
    expect(parseLabel(text, layout(pattern))).toEqual({
      ok: false,
      problem: `This is not a prescription label in the pharmacy's layout (${pattern})`,
    });
  });

  it.each([
    ['', 'The label layout pattern must be between 1 and 100 characters'],
    ['RX{fill}', 'The label layout must contain {rx}, the Rx number'],
    ['{rx}{rx}', 'The label layout has {rx} more than once'],
    [
      '{rx}{fill}',
      'The label layout puts {fill} right after another field of no fixed width, so they cannot be told apart: give one a width (e.g. {fill:2}) or put text between them',
    ],
    [
      '{rx}{patient}',
      'The label layout has "{patient}", which is not a placeholder: use {rx}, {fill} or {store}, optionally with a width such as {rx:7}',
    ],
    ['{rx:0}', 'The width of {rx} must be between 1 and 20'],
    [
      '{rx',
      'The label layout has "{rx", which is not a placeholder: use {rx}, {fill} or {store}, optionally with a width such as {rx:7}',
    ],
  ])('refuses the layout %j', (pattern, problem) => {
    expect(compileLabelLayout(layout(pattern))).toEqual({ ok: false, problem });
    expect(parseLabel('123', layout(pattern))).toEqual({ ok: false, problem });
  });

  it('never treats layout text as a regular expression (no catastrophic backtracking)', () => {
    const started = Date.now();
    expect(parseLabel(`${'a'.repeat(5000)}!`, layout('(a+)+{rx}')).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
