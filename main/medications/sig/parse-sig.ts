// Reads prescription directions ("1 PO BID", "TAKE 1-2 TABLETS BY MOUTH EVERY 4-6 HOURS AS NEEDED
// FOR PAIN") into their parts, from the word table in resources/medications/sig-codes.json. Words
// the table does not know are kept in `unknown`, never guessed; error-prone abbreviations are
// understood but named in `flags`, so the pharmacist confirms them.
import codes from '../../../resources/medications/sig-codes.json';
import type { ROUTES } from '../../../preload/schemas/checks';

export type Route = (typeof ROUTES)[number];
export type DoseTime = 'morning' | 'midday' | 'evening' | 'bedtime';
export interface Phrase {
  en: string;
  es: string;
}
interface UnitWord {
  en: [string, string];
  es: [string, string];
  amount?: string;
  perUnit?: number;
  flag?: string;
}

export interface ParsedSig {
  action: Phrase | null;
  dose: { min: number; max: number } | null;
  unit: UnitWord | null;
  route: { route: Route; text: Phrase } | null;
  /** Administrations a day; null when the directions give none (as directed, every 5 minutes). */
  frequency: { min: number; max: number; text: Phrase; times: DoseTime[] } | null;
  /** "every 5 minutes" for up to N doses: an episode, not a day. */
  repeatMinutes: number | null;
  prn: boolean;
  indication: Phrase | null;
  maxDoses: { count: number; perDay: boolean } | null;
  durationDays: number | null;
  modifiers: Phrase[];
  asDirected: boolean;
  flags: string[];
  unknown: string[];
}

type Entry = {
  kind: 'action' | 'unit' | 'route' | 'frequency' | 'prn' | 'asDirected' | 'indication' | 'modifier' | 'ignore';
  value: Record<string, unknown>;
};

const phrases = new Map<string, Entry>();
const add = (words: string[], kind: Entry['kind'], value: Record<string, unknown>) => {
  for (const w of words) if (!phrases.has(w)) phrases.set(w, { kind, value });
};
for (const a of codes.actions) add(a.words, 'action', a);
for (const u of codes.units) add(u.words, 'unit', u);
for (const r of codes.routes) add(r.words, 'route', r);
for (const f of codes.frequencies) add(f.words, 'frequency', f);
for (const m of codes.modifiers) add(m.words, 'modifier', m);
add(codes.asNeeded.words, 'prn', codes.asNeeded);
add(codes.asDirected.words, 'asDirected', codes.asDirected);
add(codes.ignore, 'ignore', {});
const indications = new Map(codes.indications.flatMap((i) => i.words.map((w) => [w, i] as const)));
const NUMBER_WORDS: Record<string, number> = codes.numbers;
const LONGEST = Math.max(...[...phrases.keys(), ...indications.keys()].map((p) => p.split(' ').length));

/**
 * Lower case, periods of abbreviations dropped ("q.d." → "qd"), and the spelled-out patterns
 * folded into one token each: intervals ("every 4 to 6 hours" → q4-6h, "every 5 minutes" →
 * q5min), courses ("for 2 weeks" → x14d) and limits ("not to exceed 4 tablets per day" → max4/d).
 */
function tokens(text: string): string[] {
  const unit = '(?:doses?|tabs?|tablets?|caps?|capsules?|puffs?|sprays?|drops?)';
  return text
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\.?(\s|$|,))/g, '$1')
    .replace(/\b([a-z]{1,3})\.(?=\s|$|,)/g, '$1')
    .replace(/(\d)\s*(?:-|to|or)\s*(\d)/g, '$1-$2')
    .replace(/[,;()]/g, ' ')
    .replace(/\b(?:every|q)\s*(\d+(?:-\d+)?)\s*(?:h|hr|hrs|hours?)\b/g, 'q$1h')
    .replace(/\b(?:every|q)\s*(\d+)\s*(?:min|mins|minutes?)\b/g, 'q$1min')
    .replace(/\b(?:x|for)\s*(\d+)\s*(?:d|days?)\b/g, 'x$1d')
    .replace(/\b(?:x|for)\s*(\d+)\s*(?:wk|wks|weeks?)\b/g, (_, n: string) => `x${Number(n) * 7}d`)
    .replace(
      new RegExp(
        `\\b(?:max(?:imum)?(?: of)?|nte|not to exceed|no more than|do not exceed)\\s*(\\d+)\\s*${unit}?\\s*(?:/\\s*day|/d|daily|a day|per day|in 24 hours|per 24 hours|in a day)`,
        'g',
      ),
      'max$1/d',
    )
    .replace(
      new RegExp(`\\b(?:max(?:imum)?(?: of)?|nte|not to exceed|no more than|do not exceed)\\s*(\\d+)\\s*${unit}?`, 'g'),
      'max$1',
    )
    .replace(/(\d)(mg|mcg|ml|g|units?|tabs?|caps?|puffs?)\b/g, '$1 $2')
    .split(/\s+/)
    .filter(Boolean);
}

const num = (t: string): number | null => {
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t]!;
  return /^(\d+(\.\d+)?|\.\d+)$/.test(t) ? Number(t) : null;
};
/** "1", "1-2", "1/2", "½", "one". */
function range(t: string): { min: number; max: number } | null {
  const single = num(t);
  if (single !== null) return { min: single, max: single };
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(t);
  return m ? { min: Number(m[1]), max: Number(m[2]) } : null;
}

