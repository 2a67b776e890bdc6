// GS1 element strings as a scanner sends them (keyboard wedge or serial): GS1 DataMatrix, GS1-128,
// GS1 QR Code and GS1 DataBar on drug packages (DSCSA product identifier: GTIN, expiry, lot, serial).
// Rules and tables: resources/reference/barcodes.json (GS1 General Specifications).

/** The ASCII group separator: how a reader transmits FNC1 used as a field separator. */
export const GROUP_SEPARATOR = '\x1d';

/** AIM symbology identifiers (ISO/IEC 15424) that announce GS1 data: FNC1 in first position. */
export const GS1_SYMBOLOGY_IDS: Readonly<Record<string, string>> = {
  ']C1': 'GS1-128',
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
  ']e0': 'GS1 DataBar',
  ']J1': 'GS1 DotCode',
};

export interface Gs1Element {
  /** Application identifier, 2 to 4 digits. */
  ai: string;
  value: string;
}

export type Gs1Result =
  | {
      ok: true;
      /** GTIN-14 from AI (01), check digit verified. */
      gtin: string;
      /** AI (17) as a calendar date, YYYY-MM-DD. */
      expiry?: string;
      /** AI (10). */
      lot?: string;
      /** AI (21). */
      serial?: string;
      /** The 10-digit NDC when the GTIN is NDC-based (indicator 0, prefix 03, NDC, check digit). */
      ndc10?: string;
      /** Every element string in the order scanned, known or not. */
      elements: Gs1Element[];
    }
  | { ok: false; problem: string };

export interface Gs1Options {
  /** A character (or string) the scanner sends instead of the group separator, e.g. "~" or "|". */
  groupSeparator?: string;
  /** Reference date for the two-digit year (GS1 GenSpecs 7.12); defaults to now. */
  today?: Date;
}

/** Data field rule: fixed numeric length, or variable up to max characters (numeric or CSET 82). */
interface AiRule {
  name: string;
  numeric: boolean;
  fixed?: number;
  max?: number;
}

// The predefined-length table (GS1 GenSpecs Figure 7.8.4-2 in Release 18; 5.10.1-2 before): element strings
// whose AI starts with these two digits have this total length (AI + data) and need no FNC1 after
// them. It covers AIs not yet assigned, so a reader can step over them.
export const PREDEFINED_LENGTH: Readonly<Record<string, number>> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};

const n = (name: string, fixed: number): AiRule => ({ name, numeric: true, fixed });
const x = (name: string, max: number): AiRule => ({ name, numeric: false, max });
const nv = (name: string, max: number): AiRule => ({ name, numeric: true, max });

// The AIs this reader knows by name (GS1 GenSpecs section 3, GS1 AI table): those a drug package or
// a logistic label may carry. Other AIs in the predefined-length ranges are stepped over.
const KNOWN_AIS: Readonly<Record<string, AiRule>> = {
  '00': n('SSCC', 18),
  '01': n('GTIN', 14),
  '02': n('GTIN of contained trade items', 14),
  '10': x('batch or lot number', 20),
  '11': n('production date', 6),
  '12': n('due date', 6),
  '13': n('packaging date', 6),
  '15': n('best before date', 6),
  '16': n('sell by date', 6),
  '17': n('expiration date', 6),
  '20': n('internal product variant', 2),
  '21': x('serial number', 20),
  '22': x('consumer product variant', 20),
  '235': x('third-party serialised extension of GTIN', 28),
  '240': x('additional product identification', 30),
  '241': x('customer part number', 30),
  '242': nv('made-to-order variation number', 6),
  '243': x('packaging component number', 20),
  '250': x('secondary serial number', 30),
  '251': x('reference to source entity', 30),
  '253': x('global document type identifier', 30),
  '254': x('GLN extension component', 20),
  '30': nv('variable count of items', 8),
  '37': nv('count of trade items', 8),
  '400': x("customer's purchase order number", 30),
  '710': x('national healthcare reimbursement number (Germany)', 20),
  '711': x('national healthcare reimbursement number (France)', 20),
  '712': x('national healthcare reimbursement number (Spain)', 20),
  '713': x('national healthcare reimbursement number (Brazil)', 20),
  '714': x('national healthcare reimbursement number (Portugal)', 20),
  '715': x('national healthcare reimbursement number (USA FDA)', 20),
  '7003': n('expiration date and time', 10),
  '7240': x('protocol ID', 20),
  '90': x('information mutually agreed between trading partners', 30),
};

/** How many digits the AI itself has, from its first two (GS1 AI table structure). */
function aiLength(first2: string): number {
  const d = Number(first2);
  if ((d >= 23 && d <= 29) || (d >= 40 && d <= 49) || d === 71) return 3;
  if ((d >= 31 && d <= 36) || d === 39 || (d >= 70 && d <= 89)) return 4;
  return 2;
}

