// Prescription directions as the patient reads them, in plain English and Spanish, built from what
// parseSig reads ("1 PO BID" → "Take 1 tablet by mouth twice a day." / "Tome 1 tableta por la boca dos
// veces al día."). Nothing is guessed or dropped: what the directions do not say, or say in words the
// table does not know, is shown in the sentence between "[?: " and "]" and makes the translation
// incomplete, so the pharmacist fixes the directions before they are printed.
//
// Sentence conventions:
// - Words the table does not know are listed at the end, as parseSig lower-cases them: "… [?: xyz, abc]".
// - A sentence without how often to take the medicine ends in "[?: how often]" ("[?: cada cuánto]");
//   a count without a unit the directions, the product or the route can give reads "1 [?: unit]".
// - "As directed" becomes "as your doctor told you" ("como le indicó su médico"); on its own ("UD")
//   the sentence tells the patient to use the medicine as the doctor said, and is incomplete.
// - A bare count is in the product's unit (unitHint); without a hint, in the route's usual unit: tablets
//   by mouth or under the tongue (as dispensing systems print "1 PO BID"), drops in the eyes or ears,
//   puffs inhaled, sprays in the nose, suppositories in the rectum, patches on the skin.
// - Steps ("4 tabs daily x 2 days then 3 tabs daily x 2 days", "1 tab qam and 1/2 tab qpm") become one
//   sentence joined by "then" / "and" when reading them one by one leaves fewer words unknown.
// - Error-prone abbreviations (QD, QOD, U, IU, HS, SC…) are read in their safe wording; their flags are
//   returned for the pharmacist to confirm.
import codes from '../../../resources/medications/sig-codes.json';
import type { SigTranslation } from '../../../preload/schemas/medications';
import { parseSig, type DoseTime, type ParsedSig, type Phrase, type Route } from './parse-sig';

export type { SigTranslation };

export interface TranslateOptions {
  /**
   * The unit a bare count is in ("1 PO BID"): the product's dose form as formOf names it ("tablet",
   * "capsule", "inhaler", "drops", "patch", "solution"…) or a unit word of the table ("cap", "ml",
   * "unit"). A form with no countable unit (a solution, a cream) leaves a bare count without a unit.
   */
  unitHint?: string | null;
}

type Unit = NonNullable<ParsedSig['unit']>;
type Lang = 'en' | 'es';

const P = (en: string, es: string): Phrase => ({ en, es });
const TAKE = P('Take', 'Tome');
const PUT = P('Put', 'Ponga');
const APPLY = P('Apply', 'Aplique');
const INSERT = P('Insert', 'Introduzca');
const INHALE = P('Inhale', 'Inhale');
const USE = P('Use', 'Use');
const INJECT = P('Inject', 'Inyecte');
const GIVE = P('Give', 'Aplique');
const DOSE: Record<Lang, [string, string]> = { en: ['dose', 'doses'], es: ['dosis', 'dosis'] };

const unitByWord = new Map<string, Unit>();
for (const u of codes.units) for (const w of u.words) if (!unitByWord.has(w)) unitByWord.set(w, u as unknown as Unit);
const unit = (word: string) => unitByWord.get(word)!;

