// One scanned string → what it is: a GS1 product identifier (2D code on a drug package), a retail
// UPC/EAN with an NDC, the pharmacy's own Rx label, or nothing recognised (with the reason).
import { GROUP_SEPARATOR, GS1_SYMBOLOGY_IDS, gtinProblem, looksBracketed, parseGs1, splitSymbologyId } from './gs1';
import {
  compileLabelLayout,
  DEFAULT_LABEL_LAYOUT,
  type LabelLayout,
  type LabelSymbology,
  parseLabel,
} from './label-code';
import { hasRetailCheckDigit, parseRetail } from './retail-codes';

export interface ReadScanOptions {
  labelLayout?: LabelLayout;
  /** What the scanner sends for the group separator (FNC1), when it is not \x1d. */
  groupSeparator?: string;
  /** Reference date for two-digit years; defaults to now. */
  today?: Date;
}

export type ScanResult =
  | {
      kind: 'gs1';
      gtin: string;
      expiry?: string;
      lot?: string;
      serial?: string;
      ndc10?: string;
      /** AIM symbology identifier the scanner sent, e.g. "]d2". */
      aim?: string;
    }
  | { kind: 'retail'; upc: string; gtin: string; ndc10: string; aim?: string }
  | { kind: 'label'; rxNumber: string; fillNumber?: string; store?: string; aim?: string }
  | { kind: 'unknown'; problem: string; aim?: string };

// AIM symbology letter → the label symbology it is (ISO/IEC 15424).
const AIM_LABEL_SYMBOLOGY: Readonly<Record<string, LabelSymbology>> = {
  C: 'code128',
  A: 'code39',
  Q: 'qr',
  d: 'datamatrix',
};

const MAX_SCAN = 4096;

/** Classifies one scan; never throws. */
export function readScan(text: string, options: ReadScanOptions = {}): ScanResult {
  try {
    return classify(text, options);
  } catch {
    return { kind: 'unknown', problem: 'The scan could not be read' };
  }
}

function classify(raw: string, options: ReadScanOptions): ScanResult {
  if (typeof raw !== 'string') return { kind: 'unknown', problem: 'The scan is not text' };
  if (raw.length > MAX_SCAN) return { kind: 'unknown', problem: 'The scan is too long to be a barcode' };
  let text = raw.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  const sub = options.groupSeparator;
  if (sub && sub !== GROUP_SEPARATOR) text = text.split(sub).join(GROUP_SEPARATOR);
  const { aim, body } = splitSymbologyId(text);
  const withAim = <T extends ScanResult>(r: T): T => (aim ? { ...r, aim } : r);
  if (body === '') return withAim({ kind: 'unknown', problem: 'The scan is empty' });
  const layout = options.labelLayout ?? DEFAULT_LABEL_LAYOUT;

  // GS1: announced by the symbology identifier, by a leading FNC1 (as readers without AIM
  // identifiers transmit it), by the bracketed form, or by "01" + 14 digits with more after it.
  const gs1Announced = aim !== undefined && aim in GS1_SYMBOLOGY_IDS;
  const gs1Shape =
    body.startsWith(GROUP_SEPARATOR) ||
    looksBracketed(body) ||
    (aim === undefined && /^01\d{14}/.test(body) && (body.length > 16 || gtinProblem(body.slice(2)) === undefined));
  if (gs1Announced || gs1Shape) {
    const gs1 = parseGs1(body, { today: options.today ?? new Date() });
    if (!gs1.ok) return withAim({ kind: 'unknown', problem: gs1.problem });
    const { ok: _ok, elements: _elements, ...fields } = gs1;
    return withAim({ kind: 'gs1', ...fields });
  }

  const aimLetter = aim?.[1];
  // Retail: EAN/UPC by identifier, or 12/13 digits with a valid check digit (scanners verify the
  // check digit of a UPC before sending it, so a wrong one means the digits are something else).
  if (aimLetter === 'E' || (aim === undefined && hasRetailCheckDigit(body))) {
    const retail = parseRetail(body);
    if (retail.ok) {
      const { ok: _ok, ...fields } = retail;
      return withAim({ kind: 'retail', ...fields });
    }
    return withAim({ kind: 'unknown', problem: retail.problem });
  }
  // A plain GTIN-14 (ITF-14 or a typed GTIN) is read as AI (01).
  if ((aim === undefined || aimLetter === 'I') && /^\d{14}$/.test(body)) {
    const gs1 = parseGs1(`01${body}`, { today: options.today ?? new Date() });
    if (gs1.ok) {
      const { ok: _ok, elements: _elements, ...fields } = gs1;
      return withAim({ kind: 'gs1', ...fields });
    }
  }

  const compiled = compileLabelLayout(layout);
  if (!compiled.ok)
    return withAim({ kind: 'unknown', problem: `The pharmacy's label layout cannot be used: ${compiled.problem}` });
  const scannedAs = aimLetter ? AIM_LABEL_SYMBOLOGY[aimLetter] : undefined;
  const label = parseLabel(body, layout);
  if (label.ok && (scannedAs === undefined || scannedAs === layout.symbology)) {
    const { ok: _ok, ...fields } = label;
    return withAim({ kind: 'label', ...fields });
  }
  if (label.ok)
    return withAim({
      kind: 'unknown',
      problem: `This looks like a prescription label but was scanned from a ${scannedAs} symbol; the pharmacy's labels are set up as ${layout.symbology}`,
    });
  if (/^\d{12,13}$/.test(body)) {
    const retail = parseRetail(body);
    if (!retail.ok) return withAim({ kind: 'unknown', problem: retail.problem });
  }
  return withAim({
    kind: 'unknown',
    problem: `This scan is not a drug package code (GS1, UPC or EAN) or a prescription label in the pharmacy's layout (${layout.pattern})`,
  });
}
