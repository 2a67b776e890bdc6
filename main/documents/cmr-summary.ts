// The written summary after a CMR in the CMS Standardized Format (form CMS-10396): cover letter,
// Medication Action Plan and Personal Medication List, portrait, 12 pt and larger (14 pt in large
// print), in the patient's language, the other, or both one after the other; the form's number and OMB control
// number at the foot of every page, the safe-disposal section after the action plan, and a cc: line when a copy
// goes to the prescribers. Fixed text comes from resources/documents/standardized-format.json.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { personFullName } from '../../preload/person-name';
import format from '../../resources/documents/standardized-format.json';
import type { Recommendation } from '../../preload/schemas/reviews';
import type { Language, PmlEntry, ReviewDocumentData } from './document-data';
import { patientAddressLines } from './document-data';
import {
  box,
  fill,
  footer,
  INK,
  letterhead,
  longDate,
  CONTENT_WIDTH,
  PAGE_MARGINS,
  RULE,
  shortDate,
  smallCaps,
  tickBox,
  titledSection,
  typeSizes,
  writingLines,
  type TypeSizes,
} from './pdf-parts';

type Texts = (typeof format.languages)['en'];
export const formatTexts = (language: Language): Texts & { official: boolean } => format.languages[language];

/** How the summary is addressed beyond the review itself. */
export interface SummaryOptions {
  /** Print "cc:" and the prescribers the review wrote to, when the pharmacist sends them a copy. */
  ccPrescribers?: boolean;
}

/** The patient's name, in proper case where it was typed all lower or upper case. */
export const fullName = (d: ReviewDocumentData) => personFullName(d.patient);
const bold = (text: string): Content => ({ text, bold: true });

/** The action-plan item in the document's language; the English words when no Spanish was written (flagged before printing). */
export function planItem(x: Recommendation, language: Language): { talkedAbout: string; toDo: string } {
  if (language === 'es' && x.talkedAboutEs && x.toDoEs) return { talkedAbout: x.talkedAboutEs, toDo: x.toDoEs };
  return { talkedAbout: x.talkedAbout, toDo: x.toDo };
}

/** A full-width block of ruled lines to write on, spaced for handwriting at the type's size. */
const lines = (count: number, type: TypeSizes) => writingLines(count, 490, Math.round(type.body * 1.75));

/** The prescribers a copy goes to: those the review wrote to. */
export const ccNames = (d: ReviewDocumentData) => [...new Set(d.review.communications.map((c) => c.prescriber.name))];

function coverLetter(d: ReviewDocumentData, t: Texts, type: TypeSizes, options: SummaryOptions): Content[] {
  const c = t.coverLetter;
  const recipient = d.review.recipient === 'caregiver' && d.review.caregiverName ? d.review.caregiverName : fullName(d);
  const contact = fill(c.contact, {
    pharmacy: d.pharmacy.name,
    phone: d.pharmacy.phone,
    hours: d.pharmacy.hours ? fill(c.hours, { hours: d.pharmacy.hours }) : '',
    tty: d.pharmacy.tty ? fill(c.tty, { tty: d.pharmacy.tty }) : '',
  });
  return [
    // The form's optional space for the plan's barcode or document reference, left clear.
    { text: '', margin: [0, 0, 0, 6] },
    letterhead(d.pharmacy, type),
    { text: longDate(d.preparedOn, d.language), margin: [0, 0, 0, 10] },
    {
      stack: [
        fullName(d),
        ...(d.review.recipient === 'caregiver' && d.review.caregiverName ? [`c/o ${d.review.caregiverName}`] : []),
        ...patientAddressLines(d.patient),
      ],
      margin: [0, 0, 0, 10],
    },
    { text: fill(c.salutation, { name: recipient }), margin: [0, 0, 0, 8] },
    { text: fill(c.thanks, { date: longDate(d.review.cmrDate ?? d.preparedOn, d.language) }), margin: [0, 0, 0, 8] },
    { text: c.includes, margin: [0, 0, 0, 6] },
    { ul: c.bullets, margin: [10, 0, 0, 8] },
    // The last paragraph, closing and signature travel together: the signature never stands alone on a page.
    {
      stack: [
        { text: fill(c.call, { contact, plan: d.patient.partD.planName ?? c.planFallback }), margin: [0, 0, 0, 14] },
        { text: c.closing, margin: [0, 0, 0, 20] },
        bold(d.pharmacist),
        c.signatureRole,
        d.pharmacy.name,
        ...(options.ccPrescribers && ccNames(d).length
          ? [{ text: `${c.cc} ${ccNames(d).join('; ')}`, margin: [0, 14, 0, 0] } as Content]
          : []),
      ],
      unbreakable: true,
    },
  ];
}

