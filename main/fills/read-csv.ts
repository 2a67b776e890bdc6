import { parse } from 'csv-parse/sync';
import { AppError } from '../common/errors';

export interface CsvFile {
  encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252';
  headers: string[];
  /** Data rows with their line number in the file (header is line 1). */
  rows: { line: number; cells: string[] }[];
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 — what pharmacy systems export. */
function decode(bytes: Buffer): { text: string; encoding: CsvFile['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

export function readCsv(bytes: Buffer): CsvFile {
  if (bytes.length === 0) throw new AppError('validation', 'The file is empty.', 'file');
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe))
    throw new AppError('validation', 'This is not a text (CSV) file. Export the fills as CSV.', 'file');
  const { text, encoding } = decode(bytes);
  // Tab-separated exports are common too: choose the separator the header line uses most.
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = [',', '\t', ';', '|'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new AppError('validation', `The file is not valid CSV: ${(err as Error).message}`, 'file');
  }
  const [header, ...data] = records;
  if (!header || header.record.every((h) => !h))
    throw new AppError('validation', 'The file has no header row.', 'file');
  if (!data.length) throw new AppError('validation', 'The file has a header row but no fills.', 'file');
  return { encoding, headers: header.record, rows: data.map((r) => ({ line: r.info.lines, cells: r.record })) };
}