/** Dose forms (formOf) whose unit is not one of the table's words; null: no countable unit. */
const FORM_UNITS: Record<string, string | null> = {
  'orally disintegrating tablet': 'tablet',
  'chewable tablet': 'tablet',
  inhaler: 'puff',
  drops: 'drop',
  solution: null,
  suspension: null,
  liquid: null,
  cream: null,
  ointment: null,
  gel: null,
  injection: null,
};
/** The unit a bare count is in when the caller names no form. */
const ROUTE_UNITS: Partial<Record<Route, string>> = {
  oral: 'tablet',
  sublingual: 'tablet',
  ophthalmic: 'drop',
  otic: 'drop',
  inhaled: 'puff',
  nasal: 'spray',
  rectal: 'suppository',
  transdermal: 'patch',
};
/** What the patient does when the directions name no action: the unit's own verb first, then the route's. */
const UNIT_ACTIONS: Record<string, Phrase> = {
  puff: INHALE,
  patch: APPLY,
  suppository: INSERT,
  spray: USE,
  'thin layer': APPLY,
  'small amount': APPLY,
  applicatorful: INSERT,
  injection: GIVE,
};
const ROUTE_ACTIONS: Record<Route, Phrase> = {
  oral: TAKE,
  sublingual: PUT,
  topical: APPLY,
  transdermal: APPLY,
  vaginal: INSERT,
  rectal: INSERT,
  inhaled: INHALE,
  nasal: USE,
  ophthalmic: PUT,
  otic: PUT,
  injection: INJECT,
};

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** "Inject" implies a route; the sentence names one only when the directions do ("subcut", "IM"). */
const INJECTION_ROUTE = new RegExp(
  `(?:^|\\s)(?:${codes.routes
    .filter((r) => r.route === 'injection')
    .flatMap((r) => r.words)
    .map(escape)
    .join('|')})(?=\\s|$)`,
);
/** Phrases beginning with "in" ("in each eye", "in water"): any other "in" is the table's IN (intranasal). */
const IN_PHRASES = [codes.actions, codes.units, codes.routes, codes.frequencies, codes.modifiers]
  .flatMap((kind) => kind.flatMap((e) => e.words))
  .filter((w) => w.startsWith('in '));
const IN_FLAG = codes.routes.find((r) => r.words.includes('in'))!.flag!;
/** Hourly intervals, which the table counts as times a day ("q6h": four times a day). */
const INTERVAL = /\b(?:every|q)\s*(\d+)\s*(?:h|hr|hrs|hours?)\b/;
const TIMES_A_DAY: [string, string, number][] = [
  ['once a day', 'una vez al día', 1],
  ['twice a day', 'dos veces al día', 2],
  ['three times a day', 'tres veces al día', 3],
  ['four times a day', 'cuatro veces al día', 4],
];
/** Limits ("max 8 tablets per day"), as parseSig reads them. */
const LIMIT = '(?:max(?:imum)?(?: of)?|nte|not to exceed|no more than|do not exceed)';
const LIMIT_OF = '(?:doses?|tabs?|tablets?|caps?|capsules?|puffs?|sprays?|drops?)';
const PER_DAY = '(?:/\\s*day|/d|daily|a day|per day|in 24 hours|per 24 hours|in a day)';
/** The unit a limit is counted in. */
const LIMIT_UNIT = new RegExp(`\\b${LIMIT}\\s*\\d+\\s*(${LIMIT_OF})\\b`);

/**
 * Spacing and punctuation a dispensing system or a hurried hand leaves, made readable for parseSig:
 * "B.I.D." → BID, "TABLET(S)" → TABLETS, sentence periods ("DAILY."), "SIG:", a count run into its word
 * ("1PO", "2TABS") and spelled-out halves ("1 1/2", "one half", "one and a half").
 */
function tidy(text: string): string {
  return text
    .replace(/\b(?:[a-z]\.){2,}/gi, (m) => m.replace(/\./g, ''))
    .replace(/\(s\)/gi, 's')
    .replace(/([a-z]{4,})\.(?=\s|$)/gi, '$1')
    .replace(/:/g, ' ')
    .replace(/\b(\d+)\s+(?:and\s+)?1\/2(?![\d/])/gi, '$1.5')
    .replace(/(^|\s)1\/2(?=\s*(?:-|to|or)\s*\d)/gi, (_, before: string) => `${before}0.5`)
    .replace(/\bone and (?:a |one )?half\b/gi, '1.5')
    .replace(/\bone[- ]half\b/gi, '0.5')
    .replace(/(^|\s)(\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?|\d+\/\d+)(?=[a-z])(?!(?:x|st|nd|rd|th)\b)/gi, '$1$2 ')
    .trim();
}

/**
 * parseSig, with a bare "in" read as a word rather than as IN (intranasal) when the directions name
 * another route or have unknown words ("by mouth … may repeat in 2 hours"): it is then shown as unknown.
 */
