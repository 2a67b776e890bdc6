// A fax to one prescriber: a cover sheet without patient data that says where and by when to fax the
// answer, then the letter — one block per recommendation with the problem, the assessment, its
// reference and boxes for the prescriber's answer, the pharmacist's signature, and the patient's
// current medicines for context. Always in English (makeDocument reads the data in English for it);
// black on white, 11 pt at least.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DTP_LABELS, SEVERITY_LABELS } from '../../preload/schemas/checks';
import { isoDaysBefore } from '../../preload/schemas/dates';
import {
  RECOMMENDATION_LABELS,
  RESPONSE_DAYS,
  REVIEW_TYPE_LABELS,
  type PrescriberCommunication,
} from '../../preload/schemas/reviews';
import texts from '../../resources/documents/prescriber-letter.json';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { translateSig } from '../medications/sig/translate-sig';
import { formatPhone } from '../../preload/schemas/identifiers';
import type { PmlEntry, ReviewDocumentData } from './document-data';
import {
  BODY,
  box,
  fill,
  footer,
  INK,
  letterhead,
  longDate,
  PAGE_MARGINS,
  tickBox,
  usDate,
  writingLines,
} from './pdf-parts';

/** The fax's smallest type: the confidentiality notice, references and the medication list. */
const FINE = 11;

const citationOf = (ruleId: string | null) => {
  const c = ruleId ? BUNDLED_RULES.find((r) => r.id === ruleId)?.citation : undefined;
  return c ? `${c.document}${c.year ? ` (${c.year})` : ''}, ${c.locator}` : null;
};

const field = (label: string, value: string, bold = false): Content => ({
  columns: [
    { text: label, bold: true, width: 150 },
    { text: value || '—', width: '*', bold },
  ],
  margin: [0, 0, 0, 4],
});

/** "Tuesday, December 8, 2026": the weekday too, so the office sees at a glance how long it has. */
const dueText = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/**
 * When the answer is due: the date the app tracks once the fax is recorded as sent, else the date it would
 * be due if sent on the day the fax is prepared (today, unless a test fixes the day). A recorded date
 * already past (the fax sent again) is not asked for: the answer is then due a week from today.
 */
function answerDue(communication: PrescriberCommunication, preparedOn: string): string {
  const due = communication.dueDate;
  return due && due >= preparedOn ? due : isoDaysBefore(preparedOn, -RESPONSE_DAYS);
}

/** The directions in English for the prescriber: the plain sentence when every word is read, else as written. */
function englishDirections(m: PmlEntry): string {
  if (!m.sig?.trim()) return '—';
  const t = translateSig(m.sig);
  return t.complete ? t.en : m.sig;
}

/**
 * The patient's current medicines, for context, after the signature: the recommendations and the answer
 * stay on the letter's first page. The title repeats with the column heads if the list runs on.
 */
