// CMS-1500 (02/12) for the pre-printed red (OCR dropout ink) form: only the data, no lines or labels, in Courier 10 pt
// on the form's 10-characters-per-inch, 6-lines-per-inch grid, each box where resources/billing/cms1500-red-form.json
// puts it. The values are the ones the black-and-white form prints (cms1500Fields); only the layout differs. A
// pharmacy's nudge (points right and down, from its settings) moves everything, for its printer's margins.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BillingProvider, Payer } from '../../preload/schemas/billing';
import type { Cms1500Offset } from '../../preload/schemas/settings';
import layout from '../../resources/billing/cms1500-red-form.json';
import { cms1500Fields } from './cms1500';
import type { ClaimFor837 } from './x12-837p';

type Place = {
  col?: number;
  line?: number;
  width?: number;
  lines?: number;
  lineStep?: number;
  columnStep?: number;
  perLine?: number;
};
const FIELDS = layout.fields as Record<string, Place>;
const CHAR = 72 / layout.grid.charactersPerInch;
const LINE = 72 / layout.grid.linesPerInch;
const SIZE = layout.grid.fontSize;

function place(key: string): Required<Pick<Place, 'col' | 'line'>> & Place {
  const p = FIELDS[key];
  if (!p?.col || !p.line) throw new Error(`The red CMS-1500 layout has no column and line for ${key}.`);
  return { ...p, col: p.col, line: p.line };
}

/** Courier as a standard PDF font has only Latin-1 glyphs, and OCR wants plain letters: accents are dropped (Ễ → E). */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');

/** One run of text at a grid cell; cut to the box's width so it never runs into the next box. */
const at = (offset: Cms1500Offset, col: number, line: number, text: string, width?: number): Content => ({
  text: plain(width ? text.slice(0, width) : text),
  font: 'Courier',
  fontSize: SIZE,
  lineHeight: 1,
  // The text's box top sits so that its baseline falls near the bottom of the 1/6-inch line band.
  absolutePosition: { x: (col - 1) * CHAR + offset.x, y: (line - 1) * LINE + (LINE - SIZE) + offset.y },
});
const field = (offset: Cms1500Offset, key: string, text: string): Content => {
  const p = place(key);
  return at(offset, p.col, p.line, text, p.width);
};
/** Dollars right-aligned in their part of the box, cents in theirs (the form has no decimal point to print). */
const amount = (offset: Cms1500Offset, key: string, cents: number, line?: number): Content[] => {
  const d = FIELDS[`${key}.dollars`]!;
  const c = FIELDS[`${key}.cents`]!;
  const l = line ?? d.line!;
  return [
    at(offset, d.col!, l, String(Math.floor(cents / 100)).padStart(d.width!)),
    at(offset, c.col!, l, String(cents % 100).padStart(2, '0')),
  ];
};