function read(text: string): ParsedSig {
  const sig = parseSig(text);
  if (!sig.flags.includes(IN_FLAG)) return sig;
  const words = text
    .toLowerCase()
    .replace(/[,;()]/g, ' ')
    .split(/\s+/);
  const bare = words.map((w, i) => {
    if (w !== 'in') return w;
    const rest = words.slice(i).join(' ');
    return IN_PHRASES.some((p) => rest === p || rest.startsWith(`${p} `)) ? w : 'in?';
  });
  const alt = parseSig(bare.join(' '));
  if (!alt.route && !sig.unknown.length) return sig;
  return { ...alt, unknown: alt.unknown.map((w) => (w === 'in?' ? 'in' : w)) };
}

type Frequency = { perDay: number; en: string; es: string; times?: string[] };
/** Every phrase of the table, first kind first, as parseSig looks them up. */
const PHRASES = new Map<string, Frequency | null>();
const phrase = (words: string[], f: Frequency | null) => {
  for (const w of words) if (!PHRASES.has(w)) PHRASES.set(w, f);
};
for (const e of [...codes.actions, ...codes.units, ...codes.routes]) phrase(e.words, null);
for (const f of codes.frequencies) phrase(f.words, f);
for (const m of codes.modifiers) phrase(m.words, null);
phrase([...codes.asNeeded.words, ...codes.asDirected.words, ...codes.ignore], null);
const LONGEST = Math.max(...[...PHRASES.keys()].map((p) => p.split(' ').length));

/**
 * Every frequency the directions give, in order: parseSig keeps the last one, which loses "every
 * morning" in "qam and qhs" and the count in "twice daily with meals". Reads the words as parseSig does.
 */
function frequenciesIn(text: string): Frequency[] {
  const t = text
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\.?(\s|$|,))/g, '$1')
    .replace(/\b([a-z]{1,3})\.(?=\s|$|,)/g, '$1')
    .replace(/(\d)\s*(?:-|to|or)\s*(\d)/g, '$1-$2')
    .replace(/[,;()]/g, ' ')
    .replace(/\b(?:every|q)\s*(\d+(?:-\d+)?)\s*(?:h|hr|hrs|hours?)\b/g, 'q$1h')
    .replace(/\b(?:every|q)\s*(\d+)\s*(?:min|mins|minutes?)\b/g, 'q$1min')
    .replace(/\b(?:x|for)\s*(\d+)\s*(?:d|days?|wk|wks|weeks?)\b/g, 'x$1d')
    .replace(new RegExp(`\\b${LIMIT}\\s*(\\d+)\\s*${LIMIT_OF}?\\s*${PER_DAY}`, 'g'), 'max$1/d')
    .replace(new RegExp(`\\b${LIMIT}\\s*(\\d+)\\s*${LIMIT_OF}?`, 'g'), 'max$1')
    .replace(/(\d)(mg|mcg|ml|g|units?|tabs?|caps?|puffs?)\b/g, '$1 $2')
    .split(/\s+/)
    .filter(Boolean);
  const found: Frequency[] = [];
  let dose = false;
  for (let i = 0; i < t.length;) {
    const w = t[i]!;
    const hours = /^q(\d+)(?:-(\d+))?h$/.exec(w);
    if (hours && !PHRASES.has(w)) {
      const [lo, hi] = [Number(hours[1]), Number(hours[2] ?? hours[1])];
      found.push({
        perDay: 24 / lo,
        ...(lo === hi ? hoursText(lo) : P(`every ${lo} to ${hi} hours`, `cada ${lo} a ${hi} horas`)),
      });
      i++;
      continue;
    }
    if (/^(q\d+min|x\d+d|max\d+(\/d)?)$/.test(w) || (!dose && (dose = isNumber(w)))) {
      i++;
      continue;
    }
    let n = Math.min(LONGEST, t.length - i);
    for (; n >= 1; n--) {
      const p = t.slice(i, i + n).join(' ');
      if (!PHRASES.has(p)) continue;
      const f = PHRASES.get(p);
      if (f) found.push(f);
      break;
    }
    i += Math.max(n, 1);
  }
  return found;
}
const isNumber = (w: string) =>
  w in codes.numbers || /^(\d+(\.\d+)?|\.\d+)$/.test(w) || /^\d+(?:\.\d+)?-\d+(?:\.\d+)?$/.test(w);
