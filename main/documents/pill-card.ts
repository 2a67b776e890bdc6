// The pill card: one page the patient keeps with their medicines — what to take in the morning, at
// midday, in the evening and at bedtime, and what each one is for — from the Personal Medication
// List's rows, in the document's language. A time is printed only when the directions give it: what
// is taken when needed, less than daily, or at times the directions do not say is listed under the grid.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import texts from '../../resources/documents/pill-card.json';
import type { DoseTime, Phrase } from '../medications/sig/parse-sig';
import { doseSteps, translateSig, type DoseStep } from '../medications/sig/translate-sig';
import { fullName } from './cmr-summary';
import type { Language, PmlEntry, ReviewDocumentData } from './document-data';
import { fill, INK, longDate, RULE, typeSizes, type TypeSizes } from './pdf-parts';

const TIMES: DoseTime[] = ['morning', 'midday', 'evening', 'bedtime'];
type Section = 'asNeeded' | 'notDaily' | 'ask';

type Placement =
  { section: 'daily'; amounts: Partial<Record<DoseTime, string>>; notes: string[] } | { section: Section };

const sentence = (p: Phrase, language: Language) => {
  const s = p[language];
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
};

/**
 * Where a medicine goes on the card. The grid takes only directions read wholly, every step with its
 * amount and times of day, no two steps at the same time and none following another ("…then…").
 */
function placement(sig: string | null, language: Language): Placement {
  const steps = sig ? doseSteps(sig) : [];
  if (steps.some((s) => s.sig.prn)) return { section: 'asNeeded' };
  if (steps.some((s) => s.sig.frequency && s.sig.frequency.max < 1)) return { section: 'notDaily' };
  const readable =
    sig !== null &&
    steps.length > 0 &&
    translateSig(sig).complete &&
    steps.every((s) => s.amount && s.times.length && s.join !== 'then');
  if (!readable) return { section: 'ask' };
  const amounts: Partial<Record<DoseTime, string>> = {};
  for (const s of steps)
    for (const t of s.times) {
      if (amounts[t]) return { section: 'ask' };
      amounts[t] = s.amount![language];
    }
  // What the grid cannot show: with which meal, where (eyes, under the skin), with food, for how long.
  const notes = steps.flatMap((s) => [
    ...(s.when && /meal|breakfast|lunch|supper|dinner/.test(s.when.en) ? [s.when] : []),
    ...placeOf(s),
    ...s.sig.modifiers,
    ...(s.sig.durationDays !== null
      ? [{ en: `for ${s.sig.durationDays} days`, es: `durante ${s.sig.durationDays} días` }]
      : []),
  ]);
  return { section: 'daily', amounts, notes: [...new Set(notes.map((n) => sentence(n, language)))] };
}

/**
 * Where it goes, unless by mouth or in puffs: in the eyes, under the skin; an inhaled capsule is not
 * swallowed, so its card says "Inhale".
 */
function placeOf(s: DoseStep): Phrase[] {
  const route = s.sig.route;
  if (!route || route.route === 'oral') return [];
  if (route.route !== 'inhaled') return [route.text];
  return s.sig.unit?.en[0] === 'puff' ? [] : [s.sig.action ?? route.text];
}

/** What the medicine is for: the list's reason, else what the directions say ("if needed for pain"). */
const reasonOf = (m: PmlEntry, language: Language) =>
  m.whyIUse || (m.sig && doseSteps(m.sig).find((s) => s.sig.indication)?.sig.indication?.[language]) || '';

/** The medicine's name and what it is for; a line to write the reason on when the list does not know it. */
function medicineCell(m: PmlEntry, t: (typeof texts)['en'], language: Language, width: number): TableCell {
  const reason = reasonOf(m, language);
  return {
    stack: [
      { text: m.medication, bold: true },
      reason
        ? { text: [{ text: `${t.for} `, bold: true }, reason] }
        : {
            columns: [
              { text: t.for, bold: true, width: 'auto' },
              { canvas: [{ type: 'line', x1: 0, y1: 14, x2: width - 60, y2: 14, lineWidth: 0.6 }], width: '*' },
            ],
            columnGap: 4,
          },
    ],
  };
}

const gridLayout = (header: boolean): ContentTable['layout'] => ({
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 1.5 : header && i === 1 ? 1.5 : 0.75),
  vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 1) ? 1.5 : 0.75),
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (row) => (header && row === 0 ? '#e4e4e4' : null),
});

/** Widths of the medicine column and each time of day: the times as narrow as "1 capsule" and "Mediodía" allow. */
const columns = (type: TypeSizes, contentWidth: number) => {
  const time = type.body > 12 ? 68 : 60;
  // Five columns of padding (5 + 5) and six rules.
  return { time, medicine: contentWidth - 4 * time - 5 * 10 - 6 };
};

