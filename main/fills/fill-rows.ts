// One CSV row → a fill ready to insert, or the reasons it cannot be. Pure: no database here.
import { isIsoDate, isValidNpi } from '../../preload/schemas/identifiers';
import { parseUsDate } from '../../preload/schemas/dates';
import { FILL_FIELDS, type FillField, type FillMapping, type ImportIssue } from '../../preload/schemas/fills';
import { normalizeNdc } from './ndc';

export interface FillRow {
  line: number;
  patientExternalId: string | null;
  lastName: string | null;
  firstName: string | null;
  dateOfBirth: string | null;
  rxNumber: string;
  fillNumber: number;
  fillDate: string;
  ndc: string | null;
  drugName: string | null;
  strength: string | null;
  doseForm: string | null;
  sig: string | null;
  quantity: number;
  daysSupply: number;
  prescriberNpi: string | null;
  payer: string | null;
  bin: string | null;
  pcn: string | null;
  cost: number | null;
}

/** The longest text kept from the label's columns: the same limits as the medication list's. */
const LABEL_TEXT_LIMITS = { strength: 60, dosageForm: 60, sig: 300 } as const;

const norm = (h: string) => h.toLowerCase().replace(/[_.]/g, ' ').replace(/\s+/g, ' ').trim();

/** Maps each field to the first header that is one of its usual names. */
export function autoMap(headers: string[]): Partial<FillMapping> {
  const mapping: Partial<FillMapping> = {};
  const used = new Set<string>();
  for (const field of FILL_FIELDS) {
    const header = headers.find((h) => !used.has(h) && (field.synonyms as readonly string[]).includes(norm(h)));
    if (header) {
      mapping[field.id] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** YYYYMMDD (NCPDP style) or the US forms people type; null if not a date. */
function parseDate(raw: string): string | null {
  const compact = /^(19|20)(\d{2})(\d{2})(\d{2})$/.exec(raw);
  const iso = compact ? `${compact[1]}${compact[2]}-${compact[3]}-${compact[4]}` : parseUsDate(raw);
  return iso && isIsoDate(iso) ? iso : null;
}

const number = (raw: string) => (/^-?\$?\s*[\d,]*\.?\d+$/.test(raw) ? Number(raw.replace(/[$,\s]/g, '')) : NaN);

export function toFillRow(
  line: number,
  cells: string[],
  index: Partial<Record<FillField, number>>,
  today: string,
): { row: FillRow } | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (f: FillField) => {
    const i = index[f];
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const fail = (field: FillField, reason: string) =>
    issues.push({ line, field: FILL_FIELDS.find((f) => f.id === field)!.label, reason });

  const externalId = get('patientExternalId');
  const [lastName, firstName, dobRaw] = [get('lastName'), get('firstName'), get('dateOfBirth')];
  let dateOfBirth: string | null = null;
  if (dobRaw) {
    dateOfBirth = parseDate(dobRaw);
    if (!dateOfBirth) fail('dateOfBirth', `"${dobRaw}" is not a date`);
    else if (dateOfBirth > today) fail('dateOfBirth', `${dobRaw} is in the future`);
  }
  if (!externalId && !(lastName && firstName && dobRaw))
    fail(
      index.patientExternalId !== undefined ? 'patientExternalId' : 'lastName',
      'No patient: give the patient number, or last name, first name and date of birth',
    );

  const rxNumber = get('rxNumber');
  if (!rxNumber) fail('rxNumber', 'Missing');
  else if (rxNumber.length > 20) fail('rxNumber', 'Longer than 20 characters');

  const fillRaw = get('fillNumber');
  const fillNumber = fillRaw === null ? 0 : Number(fillRaw);
  if (!Number.isInteger(fillNumber) || fillNumber < 0 || fillNumber > 99)
    fail('fillNumber', `"${fillRaw}" is not a refill number (0–99)`);

  const dateRaw = get('fillDate');
  const fillDate = dateRaw ? parseDate(dateRaw) : null;
  if (!dateRaw) fail('fillDate', 'Missing');
  else if (!fillDate) fail('fillDate', `"${dateRaw}" is not a date (use MM/DD/YYYY, YYYY-MM-DD or YYYYMMDD)`);
  else if (fillDate > today) fail('fillDate', `${dateRaw} is in the future`);
  else if (fillDate < '1990-01-01') fail('fillDate', `${dateRaw} is before 1990`);

  const ndcRaw = get('ndc');
  let ndc: string | null = null;
  if (ndcRaw) {
    const r = normalizeNdc(ndcRaw);
    if ('ndc' in r) ndc = r.ndc;
    else fail('ndc', r.problem);
  }
  const drugName = get('drugName');
  if (!ndcRaw && !drugName) fail('drugName', 'No drug: give the NDC or the drug name');
  const labelText = (field: keyof typeof LABEL_TEXT_LIMITS) => {
    const v = get(field);
    const max = LABEL_TEXT_LIMITS[field];
    if (v && v.length > max) fail(field, `Longer than ${max} characters (it has ${v.length})`);
    return v;
  };
  const [strength, doseForm, sig] = [labelText('strength'), labelText('dosageForm'), labelText('sig')];

  const qtyRaw = get('quantity');
  const quantity = qtyRaw === null ? NaN : number(qtyRaw);
  if (qtyRaw === null) fail('quantity', 'Missing');
  else if (Number.isNaN(quantity)) fail('quantity', `"${qtyRaw}" is not a number`);
  else if (quantity <= 0)
    fail('quantity', `${qtyRaw} must be more than 0 (leave reversed or returned fills out of the export)`);
  else if (quantity > 100000) fail('quantity', `${qtyRaw} is implausibly large`);

  const dsRaw = get('daysSupply');
  const daysSupply = dsRaw === null ? NaN : Number(dsRaw);
  if (dsRaw === null) fail('daysSupply', 'Missing');
  else if (!Number.isInteger(daysSupply) || daysSupply < 1 || daysSupply > 365)
    fail('daysSupply', `"${dsRaw}" is not a number of days from 1 to 365`);

  const npi = get('prescriberNpi');
  if (npi && !isValidNpi(npi)) fail('prescriberNpi', `${npi} is not a valid NPI (10 digits with a check digit)`);
  const bin = get('bin');
  if (bin && !/^\d{6}$/.test(bin)) fail('bin', `"${bin}" is not a 6-digit BIN`);
  const costRaw = get('cost');
  const cost = costRaw === null ? null : number(costRaw);
  if (costRaw !== null && (Number.isNaN(cost) || cost! < 0)) fail('cost', `"${costRaw}" is not an amount`);

  if (issues.length) return { issues };
  return {
    row: {
      line,
      patientExternalId: externalId,
      lastName,
      firstName,
      dateOfBirth,
      rxNumber: rxNumber!,
      fillNumber,
      fillDate: fillDate!,
      ndc,
      drugName,
      strength,
      doseForm,
      sig,
      quantity,
      daysSupply,
      prescriberNpi: npi,
      payer: get('payer'),
      bin,
      pcn: get('pcn'),
      cost,
    },
  };
}