const hoursText = (h: number) => P(`every ${h} hours`, `cada ${h} horas`);

/** "twice daily with meals": how many times, and when, in the table's words. */
const MEALS: Record<string, Phrase> = {
  'before each meal': P('before meals', 'antes de las comidas'),
  'after each meal': P('after meals', 'después de las comidas'),
  'with each meal': P('with meals', 'con las comidas'),
};
/**
 * The directions' frequencies as one: a count and the times that make it up ("daily at bedtime": at
 * bedtime), times of day together ("qam and qhs": every morning and at bedtime), a count with meals
 * ("twice a day with meals"). Counts that disagree ("daily … bid") are a conflict, shown with "or".
 * `times` are the times of day they name; none when they disagree or leave it open (which two meals).
 */
function oneFrequency(found: Frequency[]): { text: Phrase; conflict: boolean; times: DoseTime[] } | null {
  const distinct = found.filter((f, i) => found.findIndex((g) => g.en === f.en) === i);
  if (distinct.length < 2) return null;
  const join = (fs: Frequency[], en: string, es: string) =>
    P(fs.map((f) => f.en).join(en), fs.map((f) => f.es).join(es));
  // How many times ("twice a day", "every 8 hours", "once a week"), and when ("at bedtime", "with meals").
  const isCount = (f: Frequency) => !f.times?.length || TIMES_A_DAY.some(([en]) => en === f.en);
  const counts = distinct.filter(isCount);
  // The same times of day twice ("every morning with breakfast"): the later, as parseSig reads it.
  const timed = distinct.filter(
    (f, i, all) => !isCount(f) && !all.slice(i + 1).some((g) => !isCount(g) && g.times!.join() === f.times!.join()),
  );
  const times = timed.flatMap((f) => f.times!);
  const conflict = { text: join(distinct, ' or ', ' o '), conflict: true, times: [] };
  if (new Set(counts.map((c) => c.perDay)).size > 1 || new Set(times).size < times.length) return conflict;
  const count = counts.at(-1);
  if (!timed.length) return { text: count!, conflict: false, times: (count!.times ?? []) as DoseTime[] };
  const when = join(timed, ' and ', ' y ');
  const perDay = timed.reduce((n, f) => n + f.perDay, 0);
  if (!count || Math.abs(count.perDay - perDay) < 1e-6)
    return { text: when, conflict: false, times: times as DoseTime[] };
  const meals = timed.length === 1 ? MEALS[timed[0]!.en] : undefined;
  return meals
    ? { text: P(`${count.en} ${meals.en}`, `${count.es} ${meals.es}`), conflict: false, times: [] }
    : conflict;
}

const num = (n: number) => String(Number(n.toFixed(4)));
const strip = (noun: string) => noun.replace(/\s*\(.*\)$/, '');
const feminine = (noun: string) => /(a|ión|dad)$/.test(strip(noun).split(' ')[0]!);
const article = (noun: string, lang: Lang) =>
  lang === 'en' ? (/^[aeiou]/.test(noun) ? 'an' : 'a') : feminine(noun) ? 'una' : 'un';
/** Units measured out (mL, mg, units): always a number ("2.5 mL"), never "half a…". */
const measured = (u: Unit) => Boolean(u.amount) && !u.perUnit;

/** "1 tablet", "half a tablet", "1 and a half tablets", "half a teaspoon (2.5 mL)", "2.5 mL". */
function amountOf(n: number, u: Unit, lang: Lang): string {
  const [one, many] = u[lang];
  const whole = Math.floor(n);
  if (measured(u) || (n - whole !== 0.5 && n !== 0.25)) return `${num(n)} ${n === 1 ? one : many}`;
  const ml = u.perUnit ? ` (${num(n * u.perUnit)} mL)` : '';
  const half = feminine(one) ? 'media' : 'medio';
  if (n === 0.25)
    return lang === 'en' ? `a quarter of ${article(one, lang)} ${strip(one)}${ml}` : `un cuarto de ${strip(one)}${ml}`;
  if (whole === 0)
    return lang === 'en' ? `half ${article(one, lang)} ${strip(one)}${ml}` : `${half} ${strip(one)}${ml}`;
  return lang === 'en'
    ? `${whole} and a half ${strip(many)}${ml}`
    : `${whole} ${strip(whole === 1 ? one : many)} y ${half}${ml}`;
}