function ruleFor(ai: string): AiRule | undefined {
  const known = KNOWN_AIS[ai];
  if (known) return known;
  if (/^9[1-9]$/.test(ai)) return x('company internal information', 90);
  const total = PREDEFINED_LENGTH[ai.slice(0, 2)];
  if (total !== undefined) return { name: `application identifier (${ai})`, numeric: true, fixed: total - ai.length };
  return undefined;
}

// GS1 AI encodable character set 82 (GS1 GenSpecs Figure 7.11-1).
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

/** Mod-10 check digit of a GS1 key (GTIN, SSCC, GLN) given without its check digit (GenSpecs 7.9.1). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a GTIN (8, 12, 13 or 14 digits) is not valid, or undefined when it is. */
export function gtinProblem(gtin: string, label = 'GTIN'): string | undefined {
  if (!/^\d+$/.test(gtin)) return `The ${label} must be digits only`;
  if (![8, 12, 13, 14].includes(gtin.length))
    return `The ${label} has ${gtin.length} digits (expected 8, 12, 13 or 14)`;
  const expected = gs1CheckDigit(gtin.slice(0, -1));
  const found = Number(gtin.slice(-1));
  return expected === found ? undefined : `The ${label} check digit is wrong (expected ${expected}, found ${found})`;
}

const pad2 = (v: number): string => String(v).padStart(2, '0');

/**
 * A GS1 YYMMDD date as YYYY-MM-DD. DD = 00 means the last day of the month (GenSpecs 3.4.5 note);
 * the century follows GenSpecs 7.12: a year from 49 years before the current year to 50 after it.
 */
export function gs1Date(yymmdd: string, today: Date = new Date()): { date: string } | { problem: string } {
  if (!/^\d{6}$/.test(yymmdd)) return { problem: `The date "${yymmdd}" is not six digits (YYMMDD)` };
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  const current = today.getUTCFullYear();
  const diff = yy - (current % 100);
  const century = Math.floor(current / 100) * 100 + (diff >= 51 ? -100 : diff <= -50 ? 100 : 0);
  const year = century + yy;
  if (mm < 1 || mm > 12) return { problem: `The date ${yymmdd} has month ${pad2(mm)}, which does not exist` };
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd > lastDay)
    return { problem: `The date ${yymmdd} has day ${pad2(dd)}, but ${year}-${pad2(mm)} has ${lastDay} days` };
  return { date: `${year}-${pad2(mm)}-${pad2(dd === 0 ? lastDay : dd)}` };
}

/** Splits an AIM symbology identifier ("]" + symbology letter + modifier) off the front. */
export function splitSymbologyId(text: string): { aim?: string; body: string } {
  const m = /^\][A-Za-z][0-9A-Za-z]/.exec(text);
  return m ? { aim: m[0], body: text.slice(3) } : { body: text };
}

/** The bracketed human-readable form "(01)…(17)…": true when the text starts like one. */
export function looksBracketed(text: string): boolean {
  return /^\(\d{2,4}\)/.test(text);
}

type Parsed = { elements: Gs1Element[] } | { problem: string };

function checkValue(ai: string, rule: AiRule, value: string): string | undefined {
  const what = `${rule.name} (${ai})`;
  if (rule.fixed !== undefined && value.length !== rule.fixed)
    return `The ${what} should be ${rule.fixed} digits but has ${value.length}`;
  if (rule.max !== undefined && value.length > rule.max)
    return `The ${what} is longer than ${rule.max} characters (found ${value.length}): a group separator (FNC1) may be missing after it`;
  if (value.length === 0) return `The ${what} is empty`;
  if (rule.numeric && !/^\d+$/.test(value)) return `The ${what} must be digits only`;
  if (!CSET82.test(value)) return `The ${what} contains a character GS1 does not allow`;
  return undefined;
}

function unknownAi(rest: string): string {
  const digits = /^\d{0,4}/.exec(rest)?.[0] ?? '';
  if (digits.length < 2)
    return 'The GS1 data has something other than an application identifier where one should start';
  return `The GS1 data contains an application identifier starting "${digits.slice(0, aiLength(digits.slice(0, 2)))}" that this program does not know, so the rest cannot be read`;
}

