// A keyboard-wedge scanner "types" its data: telling it from a person typing. Scanners send many
// characters a few milliseconds apart and end with Enter or Tab; people leave 100 ms or more between
// keys. Pure (no DOM): the page passes KeyboardEvent.key and event.timeStamp.
// No imports, so the page can use this file as it is.
const GROUP_SEPARATOR = '\x1d';

export interface WedgeOptions {
  /** Fewest characters a scan has (default 5). */
  minLength?: number;
  /** Longest gap between two keys of one scan, in ms (default 50). */
  maxGapMs?: number;
  /** Keys that end a scan (default Enter and Tab). */
  suffixKeys?: string[];
  /** A key the scanner is set to send first (e.g. "F13" or "~"); dropped from the scan. */
  prefixKey?: string;
  /** A character the scanner sends instead of the group separator; kept in the scan as \x1d. */
  groupSeparator?: string;
}

export interface WedgeOutput {
  /** A complete scan (prefix and suffix removed, group separators as \x1d). */
  scan?: string;
  /** Keys held back that turned out to be typing, in order, to be replayed into the page. */
  typed?: string[];
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

/** Holds back fast keys until it knows whether they are a scan. */
export class WedgeReader {
  private readonly minLength: number;
  private readonly maxGapMs: number;
  private readonly suffixKeys: ReadonlySet<string>;
  private readonly prefixKey: string | undefined;
  private readonly gsKeys: ReadonlySet<string>;
  private keys: string[] = [];
  private last = -Infinity;

  constructor(options: WedgeOptions = {}) {
    this.minLength = options.minLength ?? 5;
    this.maxGapMs = options.maxGapMs ?? 50;
    this.suffixKeys = new Set(options.suffixKeys ?? ['Enter', 'Tab']);
    this.prefixKey = options.prefixKey;
    this.gsKeys = new Set([
      'GroupSeparator',
      GROUP_SEPARATOR,
      ...(options.groupSeparator ? [options.groupSeparator] : []),
    ]);
  }

  /** True while keys are held back, not yet known to be a scan or typing. */
  get pending(): boolean {
    return this.keys.length > 0;
  }

  push(key: string, time: number): WedgeOutput {
    if (MODIFIERS.has(key)) return {};
    const out: WedgeOutput = {};
    if (this.keys.length > 0 && time - this.last > this.maxGapMs) merge(out, this.settle());
    const printable = [...key].length === 1 || this.gsKeys.has(key);
    if (this.suffixKeys.has(key)) {
      if (this.isScan()) {
        out.scan = this.text();
        this.reset();
      } else {
        merge(out, { typed: [...this.keys, key] });
        this.reset();
      }
      return out;
    }
    if (!printable) {
      merge(out, { typed: [...this.keys, key] });
      this.reset();
      return out;
    }
    this.keys.push(key);
    this.last = time;
    return out;
  }

  private settle(): WedgeOutput {
    // Keys that stopped coming before a suffix key: a person typing.
    const out: WedgeOutput = { typed: [...this.keys] };
    this.reset();
    return out;
  }

  private body(): string[] {
    return this.prefixKey !== undefined && this.keys[0] === this.prefixKey ? this.keys.slice(1) : this.keys;
  }

  private isScan(): boolean {
    const prefixed = this.prefixKey !== undefined && this.keys[0] === this.prefixKey;
    const length = this.body().length;
    return length > 0 && (length >= this.minLength || prefixed);
  }

  private text(): string {
    return this.body()
      .map((k) => (this.gsKeys.has(k) ? GROUP_SEPARATOR : k))
      .join('');
  }

  private reset(): void {
    this.keys = [];
    this.last = -Infinity;
  }
}

function merge(into: WedgeOutput, more: WedgeOutput): void {
  if (more.scan !== undefined) into.scan = more.scan;
  if (more.typed?.length) into.typed = [...(into.typed ?? []), ...more.typed];
}
