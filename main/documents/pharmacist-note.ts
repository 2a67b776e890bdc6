// The pharmacy's own record of a review: identifiers, the encounter, problems with their
// recommendations and outcomes, the SOAP note and addenda. A TMR or follow-up prints as a
// one-page summary (no full note).
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DTP_LABELS, SEVERITY_LABELS } from '../../preload/schemas/checks';
import {
  ACTOR_LABELS,
  DELIVERY_LABELS,
  OUTCOME_LABELS,
  RECIPIENT_LABELS,
  RECOMMENDATION_LABELS,
  REVIEW_TYPE_LABELS,
  STATUS_LABELS,
} from '../../preload/schemas/reviews';
import type { ReviewDocumentData } from './document-data';
import { footer, INK, letterhead, PAGE_MARGINS, RULE, usDate } from './pdf-parts';

const facts = (rows: [string, string][]): Content => ({
  table: { widths: [150, '*'], body: rows.map(([k, v]): TableCell[] => [{ text: k, bold: true }, v || '—']) },
  layout: 'noBorders',
  margin: [0, 0, 0, 10],
});
const heading = (text: string): Content => ({ text, fontSize: 14, bold: true, margin: [0, 8, 0, 6] });

export function pharmacistNoteDocument(d: ReviewDocumentData): TDocumentDefinitions {
  const r = d.review;
  const fullNote = r.type === 'cmr';
  const name = [d.patient.firstName, d.patient.middleName, d.patient.lastName].filter(Boolean).join(' ');
  // Signed: the face-to-face minutes confirmed (as corrected since); before, the timer's count.
  const minutes = r.faceToFaceMinutes ?? Math.round(r.timer.seconds / 60);
  const allergies =
    d.patient.allergies.map((a) => (a.reaction ? `${a.substance} (${a.reaction})` : a.substance)).join('; ') ||
    (d.patient.noKnownAllergies ? 'No known allergies' : 'Not recorded');
  const resolved = r.problems.filter((p) => p.status === 'resolved');
  const rows: TableCell[][] = [
    ['Problem', 'Recommendation', 'Who acts', 'Outcome'].map((h) => ({ text: h, bold: true, fillColor: '#e8edf3' })),
    ...r.plan.map((x): TableCell[] => {
      const p = r.problems.find((q) => q.id === x.problemId);
      return [
        {
          text: [
            { text: p?.title ?? '—', bold: true },
            p ? `\n${DTP_LABELS[p.category]}, ${SEVERITY_LABELS[p.severity].toLowerCase()}` : '',
          ],
        },
        `${RECOMMENDATION_LABELS[x.action]}: ${x.detail}`,
        x.prescriber?.name ?? ACTOR_LABELS[x.actor],
        x.outcome
          ? `${OUTCOME_LABELS[x.outcome.result]} ${usDate(x.outcome.date)}`
          : x.actor === 'prescriber'
            ? 'Awaiting answer'
            : '—',
      ];
    }),
  ];
  return {
    pageSize: 'LETTER',
    pageMargins: PAGE_MARGINS,
    info: { title: `${REVIEW_TYPE_LABELS[r.type]} — pharmacist documentation`, subject: 'Pharmacist documentation' },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2, color: INK },
    footer: footer(`${name} · DOB ${usDate(d.patient.dateOfBirth)}`, (p, n) => `Page ${p} of ${n}`),
    content: [
      letterhead(d.pharmacy),
      {
        text: fullNote
          ? `${REVIEW_TYPE_LABELS[r.type]} — pharmacist documentation`
          : `${REVIEW_TYPE_LABELS[r.type]} — summary`,
        fontSize: 16,
        bold: true,
        margin: [0, 0, 0, 10],
      },
      facts([
        ['Patient', `${name}, DOB ${usDate(d.patient.dateOfBirth)}`],
        ['MBI / member ID', [d.patient.mbi, d.patient.partD.memberId].filter(Boolean).join(' / ')],
        ['Part D plan', [d.patient.partD.planName, d.patient.partD.contractId].filter(Boolean).join(', ')],
        ['Allergies', allergies],
      ]),
      heading('Encounter'),
      facts([
        ['Date', usDate(r.cmrDate ?? r.createdAt.slice(0, 10))],
        ['Delivered', r.deliveryMethod ? DELIVERY_LABELS[r.deliveryMethod] : ''],
        [
          'Received by',
          `${RECIPIENT_LABELS[r.recipient]}${r.caregiverName ? ` — ${r.caregiverName}${r.caregiverRelationship ? ` (${r.caregiverRelationship})` : ''}` : ''}${r.cognitiveImpairment ? '; cognitive impairment' : ''}`,
        ],
        ['Time spent', `${minutes} min`],
        ['Pharmacist', d.pharmacist],
        [
          'Status',
          r.completedAt
            ? `${STATUS_LABELS[r.status]}, signed by ${r.signedBy} on ${usDate(r.completedAt.slice(0, 10))}`
            : STATUS_LABELS[r.status],
        ],
        ['Next follow-up', r.followUpDate ? usDate(r.followUpDate) : ''],
      ]),
      heading('Problems, recommendations and outcomes'),
      r.plan.length
        ? {
            table: { headerRows: 1, dontBreakRows: true, widths: [130, '*', 95, 80], body: rows },
            layout: { hLineColor: () => RULE, vLineColor: () => RULE, hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
            margin: [0, 0, 0, 10],
          }
        : { text: 'No recommendations recorded.', margin: [0, 0, 0, 10] },
      ...(resolved.length
        ? [
            heading('Problems resolved'),
            {
              ul: resolved.map((p) => `${p.title} — ${usDate(p.resolvedOn!)}: ${p.resolution}`),
              margin: [0, 0, 0, 10],
            } as Content,
          ]
        : []),
      ...(fullNote
        ? [heading('SOAP note'), { text: r.soapNote, preserveLeadingSpaces: true, margin: [0, 0, 0, 10] } as Content]
        : []),
      ...(r.addenda.length
        ? [
            heading('Addenda'),
            ...r.addenda.map((a): Content => ({
              stack: [{ text: `${usDate(a.createdAt.slice(0, 10))} · ${a.createdBy}`, bold: true }, a.text],
              margin: [0, 0, 0, 8],
            })),
          ]
        : []),
    ],
  };
}