function parseRaw(data: string): Parsed {
  const elements: Gs1Element[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === GROUP_SEPARATOR) {
      i++;
      continue;
    }
    const rest = data.slice(i);
    const first2 = rest.slice(0, 2);
    if (!/^\d\d$/.test(first2)) return { problem: unknownAi(rest) };
    const ai = rest.slice(0, aiLength(first2));
    if (!/^\d+$/.test(ai) || ai.length < aiLength(first2)) return { problem: unknownAi(rest) };
    const rule = ruleFor(ai);
    if (!rule) return { problem: unknownAi(rest) };
    const start = i + ai.length;
    let end: number;
    if (rule.fixed !== undefined) {
      end = start + rule.fixed;
      if (end > data.length)
        return {
          problem: `The ${rule.name} (${ai}) should be ${rule.fixed} digits but has ${data.length - start}`,
        };
      const value = data.slice(start, end);
      if (value.includes(GROUP_SEPARATOR))
        return {
          problem: `The ${rule.name} (${ai}) should be ${rule.fixed} digits but has ${value.indexOf(GROUP_SEPARATOR)}`,
        };
    } else {
      const gs = data.indexOf(GROUP_SEPARATOR, start);
      end = gs === -1 ? data.length : gs;
    }
    const value = data.slice(start, end);
    const problem = checkValue(ai, rule, value);
    if (problem) return { problem };
    elements.push({ ai, value });
    i = end;
  }
  return { elements };
}

function parseBracketed(data: string): Parsed {
  const elements: Gs1Element[] = [];
  const parts = data.split(/\((\d{2,4})\)/);
  // split with a capture group: ['', ai, value, ai, value, ...]
  if (parts[0] !== '')
    return { problem: 'The bracketed GS1 text must start with an application identifier, e.g. (01)' };
  for (let k = 1; k < parts.length; k += 2) {
    const ai = parts[k] ?? '';
    const value = (parts[k + 1] ?? '').replaceAll(GROUP_SEPARATOR, '');
    const rule = ai.length === aiLength(ai.slice(0, 2)) ? ruleFor(ai) : undefined;
    if (!rule)
      return { problem: `The GS1 data contains application identifier (${ai}), which this program does not know` };
    const problem = checkValue(ai, rule, value);
    if (problem) return { problem };
    elements.push({ ai, value });
  }
  return { elements };
}

/**
 * Reads one GS1 element string: raw (FNC1 as \x1d, or the configured substitute), with or without
 * an AIM symbology identifier and a leading FNC1, or in the bracketed form "(01)…(17)…".
 */
export function parseGs1(text: string, options: Gs1Options = {}): Gs1Result {
  let data = text.replace(/[\r\n\t]+$/, '');
  const sub = options.groupSeparator;
  if (sub && sub !== GROUP_SEPARATOR) data = data.split(sub).join(GROUP_SEPARATOR);
  const { aim, body } = splitSymbologyId(data);
  if (aim && !(aim in GS1_SYMBOLOGY_IDS) && !body.startsWith(GROUP_SEPARATOR))
    return { ok: false, problem: `The scan is not GS1 data (the scanner reports symbology ${aim})` };
  data = body;
  while (data.startsWith(GROUP_SEPARATOR)) data = data.slice(GROUP_SEPARATOR.length);
  if (data === '') return { ok: false, problem: 'The scan is empty' };
  const parsed = looksBracketed(data) ? parseBracketed(data) : parseRaw(data);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  return interpret(parsed.elements, options.today ?? new Date());
}

function interpret(elements: Gs1Element[], today: Date): Gs1Result {
  const seen = new Map<string, string>();
  for (const { ai, value } of elements) {
    const before = seen.get(ai);
    if (before !== undefined && before !== value)
      return { ok: false, problem: `The GS1 data has application identifier (${ai}) twice with different values` };
    seen.set(ai, value);
  }
  const gtin = seen.get('01');
  if (gtin === undefined) return { ok: false, problem: 'The GS1 data has no GTIN (application identifier 01)' };
  const gtinIssue = gtinProblem(gtin);
  if (gtinIssue) return { ok: false, problem: gtinIssue };
  const result: Gs1Result & { ok: true } = { ok: true, gtin, elements };
  const exp = seen.get('17');
  if (exp !== undefined) {
    const date = gs1Date(exp, today);
    if ('problem' in date) return { ok: false, problem: `Expiration date: ${date.problem}` };
    result.expiry = date.date;
  }
  const lot = seen.get('10');
  if (lot !== undefined) result.lot = lot;
  const serial = seen.get('21');
  if (serial !== undefined) result.serial = serial;
  const ndc10 = ndcFromGtin(gtin);
  if (ndc10) result.ndc10 = ndc10;
  return result;
}

/** The 10-digit NDC inside an NDC-based GTIN-14 (0 + 03 + NDC + check), or undefined. */
export function ndcFromGtin(gtin14: string): string | undefined {
  return /^003\d{11}$/.test(gtin14) ? gtin14.slice(3, 13) : undefined;
}
