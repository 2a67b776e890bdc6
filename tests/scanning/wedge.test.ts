import { describe, expect, it } from 'vitest';
import { WedgeReader, type WedgeOptions, type WedgeOutput } from '../../renderer/scanning/wedge';

interface KeyEvent {
  key: string;
  time: number;
}

/** A recorded key sequence split into scans and typing by a WedgeReader (keys still held at the end: typing). */
function splitKeyEvents(events: KeyEvent[], options: WedgeOptions = {}): { scans: string[]; typed: string[] } {
  const reader = new WedgeReader(options);
  const scans: string[] = [];
  const typed: string[] = [];
  const take = (o: WedgeOutput): void => {
    if (o.typed) typed.push(...o.typed);
    if (o.scan !== undefined) scans.push(o.scan);
  };
  for (const e of events) take(reader.push(e.key, e.time));
  // A key long after the last, which is neither printable nor a suffix, settles what is held; it is not kept.
  take(reader.push('Unidentified', (events.at(-1)?.time ?? 0) + 10_000));
  typed.pop();
  return { scans, typed };
}

/** Key events for `text` starting at `start`, `gap` ms apart; "\n" is Enter, "\t" Tab, "\x1d" GroupSeparator. */
function keys(text: string, start: number, gap: number): KeyEvent[] {
  const name = (c: string): string => (c === '\n' ? 'Enter' : c === '\t' ? 'Tab' : c === '\x1d' ? 'GroupSeparator' : c);
  return [...text].map((c, i) => ({ key: name(c), time: start + i * gap }));
}

describe('WedgeReader', () => {
  it('takes a burst at scanner speed ending with Enter as a scan', () => {
    expect(splitKeyEvents(keys('1234567\n', 1000, 8))).toEqual({ scans: ['1234567'], typed: [] });
  });

  it('keeps GS as \\x1d whether it arrives as GroupSeparator, \\x1d or a configured substitute', () => {
    const scan = `010030143095701910A1\x1d21XYZ`;
    expect(splitKeyEvents(keys(`${scan}\n`, 0, 5)).scans).toEqual([scan]);
    const raw = keys(`${scan}\n`, 0, 5).map((e) => (e.key === 'GroupSeparator' ? { ...e, key: '\x1d' } : e));
    expect(splitKeyEvents(raw).scans).toEqual([scan]);
    const tilde = keys('010030143095701910A1~21XYZ\t', 0, 5);
    expect(splitKeyEvents(tilde, { groupSeparator: '~' }).scans).toEqual([scan]);
  });

  it('ignores Shift (scanners press it for capitals)', () => {
    const events = [...keys('RX12', 0, 6), { key: 'Shift', time: 30 }, ...keys('34-5\n', 36, 6)];
    expect(splitKeyEvents(events).scans).toEqual(['RX1234-5']);
  });

  it('hands human-speed typing back as typed keys', () => {
    expect(splitKeyEvents(keys('1234567\n', 0, 140))).toEqual({
      scans: [],
      typed: ['1', '2', '3', '4', '5', '6', '7', 'Enter'],
    });
  });

  it('does not take a fast pair of letters (key rollover) as a scan', () => {
    const events = [...keys('th', 0, 12), ...keys('e cat\n', 160, 130)];
    expect(splitKeyEvents(events)).toEqual({ scans: [], typed: ['t', 'h', 'e', ' ', 'c', 'a', 't', 'Enter'] });
    expect(splitKeyEvents(keys('ok\n', 0, 10))).toEqual({ scans: [], typed: ['o', 'k', 'Enter'] });
  });

  it('separates typing before a scan from the scan', () => {
    const events = [...keys('ab', 0, 150), ...keys('7654321\n', 600, 10)];
    expect(splitKeyEvents(events)).toEqual({ scans: ['7654321'], typed: ['a', 'b'] });
  });

  it('a pause inside a burst breaks it: the keys were typed', () => {
    const events = [...keys('123', 0, 10), ...keys('4567\n', 200, 10)];
    expect(splitKeyEvents(events)).toEqual({ scans: [], typed: ['1', '2', '3', '4', '5', '6', '7', 'Enter'] });
  });

  it('a slow Enter after a fast burst is not a scan', () => {
    const events = [...keys('1234567', 0, 10), { key: 'Enter', time: 500 }];
    expect(splitKeyEvents(events)).toEqual({ scans: [], typed: ['1', '2', '3', '4', '5', '6', '7', 'Enter'] });
    const reader = new WedgeReader();
    for (const e of keys('1234567', 0, 10)) expect(reader.push(e.key, e.time)).toEqual({});
    expect(reader.pending).toBe(true);
  });

  it('honours a configured prefix key, min length and gap', () => {
    expect(splitKeyEvents(keys('~12\n', 0, 5), { prefixKey: '~' }).scans).toEqual(['12']);
    expect(splitKeyEvents(keys('123\n', 0, 5), { minLength: 3 }).scans).toEqual(['123']);
    expect(splitKeyEvents(keys('1234567\n', 0, 45), { maxGapMs: 30 }).scans).toEqual([]);
    expect(splitKeyEvents(keys('1234567\n', 0, 45)).scans).toEqual(['1234567']);
  });

  it('other named keys end the burst as typing', () => {
    const events = [...keys('12345', 0, 5), { key: 'Backspace', time: 30 }];
    expect(splitKeyEvents(events)).toEqual({ scans: [], typed: ['1', '2', '3', '4', '5', 'Backspace'] });
  });

  it('reads two scans back to back', () => {
    const events = [...keys('1111111\n', 0, 5), ...keys('2222222\t', 100, 5)];
    expect(splitKeyEvents(events).scans).toEqual(['1111111', '2222222']);
  });
});
