// Building blocks shared by every printed document: type sizes, small caps, boxes, lines to
// write on, the letterhead and the footer that names the patient on every page.
import type { Content, ContentCanvas, ContentTable, ContentText, TableCell } from 'pdfmake/interfaces';
import type { Language, Letterhead } from './document-data';

export const BODY = 12;
export const TITLE = 16;
export const PAGE_MARGINS: [number, number, number, number] = [54, 54, 54, 62];
export const INK = '#111111';
export const RULE = '#444444';

/** "{name}" placeholders filled from vars; a missing one is left visible so a bad template shows. */
export const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

export const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
export const longDate = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** Small capitals (the form's titles): lower-case letters set as capitals a size smaller. */
export function smallCaps(text: string, size: number, bold = true): ContentText[] {
  const runs: ContentText[] = [];
  for (const ch of text) {
    const lower = ch !== ch.toUpperCase();
    const fontSize = lower ? Math.round(size * 0.8 * 10) / 10 : size;
    const last = runs.at(-1);
    if (last && last.fontSize === fontSize) last.text += lower ? ch.toUpperCase() : ch;
    else runs.push({ text: lower ? ch.toUpperCase() : ch, fontSize, bold });
  }
  return runs;
}

/** Ruled lines for the patient to write on. */
export const writingLines = (count: number, width = 486): ContentCanvas => ({
  canvas: Array.from({ length: count }, (_, i) => ({
    type: 'line' as const,
    x1: 0,
    y1: 20 * (i + 1),
    x2: width,
    y2: 20 * (i + 1),
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
export function box(rows: Content[][], widths: (string | number)[] = ['*'], heavy = true): ContentTable {
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
    margin: [0, 0, 0, 10],
  };
}

export function letterhead(p: Letterhead): Content {
  return {
    stack: [
      { text: p.name, fontSize: 15, bold: true },
      ...p.addressLines.map((l) => ({ text: l, fontSize: 11 })),
      {
        text: [p.phone && `Phone ${p.phone}`, p.fax && `Fax ${p.fax}`, p.npi && `NPI ${p.npi}`]
          .filter(Boolean)
          .join('   ·   '),
        fontSize: 11,
      },
    ],
    margin: [0, 0, 0, 14],
  };
}

/** The patient's name and date of birth on every page, with the page count. */
export function footer(label: string, pageText: (page: number, pages: number) => string) {
  return (page: number, pages: number): Content => ({
    columns: [
      { text: label, fontSize: 10, color: '#333333' },
      { text: pageText(page, pages), fontSize: 10, alignment: 'right', color: '#333333' },
    ],
    margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
  });
}

/** A title bar (small caps, boxed) repeated at the top of every page of its part. */
export function repeatedTitle(title: string, rows: Content[]): Content {
  return {
    table: {
      widths: ['*'],
      headerRows: 1,
      dontBreakRows: true,
      body: [
        [
          {
            text: smallCaps(title, TITLE),
            alignment: 'center',
            margin: [0, 4, 0, 4],
            border: [true, true, true, true],
          },
        ],
        ...rows.map((r): TableCell[] => [{ stack: [r], border: [false, false, false, false] }]),
      ],
    },
    layout: {
      hLineWidth: (i) => (i <= 1 ? 1.5 : 0),
      vLineWidth: () => 1.5,
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: (i) => (i === 0 ? 0 : 8),
      paddingBottom: () => 0,
    },
  };
}