/** The dose with its unit ("1 to 2 tablets"); a marker where the unit or the amount is missing. */
function quantity(sig: ParsedSig, u: Unit | null, lang: Lang): { text: string; missing: boolean } | null {
  const d = sig.dose;
  if (!d) {
    if (!u) return null;
    if (measured(u)) return { text: `${lang === 'en' ? '[?: amount]' : '[?: cantidad]'} ${u[lang][1]}`, missing: true };
    return { text: `${article(u[lang][0], lang)} ${u[lang][0]}`, missing: false };
  }
  if (!u) {
    const n =
      d.min === d.max
        ? num(d.min)
        : lang === 'en'
          ? `${num(d.min)} to ${num(d.max)}`
          : `de ${num(d.min)} a ${num(d.max)}`;
    return { text: `${n} ${lang === 'en' ? '[?: unit]' : '[?: unidad]'}`, missing: true };
  }
  if (d.min === d.max) return { text: amountOf(d.min, u, lang), missing: false };
  if (measured(u) || (Number.isInteger(d.min) && Number.isInteger(d.max)))
    return {
      text: lang === 'en' ? `${num(d.min)} to ${num(d.max)} ${u.en[1]}` : `de ${num(d.min)} a ${num(d.max)} ${u.es[1]}`,
      missing: false,
    };
  const [lo, hi] = [amountOf(d.min, u, lang), amountOf(d.max, u, lang)];
  return { text: lang === 'en' ? `${lo} to ${hi}` : `de ${lo} a ${hi}`, missing: false };
}

/**
 * The unit of a dose form or unit word ("capsule", "Tablet, Film Coated", "inhaler", "mL"); null for a
 * form with no countable unit ("Oral Solution 5 mg/5 mL": its bare counts are not guessed to be mL).
 */
function unitHintOf(hint: string): Unit | null {
  const h = hint.trim().toLowerCase();
  const words = [h, ...h.split(/[^a-z]+/).filter(Boolean)];
  const form = words.find((w) => w in FORM_UNITS);
  if (form !== undefined) return FORM_UNITS[form] ? unit(FORM_UNITS[form]) : null;
  const entry = codes.units.find((u) => u.words.some((w) => words.includes(w)));
  return entry ? (entry as unknown as Unit) : null;
}

interface Context {
  route: Route | null;
  action: Phrase | null;
}

interface Step {
  /** The verb ("Take"), and the rest of the clause ("1 tablet by mouth twice a day"). */
  action: Phrase | null;
  body: Phrase;
  /** Sentences of their own, before ("Shake well first.") and after ("Do not take more than 3 tablets."). */
  before: Phrase[];
  after: Phrase[];
  missingUnit: boolean;
  missingFrequency: boolean;
  asDirectedOnly: boolean;
  /** A dose limit without its unit, read as the lower amount: the pharmacist confirms it. */
  limitFlag: string | null;
  sig: ParsedSig;
  /** How much each time ("1 tablet"), when the directions say it wholly. */
  amount: Phrase | null;
  /** The times of day the directions name (the table's, for a count such as "twice a day"). */
  times: DoseTime[];
  /** How often, as the sentence says it ("with supper"). */
  when: Phrase | null;
}

