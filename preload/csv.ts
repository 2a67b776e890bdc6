// CSV for spreadsheets and vendor portals: every cell quoted, CRLF lines, and a leading = + - @ is
// defused so a spreadsheet never runs a name as a formula.
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const csvTable = (
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
) => `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
