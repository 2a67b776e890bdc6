// The written summary after a CMR in the CMS Standardized Format (form CMS-10396): cover letter,
// Medication Action Plan and Personal Medication List, portrait, 12 pt and larger, in the
// patient's language. Fixed text comes from resources/documents/standardized-format.json.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import format from '../../resources/documents/standardized-format.json';
import type { Language, PmlEntry, ReviewDocumentData } from './document-data';
import { patientAddressLines } from './document-data';
import {
  BODY,
  box,
  fill,
  footer,
  INK,
  letterhead,
  longDate,
  PAGE_MARGINS,
  repeatedTitle,
  smallCaps,
  tickBox,
  TITLE,
  usDate,
  writingLines,
} from './pdf-parts';

type Texts = (typeof format.languages)['en'];
export const formatTexts = (language: Language): Texts & { official: boolean } => format.languages[language];

const fullName = (d: ReviewDocumentData) =>
  [d.patient.firstName, d.patient.middleName, d.patient.lastName].filter(Boolean).join(' ');
const bold = (text: string): Content => ({ text, bold: true });

function coverLetter(d: ReviewDocumentData, t: Texts): Content[] {
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
    letterhead(d.pharmacy),
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
    { text: fill(c.call, { contact, plan: d.patient.partD.planName ?? c.planFallback }), margin: [0, 0, 0, 14] },
    // The closing and signature travel together, never one line alone on a page.
    {
      stack: [{ text: c.closing, margin: [0, 0, 0, 20] }, bold(d.pharmacist), c.signatureRole, d.pharmacy.name],
      unbreakable: true,
    },
  ];
}

function actionPlan(d: ReviewDocumentData, t: Texts): Content {
  const m = t.map;
  const items = d.review.plan.filter((x) => x.talkedAbout && x.toDo);
  return repeatedTitle(fill(m.title, { name: fullName(d), dob: usDate(d.patient.dateOfBirth) }), [
    { stack: [m.intro, { ol: m.steps, margin: [14, 4, 0, 6] }, m.share] },
    {
      text: smallCaps(fill(m.datePrepared, { date: usDate(d.preparedOn) }), BODY + 1),
      alignment: 'right',
      margin: [0, 4, 0, 4],
    },
    ...items.map((x) =>
      box([
        [{ stack: [bold(m.talked), x.talkedAbout] }],
        [{ stack: [bold(m.todo), x.toDo] }],
        [{ stack: [bold(m.did), writingLines(2, 470)] }],
      ]),
    ),
    box([[{ stack: [bold(m.followUp), writingLines(2, 470)] }]]),
    box([[{ stack: [bold(m.questions), writingLines(2, 470)] }]]),
    { text: fill(m.callUs, { phone: d.pharmacy.phone }), margin: [0, 4, 0, 0] },
  ]);
}

function medicationBlock(p: Texts['pml'], e: PmlEntry | null): Content {
  const LABEL = 165;
  const row = (label: string, value: string | null | undefined): Content[] => [
    {
      columns: [
        { text: label, bold: true, width: LABEL },
        value ? { text: value, width: '*' } : { ...writingLines(1, 300), width: '*' },
      ],
      columnGap: 8,
    },
  ];
  return box([
    row(p.medication, e?.medication),
    row(p.howIUse, e?.howIUse),
    row(p.whyIUse, e?.whyIUse),
    row(p.prescriber, e?.prescriber),
    [
      {
        columns: [
          { text: p.started, bold: true, width: LABEL },
          e?.started ? { text: usDate(e.started), width: 80 } : { ...writingLines(1, 80), width: 80 },
          { text: p.stopped, bold: true, width: 'auto', noWrap: true },
          { ...writingLines(1, 80), width: '*' },
        ],
        columnGap: 8,
      },
    ],
    row(p.whyStopped, null),
  ]);
}

function medicationList(d: ReviewDocumentData, t: Texts): Content {
  const p = t.pml;
  const allergies =
    d.patient.allergies.map((a) => (a.reaction ? `${a.substance} (${a.reaction})` : a.substance)).join('; ') ||
    (d.patient.noKnownAllergies ? p.noAllergies : '');
  return repeatedTitle(fill(p.title, { name: fullName(d), dob: usDate(d.patient.dateOfBirth) }), [
    { text: fill(p.intro, { sources: p.sourcesDefault }) },
    {
      columns: [
        { ul: p.bullets, width: '*', margin: [10, 6, 10, 0] },
        {
          width: 190,
          ...box(
            [
              [
                {
                  stack: [
                    bold(p.keepUpToDate),
                    ...p.kinds.map((k): Content => ({
                      columns: [tickBox(), { text: k, width: '*' }],
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
    {
      text: smallCaps(fill(p.datePrepared, { date: usDate(d.preparedOn) }), BODY + 1),
      alignment: 'right',
      margin: [0, 4, 0, 4],
    },
    box([[{ stack: [bold(p.allergies), allergies ? { text: allergies } : writingLines(1, 470)] }]]),
    ...d.medications.map((e) => medicationBlock(p, e)),
    box([[{ stack: [bold(p.other), writingLines(3, 470)] }]]),
    // Blank blocks for medicines the patient adds later, as the form's instructions ask.
    medicationBlock(p, null),
    medicationBlock(p, null),
    { text: fill(p.callUs, { phone: d.pharmacy.phone }), margin: [0, 4, 0, 8] },
    { text: t.pra, fontSize: 10, color: '#333333', margin: [0, 8, 0, 0] },
  ]);
}

export function cmrSummaryDocument(d: ReviewDocumentData): TDocumentDefinitions {
  const t = formatTexts(d.language);
  return {
    pageSize: 'LETTER',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: {
      title: `${t.map.title.split(' {')[0]} / ${t.pml.title.split(' {')[0]}`,
      subject: 'CMS-10396 Standardized Format',
    },
    defaultStyle: { font: 'Roboto', fontSize: BODY, lineHeight: 1.2, color: INK },
    footer: footer(`${fullName(d)} · ${usDate(d.patient.dateOfBirth)}`, (page, pages) =>
      fill(t.page, { page: String(page), pages: String(pages) }),
    ),
    content: [
      ...coverLetter(d, t),
      { stack: [actionPlan(d, t)], pageBreak: 'before' },
      { stack: [medicationList(d, t)], pageBreak: 'before' },
    ],
    styles: { title: { fontSize: TITLE, bold: true } },
  };
}