function readStep(text: string, sig: ParsedSig, hint: string | null | undefined, ctx: Context): Step {
  const lower = ` ${text.toLowerCase()} `;
  const route = sig.route?.route ?? ctx.route;
  // The unit: the directions', else the product's, else the route's usual one (by mouth: tablets).
  let u = sig.unit;
  // "1 spray": the table reads "spray" as the verb, but after a count it is the unit.
  if (!u && sig.dose && /\d\s+spray\b/.test(lower)) u = unit('sprays');
  if (!u && sig.dose) {
    if (hint?.trim()) u = unitHintOf(hint);
    else {
      const action = sig.action?.en ?? ctx.action?.en;
      const word = route
        ? ROUTE_UNITS[route]
        : !action || ['Take', 'Chew', 'Dissolve'].includes(action)
          ? 'tablet'
          : action === 'Inhale'
            ? 'puff'
            : action === 'Put'
              ? 'drop'
              : undefined;
      u = word ? unit(word) : null;
    }
  }
  const unitWord = u?.en[0];
  let action: Phrase | null = sig.action;
  if (action?.en === 'Spray' && unitWord === 'spray') action = USE;
  else if (action?.en === 'Inject' && unitWord === 'injection') action = GIVE;
  // "Take 1 drop in each eye", "take 15 units subcut": the route's own verb.
  else if (action?.en === 'Take' && route && !['oral', 'sublingual'].includes(route)) action = ROUTE_ACTIONS[route];
  action ??= (unitWord && UNIT_ACTIONS[unitWord]) || (route ? ROUTE_ACTIONS[route] : null);

  const body: Phrase[] = [];
  const q = { en: quantity(sig, u, 'en'), es: quantity(sig, u, 'es') };
  if (q.en && q.es) body.push(P(q.en.text, q.es.text));
  else if (sig.asDirected) body.push(P('this medicine', 'este medicamento'));
  // The route, unless the verb says it ("Inhale", or "Inject" with no route in the directions).
  const verb = sig.action?.en ?? action?.en;
  const implied =
    (verb === 'Inhale' && sig.route?.text.en === 'by mouth into the lungs') ||
    (verb === 'Inject' && !INJECTION_ROUTE.test(lower));
  if (sig.route && !implied) body.push(sig.route.text);
  const inline = sig.modifiers.filter((m) => !/^[A-Z]/.test(m.en));
  body.push(...inline.filter((m) => m.en.startsWith('in ')));
  if (sig.repeatMinutes !== null) {
    const n = sig.repeatMinutes;
    body.push(n === 1 ? P('every minute', 'cada minuto') : P(`every ${n} minutes`, `cada ${n} minutos`));
  }
  const several = sig.frequency ? oneFrequency(frequenciesIn(text)) : null;
  const when = sig.frequency ? intervalOf(several?.text ?? sig.frequency.text, lower) : null;
  if (when) body.push(when);
  body.push(...inline.filter((m) => !m.en.startsWith('in ')));
  if (sig.prn)
    body.push(
      sig.indication
        ? P(`if needed for ${sig.indication.en}`, `si es necesario para ${sig.indication.es}`)
        : P('if needed', 'si es necesario'),
    );
  if (sig.durationDays !== null) {
    const d = sig.durationDays;
    body.push(P(`for ${d} ${d === 1 ? 'day' : 'days'}`, `durante ${d} ${d === 1 ? 'día' : 'días'}`));
  }
  if (sig.asDirected) body.push(P('as your doctor told you', 'como le indicó su médico'));
  // "UD" alone: use the medicine as the doctor said; anything else with no verb ("QHS"): take it.
  if (!action && !ctx.action && body.length) action = sig.asDirected ? USE : TAKE;
  // "Inhale 2 inhalaciones" says it twice: "Haga 2 inhalaciones".
  if (action?.en === 'Inhale' && unitWord === 'puff') action = P('Inhale', 'Haga');

  const sentences = sig.modifiers
    .filter((m, i, all) => /^[A-Z]/.test(m.en) && all.findIndex((o) => o.en === m.en) === i)
    .map((m) => P(`${m.en}.`, `${m.es}.`));
  const after = sentences.filter((s) => !/ first\.$/.test(s.en));
  const limit = limitSentence(sig, u, action, lower);
  if (limit) after.push(limit);
  const limitFlag =
    limit && !LIMIT_UNIT.exec(lower)?.[1] && u && (sig.dose?.max ?? 1) > 1
      ? `The limit "${sig.maxDoses!.count}" does not say ${u.en[1]} or doses: printed as ${sig.maxDoses!.count} ${u.en[1]} (the lower amount). Confirm with the prescription.`
      : null;
  const often = sig.frequency !== null || sig.repeatMinutes !== null;
  return {
    amount: q.en && q.es && !q.en.missing ? P(q.en.text, q.es.text) : null,
    times: several ? several.times : (sig.frequency?.times ?? []),
    when,
    limitFlag,
    action,
    body: P(body.map((p) => p.en).join(' '), body.map((p) => p.es).join(' ')),
    before: sentences.filter((s) => / first\.$/.test(s.en)),
    after,
    missingUnit: Boolean(q.en?.missing),
    // A step that says nothing ("…then stop") shows only its unknown words.
    missingFrequency:
      Boolean(several?.conflict) ||
      (!often &&
        !sig.asDirected &&
        !(sig.prn && (sig.dose || sig.unit || sig.indication)) &&
        body.length + (sig.action ? 1 : 0) > 0),
    asDirectedOnly: sig.asDirected && !often,
    sig,
  };
}

