// A fax to one prescriber: a cover sheet without patient data, then one block per recommendation
// with the problem, the assessment, its reference, and boxes for the prescriber's answer.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DTP_LABELS, SEVERITY_LABELS } from '../../preload/schemas/checks';
import { RECOMMENDATION_LABELS, REVIEW_TYPE_LABELS, type PrescriberCommunication } from '../../preload/schemas/reviews';
import texts from '../../resources/documents/prescriber-letter.json';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { formatPhone } from '../../preload/schemas/identifiers';
import type { ReviewDocumentData } from './document-data';
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

const citationOf = (ruleId: string | null) => {
  const c = ruleId ? BUNDLED_RULES.find((r) => r.id === ruleId)?.citation : undefined;
  return c ? `${c.document}${c.year ? ` (${c.year})` : ''}, ${c.locator}` : null;
};

const field = (label: string, value: string): Content => ({
  columns: [
    { text: label, bold: true, width: 150 },
    { text: value || '—', width: '*' },
  ],
  margin: [0, 0, 0, 6],
});

/** `pages` is the fax's page count, known after a first rendering (the cover sheet states it). */
export function prescriberLetterDocument(
  d: ReviewDocumentData,
  communication: PrescriberCommunication,
  pages: number | null,
): TDocumentDefinitions {
  const { cover, letter } = texts;
  const recommendations = d.review.plan.filter((x) => communication.recommendationIds.includes(x.id));
  const patient = [d.patient.firstName, d.patient.lastName].join(' ');
  const plural = recommendations.length === 1 ? '' : 's';
  const coverSheet: Content[] = [
    letterhead(d.pharmacy),
    { text: cover.title, fontSize: 40, bold: true, margin: [0, 6, 0, 18] },
    field(cover.to, communication.prescriber.name),
    field(cover.fax, formatPhone(communication.prescriber.fax)),
    field(cover.phone, formatPhone(communication.prescriber.phone)),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 504, y2: 4, lineWidth: 0.75 }], margin: [0, 0, 0, 10] },
    field(cover.from, `${d.pharmacist}, ${d.pharmacy.name}`),
    field(cover.phone, d.pharmacy.phone),
    field(cover.fax, d.pharmacy.fax),
    field(cover.date, usDate(d.preparedOn)),
    {
      columns: [
        { text: cover.pages, bold: true, width: 150 },
        { text: pages ? String(pages) : '—', width: '*' },
      ],
      margin: [0, 0, 0, 6],
    },
    field(cover.re, fill(cover.reText, { plural })),
    {
      text: fill(d.pharmacy.fax ? cover.message : cover.messageNoFax, {
        plural,
        pages: plural ? 'them' : 'it',
        fax: d.pharmacy.fax,
        phone: d.pharmacy.phone,
      }),
      margin: [0, 18, 0, 24],
    },
    box([
      [
        {
          stack: [
            { text: cover.confidentialityTitle, bold: true },
            { text: cover.confidentiality, fontSize: 11 },
          ],
        },
      ],
    ]),
  ];
  const blocks = recommendations.map((x, i) => {
    const problem = d.review.problems.find((p) => p.id === x.problemId);
    const citation = citationOf(problem?.ruleId ?? null);
    return box([
      [{ text: `${i + 1}. ${RECOMMENDATION_LABELS[x.action]}`, bold: true, fontSize: BODY + 1 }],
      [
        {
          stack: [
            {
              text: [
                { text: `${letter.problem} `, bold: true },
                problem
                  ? `${problem.title} — ${DTP_LABELS[problem.category]}, ${SEVERITY_LABELS[problem.severity].toLowerCase()}`
                  : '—',
              ],
            },
          ],
        },
      ],
      [{ text: [{ text: `${letter.assessment} `, bold: true }, problem?.description ?? '—'] }],
      [{ text: [{ text: `${letter.recommendation} `, bold: true }, x.detail] }],
      ...(citation ? [[{ text: [{ text: `${letter.reference} `, bold: true }, citation], fontSize: 10 }]] : []),
      [
        {
          stack: [
            { text: letter.response, bold: true, margin: [0, 0, 0, 4] },
            {
              columns: [
                tickBox(),
                { text: letter.accept, width: 70 },
                tickBox(),
                { text: letter.modify, width: 'auto' },
                { ...writingLines(1, 170), width: 180 },
                tickBox(),
                { text: letter.decline, width: 'auto' },
              ],
              columnGap: 4,
            },
            {
              columns: [
                { text: letter.signature, width: 'auto', margin: [0, 14, 0, 0] },
                { ...writingLines(1, 210), width: 220 },
                { text: letter.signatureDate, width: 'auto', margin: [0, 14, 0, 0] },
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
    letterhead(d.pharmacy),
    { text: longDate(d.preparedOn, 'en'), margin: [0, 0, 0, 12] },
    {
      text: [
        { text: `${cover.re} `, bold: true },
        `${patient}, DOB ${usDate(d.patient.dateOfBirth)}${d.patient.partD.planName ? ` · ${d.patient.partD.planName}${d.patient.partD.memberId ? ` ${d.patient.partD.memberId}` : ''}` : ''}`,
      ],
      margin: [0, 0, 0, 12],
    },
    { text: fill(letter.greeting, { prescriber: communication.prescriber.name }), margin: [0, 0, 0, 8] },
    {
      text: fill(letter.intro, {
        patient,
        dob: usDate(d.patient.dateOfBirth),
        reviewType: REVIEW_TYPE_LABELS[d.review.type].replace(/^\w/, (c) => c.toLowerCase()),
        date: longDate(d.review.cmrDate ?? d.review.createdAt.slice(0, 10), 'en'),
      }),
      margin: [0, 0, 0, 12],
    },
    ...blocks,
    {
      text: fill(d.pharmacy.fax ? letter.closing : letter.closingNoFax, {
        patient,
        fax: d.pharmacy.fax,
        phone: d.pharmacy.phone,
      }),
      margin: [0, 6, 0, 12],
    },
    { text: letter.sincerely, margin: [0, 0, 0, 22] },
    { text: d.pharmacist, bold: true },
    { text: d.pharmacy.name },
  ];
  return {
    pageSize: 'LETTER',
    pageMargins: PAGE_MARGINS,
    info: { title: 'Medication therapy recommendations', subject: 'Prescriber communication' },
    defaultStyle: { font: 'Roboto', fontSize: BODY, lineHeight: 1.2, color: INK },
    // The cover page names no patient; the letter's pages do, so a separated page is still identified.
    footer: (page, count) =>
      footer(
        page === 1 ? d.pharmacy.name : `${patient} · DOB ${usDate(d.patient.dateOfBirth)}`,
        (p, n) => `Page ${p} of ${n}`,
      )(page, count),
    content: [...coverSheet, { stack: letterPages, pageBreak: 'before' }],
  };
}