function medicationList(d: ReviewDocumentData): Content {
  const { letter } = texts;
  const title = fill(letter.medications, { date: usDate(d.review.cmrDate ?? d.review.createdAt.slice(0, 10)) });
  if (!d.medications.length)
    return {
      stack: [
        { text: title, bold: true },
        { text: letter.noMedications, fontSize: FINE },
      ],
      margin: [0, 16, 0, 0],
    };
  return {
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [225, '*'],
      body: [
        [{ text: title, bold: true, fontSize: BODY, colSpan: 2, margin: [0, 0, 0, 2] }, {}],
        [
          { text: letter.medication, bold: true },
          { text: letter.directions, bold: true },
        ],
        ...d.medications.map((m) => [m.medication, englishDirections(m)]),
      ],
    },
    layout: {
      hLineWidth: (i, node) => (i === 0 ? 0 : i <= 2 || i === node.table.body.length ? 0.75 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => INK,
      paddingLeft: () => 2,
      paddingRight: () => 6,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    fontSize: FINE,
    lineHeight: 1.05,
    margin: [0, 12, 0, 0],
  };
}

/** The pharmacist's signature block: a line to sign on, who signs, and how to reach them. */
function signatureBlock(d: ReviewDocumentData): Content {
  const { letter } = texts;
  return {
    unbreakable: true,
    columns: [
      {
        width: 250,
        stack: [
          { text: letter.sincerely, margin: [0, 0, 0, 18] },
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 230, y2: 0, lineWidth: 0.75, lineColor: INK }] },
          { text: letter.pharmacistSignature, fontSize: FINE, margin: [0, 1, 0, 2] },
          { text: d.pharmacist, bold: true },
          { text: letter.pharmacist },
        ],
      },
      {
        width: '*',
        stack: [
          { text: d.pharmacy.name, bold: true },
          { text: `${letter.phone} ${d.pharmacy.phone}` },
          { text: `${letter.fax} ${d.pharmacy.fax}` },
          { text: `${letter.date} ${usDate(d.preparedOn)}` },
        ],
        margin: [0, 18, 0, 0],
      },
    ],
    columnGap: 12,
  };
}

/**
 * `pages` is the fax's page count, known after a first rendering (the cover sheet states it). The
 * pharmacy's fax number is required (makeDocument refuses without it): the answer comes back by fax.
 */