/** The directions' own interval ("every 12 hours") rather than the table's count ("twice a day"). */
function intervalOf(often: Phrase, lower: string): Phrase {
  const hours = Number(INTERVAL.exec(lower)?.[1]);
  const day = hours
    ? TIMES_A_DAY.find(([en, , n]) => often.en.startsWith(en) && Math.abs(n - 24 / hours) < 1e-6)
    : null;
  if (!day || !often.es.startsWith(day[1])) return often;
  const every = hoursText(hours);
  return P(every.en + often.en.slice(day[0].length), every.es + often.es.slice(day[1].length));
}

/** "Do not take more than 3 tablets." / "No tome más de 3 tabletas." */
function limitSentence(sig: ParsedSig, u: Unit | null, action: Phrase | null, lower: string): Phrase | null {
  const max = sig.maxDoses;
  if (!max) return null;
  const word = LIMIT_UNIT.exec(lower)?.[1];
  // "Take 2 tablets … no more than 6 a day" does not say 6 tablets or 6 doses: it is read as the lower
  // amount (6 tablets) and flagged, never as the larger one.
  const noun = (lang: Lang): [string, string] =>
    word && !word.startsWith('dose') ? unit(word)[lang] : !word && u ? u[lang] : DOSE[lang];
  const n = max.count;
  // Tablets are taken (also under the tongue); puffs, sprays and drops are used.
  const take = !action || ['Take', 'Chew', 'Dissolve'].includes(action.en) || sig.route?.route === 'sublingual';
  const [en, es] = [noun('en'), noun('es')];
  return P(
    `Do not ${take ? 'take' : 'use'} more than ${n} ${n === 1 ? en[0] : en[1]}${max.perDay ? ' a day' : ''}.`,
    `No ${take ? 'tome' : 'use'} más de ${n} ${n === 1 ? es[0] : es[1]}${max.perDay ? ' al día' : ''}.`,
  );
}

/** Whether a step says something to do: a dose or how often. */
const doses = (s: ParsedSig) => s.dose !== null || s.frequency !== null || s.repeatMinutes !== null;

const THEN = P(', then', ', luego');
const AND = P(' and', ' y');
/** The directions as steps: "…then…" and "…and 1/2 tab…" one by one when that reads more of them. */
function stepsOf(text: string): { text: string; join: Phrase | null }[] {
  const whole = [{ text, join: null }];
  const parts = text.split(/\b(then(?!\s+(?:stop|discontinue)\b)|and(?=\s+(?:\d|\.\d|one\b|two\b|half\b)))\b/i);
  if (parts.length < 3) return whole;
  const steps: { text: string; join: Phrase | null }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const t = parts[i]!.replace(/^[\s,;.]+|[\s,;.]+$/g, '');
    const join = i === 0 ? null : /^then$/i.test(parts[i - 1]!) ? THEN : AND;
    if (t) steps.push({ text: t, join: steps.length ? join : null });
  }
  const unknown = (ts: { text: string }[]) => ts.reduce((n, s) => n + read(s.text).unknown.length, 0);
  const readable = steps.filter((s) => doses(read(s.text))).length;
  return readable >= 2 && unknown(steps) <= unknown(whole) ? steps : whole;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Each step read, a later one in the route and action of those before it ("…then 1 daily"). */
