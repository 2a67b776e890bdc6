// Building blocks shared by every printed document: type sizes, small caps, boxes, lines to
// write on, the letterhead and the footer that names the patient on every page.
import type { Content, ContentCanvas, ContentTable, ContentText, TableCell } from 'pdfmake/interfaces';
import type { Language, Letterhead } from './document-data';

export const BODY = 12;
export const TITLE = 16;

/** Type sizes of a patient document: nothing below 12 pt; large print is 14 pt body, 18 pt titles. */
export interface TypeSizes {
  body: number;
  /** Headings inside a part (a medicine's name, a schedule's times of day). */
  heading: number;
  title: number;
  /** The smallest text on the page (footer, fine print). */
  small: number;
}
export const typeSizes = (largePrint: boolean): TypeSizes =>
  largePrint ? { body: 14, heading: 16, title: 18, small: 14 } : { body: BODY, heading: 13, title: TITLE, small: 12 };
export const PAGE_MARGINS: [number, number, number, number] = [54, 54, 54, 62];
/** Letter paper less the side margins. */
export const CONTENT_WIDTH = 612 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
export const INK = '#111111';
export const RULE = '#444444';

/** "{name}" placeholders filled from vars; a missing one is left visible so a bad template shows. */
export const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

export const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
/** A date in a form's field: MM/DD/YYYY in English, DD/MM/AAAA in Spanish (as the CMS Spanish form writes it). */
export const shortDate = (iso: string, language: Language) =>
  language === 'es' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : usDate(iso);
export const longDate = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** Small capitals (the form's titles): lower-case letters set as capitals a size smaller, never below 12 pt. */
export function smallCaps(text: string, size: number, bold = true): ContentText[] {
  const runs: ContentText[] = [];
  for (const ch of text) {
    const lower = ch !== ch.toUpperCase();
    const fontSize = lower ? Math.max(12, Math.round(size * 0.8 * 10) / 10) : size;
    const last = runs.at(-1);
    if (last && last.fontSize === fontSize) last.text += lower ? ch.toUpperCase() : ch;
    else runs.push({ text: lower ? ch.toUpperCase() : ch, fontSize, bold });
  }
  return runs;
}

/** Ruled lines for the patient to write on. */
export const writingLines = (count: number, width = 486, spacing = 20): ContentCanvas => ({
  canvas: Array.from({ length: count }, (_, i) => ({
    type: 'line' as const,
    x1: 0,
    y1: spacing * (i + 1),
    x2: width,
    y2: spacing * (i + 1),
    lineWidth: 0.5,
    lineColor: '#777777',
  })),
  margin: [0, 0, 0, 4],
});

/** An empty square to tick by hand. */
export const tickBox = (size = 11): Content => {
  const column: Content & { width: number } = {
    width: size + 6,
    canvas: [{ type: 'rect', x: 0, y: 1, w: size, h: size, lineWidth: 0.8, lineColor: INK }],
  };
  return column;
};

/** A bordered block kept on one page. */
export function box(rows: (Content | TableCell)[][], widths: (string | number)[] = ['*'], heavy = true): ContentTable {
  return {
    table: { widths, body: rows as TableCell[][], dontBreakRows: true },
    layout: {
      hLineWidth: (i, node) => (heavy && (i === 0 || i === node.table.body.length) ? 1.5 : 0.75),
      vLineWidth: (i, node) => (heavy && (i === 0 || i === (node.table.widths?.length ?? 1)) ? 1.5 : 0.75),
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

export function letterhead(p: Letterhead, type: TypeSizes = typeSizes(false)): Content {
  return {
    stack: [
      { text: p.name, fontSize: type.heading + 2, bold: true },
      ...p.addressLines.map((l) => ({ text: l, fontSize: type.small })),
      {
        text: [p.phone && `Phone ${p.phone}`, p.fax && `Fax ${p.fax}`, p.npi && `NPI ${p.npi}`]
          .filter(Boolean)
          .join('   ·   '),
        fontSize: type.small,
      },
    ],
    margin: [0, 0, 0, 14],
  };
}

/**
 * The patient's name and date of birth on every page, with the page count; a form's own marks (its number at the
 * left, its OMB control number at the right) on a second line when given.
 */
export function footer(
  label: string,
  pageText: (page: number, pages: number) => string,
  size = 12,
  marks?: { left: string; right: string },
) {
  const row = (left: string, right: string): Content => ({
    columns: [
      { text: left, fontSize: size, color: '#333333', width: '*' },
      { text: right, fontSize: size, alignment: 'right', color: '#333333', width: 'auto' },
    ],
    columnGap: 12,
  });
  return (page: number, pages: number): Content => ({
    stack: [row(label, pageText(page, pages)), ...(marks ? [row(marks.left, marks.right)] : [])],
    // Two lines start higher, so both stay a quarter inch clear of the paper's edge.
    margin: [PAGE_MARGINS[0], marks ? 6 : 20, PAGE_MARGINS[2], 0],
  });
}

/** Roughly how many lines a bold small-caps title takes across the page (wide capitals, so it errs high). */
export const titleLines = (title: string, size: number, width = 504) =>
  Math.max(1, Math.ceil((title.length * size * 0.7) / width));

/**
 * A part of a document whose boxed title repeats at the top of each of its pages, in the page's header
 * (so the title never takes a row away from the content or stands alone at the foot of a page).
 */
export function titledSection(
  title: string,
  type: TypeSizes,
  content: Content[],
  pageFooter: (page: number, pages: number) => Content,
): Content {
  const TOP = 36;
  const titleHeight = titleLines(title, type.title) * type.title * 1.25 + 12;
  return {
    section: content,
    pageMargins: [PAGE_MARGINS[0], TOP + titleHeight + 14, PAGE_MARGINS[2], PAGE_MARGINS[3]],
    header: () => ({
      table: {
        widths: ['*'],
        body: [[{ text: smallCaps(title, type.title), alignment: 'center', margin: [0, 3, 0, 3] }]],
      },
      layout: {
        hLineWidth: () => 1.5,
        vLineWidth: () => 1.5,
        hLineColor: () => RULE,
        vLineColor: () => RULE,
      },
      margin: [PAGE_MARGINS[0], TOP, PAGE_MARGINS[2], 0],
    }),
    footer: pageFooter,
  } as Content;
}