export function prescriberLetterDocument(
  d: ReviewDocumentData,
  communication: PrescriberCommunication,
  pages: number | null,
): TDocumentDefinitions {
  const { cover, letter } = texts;
  const recommendations = d.review.plan.filter((x) => communication.recommendationIds.includes(x.id));
  const patient = [d.patient.firstName, d.patient.lastName].join(' ');
  const plural = recommendations.length === 1 ? '' : 's';
  const due = dueText(answerDue(communication, d.preparedOn));
  const coverSheet: Content[] = [
    letterhead(d.pharmacy),
    { text: cover.title, fontSize: 40, bold: true, margin: [0, 0, 0, 10] },
    field(cover.to, communication.prescriber.name),
    field(cover.fax, formatPhone(communication.prescriber.fax)),
    field(cover.phone, formatPhone(communication.prescriber.phone)),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 504, y2: 4, lineWidth: 0.75 }], margin: [0, 0, 0, 10] },
    field(cover.from, `${d.pharmacist}, ${d.pharmacy.name}`),
    field(cover.phone, d.pharmacy.phone),
    field(cover.fax, d.pharmacy.fax),
    field(cover.date, usDate(d.preparedOn)),
    field(cover.pages, pages ? String(pages) : '—'),
    field(cover.re, fill(cover.reText, { plural })),
    field(cover.due, due, true),
    { text: fill(cover.message, { plural }), margin: [0, 12, 0, 8] },
    // The one thing the office must do, where the eye lands: the number to fax back and the day.
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: fill(cover.faxBack, { fax: d.pharmacy.fax, due }),
              bold: true,
              fontSize: 16,
              margin: [4, 6, 4, 6],
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 2, vLineWidth: () => 2, hLineColor: () => INK, vLineColor: () => INK },
      margin: [0, 0, 0, 8],
    },
    {
      text: fill(cover.questions, { pharmacy: d.pharmacy.name, phone: d.pharmacy.phone }),
      margin: [0, 0, 0, 16],
    },
    box([
      [
        {
          stack: [
            { text: cover.confidentialityTitle, bold: true },
            { text: cover.confidentiality, fontSize: FINE },
          ],
        },
      ],
    ]),
  ];
  const blocks = recommendations.map((x, i) => {
    const problem = d.review.problems.find((p) => p.id === x.problemId);
    const citation = citationOf(problem?.ruleId ?? null);
    const labelled = (label: string, text: string) => ({ text: [{ text: `${label} `, bold: true }, text] });
    return box([
      [{ text: `${i + 1}. ${RECOMMENDATION_LABELS[x.action]}`, bold: true, fontSize: BODY + 1 }],
      [
        {
          stack: [
            labelled(
              letter.problem,
              problem
                ? `${problem.title} — ${DTP_LABELS[problem.category]}, ${SEVERITY_LABELS[problem.severity].toLowerCase()}`
                : '—',
            ),
            labelled(letter.assessment, problem?.description ?? '—'),
            labelled(letter.recommendation, x.detail),
            ...(citation ? [{ ...labelled(letter.reference, citation), fontSize: FINE }] : []),
          ],
        },
      ],
      [
        {
          stack: [
            {
              columns: [
                { text: letter.response, bold: true, width: 'auto' },
                tickBox(),
                { text: letter.accept, width: 'auto' },
                tickBox(),
                { text: letter.modify, width: 'auto' },
                { ...writingLines(1, 150, 14), width: 150 },
                tickBox(),
                { text: letter.decline, width: 'auto' },
              ],
              columnGap: 5,
            },
            {
              columns: [
                { text: letter.signature, width: 'auto', margin: [0, 10, 0, 0] },
                { ...writingLines(1, 210), width: 220 },
                { text: letter.signatureDate, width: 'auto', margin: [0, 10, 0, 0] },
                { ...writingLines(1, 90), width: '*' },
              ],
              columnGap: 6,
            },
          ],
        },
      ],
    ]);
  });
  const letterPages: Content[] = [
    // The cover carries the full letterhead; here the sender in two lines, so the letter fits one page.
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: d.pharmacy.name, bold: true, fontSize: BODY + 1 },
            { text: d.pharmacy.addressLines.join(' · '), fontSize: FINE },
            { text: `Phone ${d.pharmacy.phone} · Fax ${d.pharmacy.fax}`, fontSize: FINE },
          ],
        },
        { text: longDate(d.preparedOn, 'en'), width: 140, alignment: 'right' },
      ],
      columnGap: 12,
      margin: [0, 0, 0, 10],
    },
    {
      text: [
        { text: `${cover.re} `, bold: true },
        `${patient}, DOB ${usDate(d.patient.dateOfBirth)}${d.patient.partD.planName ? ` · ${d.patient.partD.planName}${d.patient.partD.memberId ? ` ${d.patient.partD.memberId}` : ''}` : ''}`,
      ],
      margin: [0, 0, 0, 8],
    },
    { text: fill(letter.greeting, { prescriber: communication.prescriber.name }), margin: [0, 0, 0, 6] },
    {
      text: fill(letter.intro, {
        patient,
        reviewType: REVIEW_TYPE_LABELS[d.review.type].replace(/^\w/, (c) => c.toLowerCase()),
        date: longDate(d.review.cmrDate ?? d.review.createdAt.slice(0, 10), 'en'),
      }),
      margin: [0, 0, 0, 10],
    },
    ...blocks,
    {
      text: fill(letter.closing, { patient, fax: d.pharmacy.fax, due, phone: d.pharmacy.phone }),
      margin: [0, 2, 0, 10],
    },
    signatureBlock(d),
    medicationList(d),
  ];
  return {
    pageSize: 'LETTER',
    // Narrower top and bottom than the patient's documents, so a letter with two recommendations is one page.
    pageMargins: [PAGE_MARGINS[0], 44, PAGE_MARGINS[2], 52],
    info: { title: 'Medication therapy recommendations', subject: 'Prescriber communication' },
    defaultStyle: { font: 'Roboto', fontSize: BODY, lineHeight: 1.15, color: INK },
    // The cover page names no patient; the letter's pages do, so a separated page is still identified.
    footer: (page, count) =>
      footer(
        page === 1 ? d.pharmacy.name : `${patient} · DOB ${usDate(d.patient.dateOfBirth)}`,
        (p, n) => `Page ${p} of ${n}`,
      )(page, count),
    content: [...coverSheet, { stack: letterPages, pageBreak: 'before' }],
  };
}