function readSteps(tidied: string, hint: string | null | undefined): (Step & { join: Phrase | null })[] {
  const ctx: Context = { route: null, action: null };
  const steps: (Step & { join: Phrase | null })[] = [];
  for (const { text: t, join } of stepsOf(tidied)) {
    const sig = read(t);
    const step = readStep(t, sig, hint, ctx);
    steps.push({ ...step, join });
    ctx.route = sig.route?.route ?? ctx.route;
    ctx.action = step.action ?? ctx.action;
  }
  return steps;
}

function translate(text: string, hint: string | null | undefined): SigTranslation {
  const tidied = tidy(text);
  if (!tidied)
    return { en: '[?: no directions]', es: '[?: sin indicaciones]', complete: false, unknown: [], flags: [] };
  const steps = readSteps(tidied, hint);
  const unknown = [...new Set(steps.flatMap((s) => s.sig.unknown))];
  const flags = [...new Set(steps.flatMap((s) => [...s.sig.flags, ...(s.limitFlag ? [s.limitFlag] : [])]))];
  const out: Record<Lang, string[]> = { en: [], es: [] };
  for (const lang of ['en', 'es'] as const) {
    let clause = '';
    let previous: Phrase | null = null;
    for (const s of steps) {
      // A later step names its action only when it changes ("…then apply…").
      const said = s.join && s.action && previous && s.action.en === previous.en ? null : s.action;
      const words = [said ? (s.join ? low(said[lang]) : said[lang]) : '', s.body[lang]].filter(Boolean).join(' ');
      if (!words) continue;
      clause += clause ? `${s.join ? s.join[lang] : ''} ${words}` : words;
      previous = s.action ?? previous;
    }
    out[lang].push(...steps.flatMap((s) => s.before.map((p) => p[lang])));
    if (clause) out[lang].push(`${cap(clause)}.`);
    out[lang].push(...steps.flatMap((s) => s.after.map((p) => p[lang])));
  }
  const missingFrequency = steps.some((s) => s.missingFrequency);
  if (missingFrequency) {
    out.en.push('[?: how often]');
    out.es.push('[?: cada cuánto]');
  }
  if (unknown.length) {
    out.en.push(`[?: ${unknown.join(', ')}]`);
    out.es.push(`[?: ${unknown.join(', ')}]`);
  }
  const complete =
    !unknown.length && !missingFrequency && steps.every((s) => !s.missingUnit && !s.asDirectedOnly) && !!out.en.length;
  return { en: out.en.join(' '), es: out.es.join(' '), complete, unknown, flags };
}

// A patient's list is translated on every print, and the same directions recur: each is read once.
const translated = new Map<string, SigTranslation>();
/** Plain English and Spanish directions for a sig ("1 PO BID"), with what the pharmacist must confirm or fix. */
export function translateSig(sig: string, opts: TranslateOptions = {}): SigTranslation {
  const key = `${opts.unitHint ?? ''}\u0000${sig}`;
  let t = translated.get(key);
  if (!t) {
    if (translated.size > 20_000) translated.clear();
    translated.set(key, (t = translate(sig, opts.unitHint)));
  }
  return { ...t, unknown: [...t.unknown], flags: [...t.flags] };
}

/** One step of the directions as a schedule by time of day needs it (a pill card). */
export interface DoseStep {
  sig: ParsedSig;
  /** How much each time ("1 tablet" / "1 tableta"); null when the directions do not say it wholly. */
  amount: Phrase | null;
  /** The times of day the step names (the table's for "twice a day"); none for "daily", or when they disagree. */
  times: DoseTime[];
  /** How often, as the translated sentence says it ("with supper" / "con la cena"). */
  when: Phrase | null;
  /** How the step follows the one before: at other times of the same day ("and"), or after it ("then"). */
  join: 'and' | 'then' | null;
}

/** The directions step by step, read as translateSig reads them: how much, when, and how the steps follow. */
export function doseSteps(sig: string, opts: TranslateOptions = {}): DoseStep[] {
  const tidied = tidy(sig);
  return tidied
    ? readSteps(tidied, opts.unitHint).map((s) => ({
        sig: s.sig,
        amount: s.amount,
        times: s.times,
        when: s.when,
        join: s.join === null ? null : s.join === THEN ? 'then' : 'and',
      }))
    : [];
}