const datePrepared = (template: string, d: ReviewDocumentData, type: TypeSizes): Content => ({
  text: smallCaps(fill(template, { date: shortDate(d.preparedOn, d.language) }), type.body + 1),
  alignment: 'right',
  margin: [0, 2, 0, 6],
});

function actionPlan(d: ReviewDocumentData, t: Texts, type: TypeSizes): Content[] {
  const m = t.map;
  const items = d.review.plan.map((x) => planItem(x, d.language)).filter((x) => x.talkedAbout && x.toDo);
  return [
    { stack: [m.intro, { ol: m.steps, margin: [14, 4, 0, 6] }, m.share] },
    datePrepared(m.datePrepared, d, type),
    ...items.map((x) =>
      box([
        [{ stack: [bold(m.talked), x.talkedAbout] }],
        [{ stack: [bold(m.todo), x.toDo] }],
        [{ stack: [bold(m.did), lines(2, type)] }],
      ]),
    ),
    // The two spaces to write in and the phone number are one block: none stands alone on a page.
    box([
      [{ stack: [bold(m.followUp), lines(2, type)] }],
      [{ stack: [bold(m.questions), lines(2, type)] }],
      [
        {
          text: fill(m.callUs, { phone: d.pharmacy.phone }),
          border: [false, true, false, false],
          margin: [-6, 4, 0, 0],
        },
      ],
    ]),
    // What to do with a medicine the plan stops, or any left over: the plan's last block.
    disposalSection(d, t, type),
  ];
}

/** One medicine as a grid of the form's fields; an empty cell is the space to write in. */
function medicationBlock(p: Texts['pml'], e: PmlEntry | null, d: ReviewDocumentData, type: TypeSizes): Content {
  // Label columns as wide as the longest label (bold Roboto averages under half an em a letter), so labels do not wrap.
  const width = (s: string) => Math.ceil(s.length * type.body * 0.45) + 12;
  const labelWidth = Math.max(
    ...[p.medication, p.howIUse, p.whyIUse, p.prescriber, p.started, p.whyStopped].map(width),
  );
  const stoppedWidth = width(p.stopped);
  // Both dates share a row when a date still fits beside each label; otherwise each has its own row.
  const oneDateRow = (CONTENT_WIDTH - labelWidth - stoppedWidth - 4 * 10) / 2 >= width('00/00/0000');
  const label = (text: string): TableCell => ({ text, bold: true });
  const value = (text: string | null | undefined, colSpan = 3, strong = false): TableCell => ({
    text: text || ' ',
    colSpan,
    bold: strong,
    // An empty cell is the space to write in: tall enough for handwriting.
    ...(text ? {} : { margin: [0, 2, 0, 2] as [number, number, number, number] }),
  });
  const wide = (name: string, text: string | null | undefined, strong = false): TableCell[] => [
    label(name),
    value(text, 3, strong),
    {},
    {},
  ];
  const started = e?.started ? shortDate(e.started, d.language) : null;
  return {
    table: {
      widths: [labelWidth, '*', oneDateRow ? stoppedWidth : 0, '*'],
      dontBreakRows: true,
      body: [
        wide(p.medication, e?.medication, true),
        wide(p.howIUse, e?.howIUse),
        wide(p.whyIUse, e?.whyIUse),
        wide(p.prescriber, e?.prescriber),
        ...(oneDateRow
          ? [[label(p.started), value(started, 1), label(p.stopped), value(null, 1)]]
          : [wide(p.started, started), wide(p.stopped, null)]),
        wide(p.whyStopped, null),
      ],
    },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 1.5 : 0.75),
      vLineWidth: (i) => (i === 0 || i === 4 ? 1.5 : 0.75),
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    unbreakable: true,
    margin: [0, 0, 0, 6],
  };
}

/** Where the list's information came from: the pharmacy's records, and the caregiver who represented the patient. */
export function pmlSources(d: ReviewDocumentData, p: Texts['pml']): string {
  const name = d.review.recipient === 'caregiver' ? d.review.caregiverName?.trim() : '';
  if (!name) return p.sourcesDefault;
  const relationship = d.review.caregiverRelationship?.trim();
  const person = relationship ? fill(p.caregiverRelationship, { name, relationship }) : name;
  return fill(p.sourcesWithCaregiver, { records: p.sourcesDefault, person });
}

/**
 * Safe disposal of unused medicines (SUPPORT Act § 6103), at the end of the Medication Action Plan: the take-back
 * sites the pharmacy lists, in-home disposal after FDA's guidance, and where to find more sites. One block, never split.
 */