const hoursText = (lo: number, hi: number): Phrase =>
  lo === hi
    ? { en: `every ${lo} hours`, es: `cada ${lo} horas` }
    : { en: `every ${lo} to ${hi} hours`, es: `cada ${lo} a ${hi} horas` };

// The same directions recur across a pharmacy ("1 po daily"): read each once. Entries are never changed.
const parsed = new Map<string, ParsedSig>();
export function parseSig(text: string): ParsedSig {
  let sig = parsed.get(text);
  if (!sig) {
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(text, (sig = readSig(text)));
  }
  return sig;
}

function readSig(text: string): ParsedSig {
  const out: ParsedSig = {
    action: null,
    dose: null,
    unit: null,
    route: null,
    frequency: null,
    repeatMinutes: null,
    prn: false,
    indication: null,
    maxDoses: null,
    durationDays: null,
    modifiers: [],
    asDirected: false,
    flags: [],
    unknown: [],
  };
  const t = tokens(text);
  const flag = (f: unknown) => typeof f === 'string' && !out.flags.includes(f) && out.flags.push(f);
  for (let i = 0; i < t.length;) {
    const w = t[i]!;
    // A leading ".5" or a trailing "1.0" is an error-prone dose designation (ISMP).
    if (/^\.\d/.test(w)) flag(`"${w}" has no leading zero (mistaken for ${w.slice(1)}): write 0${w}`);
    if (/^\d+\.0+$/.test(w))
      flag(`"${w}" has a trailing zero (mistaken for ${w.replace(/\.0+$/, '')}0): write ${w.replace(/\.0+$/, '')}`);
    let m: RegExpExecArray | null;
    if ((m = /^q(\d+)(?:-(\d+))?h$/.exec(w)) && !phrases.has(w)) {
      const lo = Number(m[1]),
        hi = m[2] ? Number(m[2]) : lo;
      out.frequency = { min: 24 / hi, max: 24 / lo, text: hoursText(lo, hi), times: [] };
    } else if ((m = /^q(\d+)min$/.exec(w))) out.repeatMinutes = Number(m[1]);
    else if ((m = /^x(\d+)d$/.exec(w))) out.durationDays = Number(m[1]);
    else if ((m = /^max(\d+)(\/d)?$/.exec(w))) out.maxDoses = { count: Number(m[1]), perDay: Boolean(m[2]) };
    else if (out.dose === null && range(w)) out.dose = range(w);
    else {
      // Longest known phrase first ("by mouth", "every morning", "chest pain").
      let n = Math.min(LONGEST, t.length - i);
      for (; n >= 1; n--) {
        const p = t.slice(i, i + n).join(' ');
        const indication = out.prn ? indications.get(p) : undefined;
        const e = phrases.get(p);
        if (indication && (!e || e.kind === 'ignore')) {
          out.indication = { en: indication.en, es: indication.es };
          break;
        }
        if (!e) continue;
        const v = e.value as Record<string, unknown> & Phrase;
        if (e.kind === 'action') {
          out.action ??= { en: v.en, es: v.es };
          if (v.route && !out.route) out.route = { route: v.route as Route, text: routeText(v.route as Route) };
        } else if (e.kind === 'unit') out.unit = v as unknown as UnitWord;
        else if (e.kind === 'route') out.route = { route: v.route as Route, text: { en: v.en, es: v.es } };
        else if (e.kind === 'frequency')
          out.frequency = {
            min: v.perDay as number,
            max: v.perDay as number,
            text: { en: v.en, es: v.es },
            times: (v.times as DoseTime[]) ?? [],
          };
        else if (e.kind === 'prn') out.prn = true;
        else if (e.kind === 'asDirected') out.asDirected = true;
        else if (e.kind === 'modifier') out.modifiers.push({ en: v.en, es: v.es });
        flag(v.flag);
        break;
      }
      if (n === 0) out.unknown.push(w);
      i += Math.max(n, 1);
      continue;
    }
    i++;
  }
  if (out.asDirected) flag(codes.asDirected.flag);
  return out;
}

function routeText(route: Route): Phrase {
  const r = codes.routes.find((x) => x.route === route)!;
  return { en: r.en, es: r.es };
}

/** Doses a day (tablets, puffs, mL…), from the dose and how often; null when the directions do not say. */
export function unitsPerDay(sig: ParsedSig): { min: number; max: number } | null {
  if (!sig.dose) return null;
  const perUnit = sig.unit?.perUnit ?? 1;
  if (sig.frequency && sig.repeatMinutes === null) {
    const { min } = sig.frequency;
    const max = sig.maxDoses?.perDay ? Math.min(sig.frequency.max, sig.maxDoses.count) : sig.frequency.max;
    // As needed: the least is none, the most is what the directions allow.
    return { min: sig.prn ? 0 : min * sig.dose.min * perUnit, max: max * sig.dose.max * perUnit };
  }
  if (sig.maxDoses?.perDay) return { min: 0, max: sig.maxDoses.count * sig.dose.max * perUnit };
  return null;
}