function claimContent(c: ClaimFor837, provider: BillingProvider, payer: Payer, o: Cms1500Offset): Content[] {
  const f = cms1500Fields(c, provider, payer);
  const out: Content[] = [
    field(o, `1.${f.program}`, 'X'),
    field(o, '1a', f.insuredId.toUpperCase()),
    field(o, '2', f.patientName),
    field(o, '3.birthDate', f.birthDate),
    ...(f.sex ? [field(o, f.sex === 'F' ? '3.female' : '3.male', 'X')] : []),
    field(o, '4', 'SAME'),
    field(o, '5.street', f.street),
    field(o, '5.city', f.city),
    field(o, '5.state', f.state),
    field(o, '5.zip', f.zip),
    field(o, '6.self', 'X'),
    field(o, '7', 'SAME'),
    field(o, '10a.no', 'X'),
    field(o, '10b.no', 'X'),
    field(o, '10c.no', 'X'),
    field(o, '11c', f.payerName),
    field(o, '12', 'SIGNATURE ON FILE'),
    field(o, '13', 'SIGNATURE ON FILE'),
    field(o, '21.icdIndicator', f.icdIndicator),
  ];
  const dx = place('21.diagnoses');
  f.diagnoses.slice(0, 12).forEach((d, i) => {
    const perLine = dx.perLine ?? 4;
    out.push(at(o, dx.col + (i % perLine) * (dx.columnStep ?? 13), dx.line + Math.floor(i / perLine), d, dx.width));
  });
  if (f.resubmission)
    out.push(field(o, '22.code', f.resubmission.code), field(o, '22.originalRef', f.resubmission.originalRef));
  const rows = FIELDS['24']!;
  // 24A on this grid: MM DD YY (the 8-character form of the date).
  const short = (mdyyyy: string) => `${mdyyyy.slice(0, 6)}${mdyyyy.slice(8)}`;
  f.lines.slice(0, rows.lines ?? 6).forEach((l, i) => {
    const line = rows.line! + i * (rows.lineStep ?? 2);
    const put = (key: string, text: string) => at(o, FIELDS[key]!.col!, line, text, FIELDS[key]!.width);
    out.push(
      put('24A.from', short(l.from)),
      put('24A.to', short(l.to)),
      put('24B', l.placeOfService),
      put('24D.code', l.code),
      ...(l.modifier ? [put('24D.modifier', l.modifier)] : []),
      put('24E', l.pointers),
      ...amount(o, '24F', l.chargeCents, line),
      put('24G', l.units.padStart(FIELDS['24G']!.width!)),
      put('24J', l.renderingNpi),
    );
  });
  out.push(
    field(o, '25', f.ein.replace('-', '')),
    field(o, '25.ein', 'X'),
    field(o, '26', f.accountNumber),
    field(o, '27.yes', 'X'),
    ...amount(o, '28', f.totalCents),
    field(o, '31', f.signer),
    field(o, '31.date', f.signedOn),
    field(o, '33.phone', f.billingPhone),
    field(o, '32a', f.billingNpi),
    field(o, '33a', f.billingNpi),
    field(o, '33b', `ZZ${f.taxonomy}`),
  );
  for (const key of ['32', '33'] as const) {
    const p = place(key);
    f.facility.forEach((text, i) => out.push(at(o, p.col, p.line + i, text, p.width)));
  }
  return out;
}

const redFormPage = (title: string, pages: Content[][]): TDocumentDefinitions => ({
  pageSize: 'LETTER',
  pageMargins: [0, 0, 0, 0],
  info: { title, subject: '1500 Health Insurance Claim Form (02/12), data for the pre-printed red form' },
  defaultStyle: { font: 'Courier', fontSize: SIZE, color: '#000000' },
  // One page per claim: every item is placed absolutely, so each page starts with an empty line that breaks.
  content: pages.flatMap((items, i) => [...(i > 0 ? [{ text: '', pageBreak: 'before' as const }] : []), ...items]),
});

export function cms1500RedFormDocument(
  claims: ClaimFor837[],
  provider: BillingProvider,
  payer: Payer,
  offset: Cms1500Offset,
): TDocumentDefinitions {
  return redFormPage(
    `CMS-1500 red-form data — ${payer.name}`,
    claims.map((c) => claimContent(c, provider, payer, offset)),
  );
}

/**
 * X marks where the corner boxes' data goes (1, 1a, 31, 33a), a short line in 1a and 33, and how to check them: held
 * over a red form against the light, each must fall inside its box; otherwise change the nudge and print again.
 */
export function cms1500CalibrationDocument(offset: Cms1500Offset): TDocumentDefinitions {
  const o = offset;
  const mark = (key: string, end = false) => {
    const p = place(key);
    return at(o, end && p.width ? p.col + p.width - 1 : p.col, p.line, 'X');
  };
  const help = [
    'CMS-1500 RED FORM CALIBRATION',
    'PRINT THIS PAGE ON PLAIN PAPER AT ACTUAL SIZE (100%, NO FIT TO PAGE).',
    'HOLD IT OVER A RED CMS-1500 (02/12) FORM AGAINST THE LIGHT:',
    'EACH X AND LINE OF TEXT MUST SIT INSIDE ITS BOX (1, 1A, 31, 33A; 1A, 33).',
    'IF NOT, MEASURE HOW FAR OFF IT IS AND SET THE NUDGE IN BILLING',
    '(POINTS: 72 = 1 INCH; RIGHT AND DOWN ARE POSITIVE), THEN PRINT AGAIN.',
    `NUDGE NOW: ${o.x} PT RIGHT, ${o.y} PT DOWN.`,
  ];
  return redFormPage('CMS-1500 red-form calibration page', [
    [
      mark('1.medicare'),
      mark('1a', true),
      mark('31'),
      mark('33a', true),
      at(o, place('1a').col + 2, place('1a').line, '1A INSURED ID'),
      at(o, place('33').col, place('33').line, '33 BILLING PROVIDER'),
      ...help.map((text, i) => at(o, 6, 28 + i, text)),
    ],
  ]);
}