function disposalSection(d: ReviewDocumentData, t: Texts, type: TypeSizes): Content {
  const x = t.disposal;
  const sites = d.settings.takeBackSites;
  return box([
    [
      {
        stack: [
          { text: x.title, bold: true, fontSize: type.heading },
          { text: x.why, margin: [0, 2, 0, 4] },
          ...(sites.length
            ? [
                { text: [bold(x.takeBack), ` ${x.sitesHere}`] } as Content,
                {
                  ul: sites.map((s): Content => ({
                    stack: [{ text: `${s.name}, ${s.address}`, bold: true }, ...(s.hours ? [s.hours] : [])],
                  })),
                  margin: [10, 2, 0, 0],
                } as Content,
              ]
            : [{ text: [bold(x.takeBack), ` ${fill(x.noSites, { phone: d.pharmacy.phone })}`] } as Content]),
          { text: x.atHome, bold: true, margin: [0, 6, 0, 0] },
          { ol: x.steps, margin: [14, 2, 0, 4] },
          { text: x.more },
        ],
      },
    ],
  ]);
}

function medicationList(d: ReviewDocumentData, t: Texts, type: TypeSizes): Content[] {
  const p = t.pml;
  const allergies =
    d.patient.allergies.map((a) => (a.reaction ? `${a.substance} (${a.reaction})` : a.substance)).join('; ') ||
    (d.patient.noKnownAllergies ? p.noAllergies : '');
  return [
    { text: fill(p.intro, { sources: pmlSources(d, p) }) },
    {
      columns: [
        { ul: p.bullets, width: '*', margin: [10, 6, 10, 0] },
        {
          width: type.body * 16,
          ...box(
            [
              [
                {
                  stack: [
                    bold(p.keepUpToDate),
                    ...p.kinds.map((k): Content => ({
                      columns: [tickBox(type.body - 1), { text: k, width: '*' }],
                      margin: [0, 3, 0, 0],
                    })),
                  ],
                },
              ],
            ],
            ['*'],
            false,
          ),
        },
      ],
      columnGap: 12,
    },
    { text: p.hospital },
    datePrepared(p.datePrepared, d, type),
    box([[{ stack: [bold(p.allergies), allergies ? { text: allergies } : lines(1, type)] }]]),
    ...d.medications.map((e) => medicationBlock(p, e, d, type)),
    box([[{ stack: [bold(p.other), lines(3, type)] }]]),
    // Blank blocks for medicines the patient adds later, as the form's instructions ask.
    medicationBlock(p, null, d, type),
    medicationBlock(p, null, d, type),
    {
      stack: [
        { text: fill(p.callUs, { phone: d.pharmacy.phone }), margin: [0, 4, 0, 8] },
        { text: t.pra, fontSize: type.small, color: '#333333', margin: [0, 8, 0, 0] },
      ],
      unbreakable: true,
    },
  ];
}

/** The three parts in one language, each starting on a new page with its footer (and title) in that language. */
function summaryIn(d: ReviewDocumentData, options: SummaryOptions): Content[] {
  const t = formatTexts(d.language);
  const type = typeSizes(d.largePrint);
  const title = (template: string) =>
    fill(template, { name: fullName(d), dob: shortDate(d.patient.dateOfBirth, d.language) });
  const pageFooter = footer(
    `${fullName(d)} · ${shortDate(d.patient.dateOfBirth, d.language)}`,
    (page, pages) => fill(t.page, { page: String(page), pages: String(pages) }),
    type.small,
    { left: format.marks.form, right: format.marks.omb },
  );
  return [
    { section: coverLetter(d, t, type, options), pageMargins: PAGE_MARGINS, footer: pageFooter } as Content,
    titledSection(title(t.map.title), type, actionPlan(d, t, type), pageFooter),
    titledSection(title(t.pml.title), type, medicationList(d, t, type), pageFooter),
  ];
}

/** One or more language versions of the same review's summary (the patient's language first). */
export function cmrSummaryDocument(versions: ReviewDocumentData[], options: SummaryOptions = {}): TDocumentDefinitions {
  const [first] = versions;
  const t = formatTexts(first!.language);
  const type = typeSizes(first!.largePrint);
  return {
    pageSize: 'LETTER',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: {
      title: `${t.map.title.split(' {')[0]} / ${t.pml.title.split(' {')[0]}`,
      subject: 'CMS-10396 Standardized Format',
    },
    defaultStyle: { font: 'Roboto', fontSize: type.body, lineHeight: 1.15, color: INK },
    content: versions.flatMap((v) => summaryIn(v, options)),
  };
}