export function pillCardDocument(d: ReviewDocumentData): TDocumentDefinitions {
  const { language } = d;
  const t = texts[language];
  const type = typeSizes(d.largePrint);
  const margins: [number, number, number, number] = [32, 36, 32, 44];
  const width = columns(type, 612 - margins[0] - margins[2]);
  const placed = d.medications.map((m) => ({ m, at: placement(m.sig, language) }));

  const daily = placed.flatMap(({ m, at }) =>
    at.section === 'daily'
      ? [
          [
            medicineCell(m, t, language, width.medicine),
            // The notes under each amount: what to do at that time is read in one place.
            ...TIMES.map((time): TableCell => {
              const amount = at.amounts[time];
              return amount
                ? {
                    stack: [
                      { text: amount, bold: true, fontSize: type.body + 1 },
                      ...at.notes.map((n) => ({ text: n })),
                    ],
                    alignment: 'center',
                  }
                : { text: '' };
            }),
          ],
        ]
      : [],
  );
  const grid: Content = daily.length
    ? {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [width.medicine, ...TIMES.map(() => width.time)],
          body: [
            [
              { text: t.medicine, bold: true, fontSize: type.body + 1 },
              ...TIMES.map((time) => ({
                text: t.times[time],
                bold: true,
                fontSize: type.body + 1,
                alignment: 'center' as const,
              })),
            ],
            ...daily,
          ],
        },
        layout: gridLayout(true),
      }
    : { text: d.medications.length ? '' : t.none };

  // Each list under the grid: its title and a sentence, then one row per medicine with how to take it.
  const section = (name: Section): Content[] => {
    const rows = placed.filter(({ at }) => at.section === name).map(({ m }) => m);
    if (!rows.length) return [];
    const words = t[name];
    const ask = name === 'ask';
    // A column to write the time in, beside the directions, so the row is no taller.
    const whenWidth = width.time + 16;
    const directionsWidth = 4 * width.time + 3 * 10 + 3 - (ask ? whenWidth + 11 : 0);
    const whenCell = (): TableCell => ({
      stack: [
        { text: t.ask.when, bold: true },
        { canvas: [{ type: 'line', x1: 0, y1: 14, x2: whenWidth - 4, y2: 14, lineWidth: 0.6, lineColor: INK }] },
      ],
    });
    return [
      {
        table: {
          dontBreakRows: true,
          widths: [width.medicine, directionsWidth, ...(ask ? [whenWidth] : [])],
          body: [
            [
              {
                colSpan: ask ? 3 : 2,
                text: [{ text: `${words.title}. `, bold: true, fontSize: type.heading }, words.note],
                fillColor: '#e4e4e4',
              },
              {},
              ...(ask ? [{}] : []),
            ],
            ...rows.map((m) => [
              medicineCell(m, t, language, width.medicine),
              { text: m.howIUse },
              ...(ask ? [whenCell()] : []),
            ]),
          ],
        },
        layout: gridLayout(false),
        // A section's title never stands alone at the foot of a page.
        unbreakable: rows.length <= 4,
        // Space above, not below: a margin after the last table would start an empty page.
        margin: [0, 10, 0, 0],
      } as Content,
    ];
  };

  const patient = fullName(d);
  const heading: Content = {
    columns: [
      {
        width: '*',
        stack: [
          { text: t.title, fontSize: type.title + 2, bold: true },
          { text: patient, fontSize: type.title, bold: true, margin: [0, 4, 0, 0] },
        ],
      },
      {
        width: type.body > 12 ? 230 : 200,
        table: {
          body: [
            [
              {
                stack: [
                  { text: t.questions },
                  { text: d.pharmacy.name, bold: true },
                  { text: d.pharmacy.phone, bold: true, fontSize: type.heading + 2 },
                ],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5, hLineColor: () => RULE, vLineColor: () => RULE },
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 6],
  };

  return {
    pageSize: 'LETTER',
    pageMargins: margins,
    info: { title: 'Pill card', subject: 'Daily medicine schedule' },
    defaultStyle: { font: 'Roboto', fontSize: type.body, lineHeight: 1.0, color: INK },
    footer: (page, pages) => ({
      columns: [
        // The name on every page, so a page that comes apart is still the patient's.
        { text: fill(t.made, { name: patient, date: longDate(d.preparedOn, language) }), width: '*' },
        { text: fill(t.page, { page: String(page), pages: String(pages) }), width: 'auto' },
      ],
      fontSize: type.small,
      margin: [margins[0], 16, margins[2], 0],
    }),
    content: [
      heading,
      { text: t.intro, margin: [0, 0, 0, 6] },
      grid,
      ...section('asNeeded'),
      ...section('notDaily'),
      ...section('ask'),
    ],
  };
}
