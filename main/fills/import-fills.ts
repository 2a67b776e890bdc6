// Fill history import: read the whole file, map its columns, check every row, match patients, and
// only then write everything in one transaction (or nothing). The natural key (Rx number, fill
// number, fill date) makes a re-import add nothing.
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { todayIso } from '../../preload/schemas/dates';
import {
  FILL_FIELDS,
  mappingSchema,
  type FillField,
  type FillImportReport,
  type FillMapping,
  type ImportIssue,
} from '../../preload/schemas/fills';
import type { SignedInUser } from '../../preload/schemas/security';
import { audited, inOneTransaction, insertRows, oneImportAtATime, statement, type BulkWork } from '../db/bulk';
import type { Row } from '../db/rows';
import { all, one, sql } from '../db/sql';
import { recognisedKey, recogniseFills } from '../medications/vocabulary/recognise-fills';
import { appendAudit } from '../security/audit/audit-log';
import { resolveTenDigitNdcs, type TenDigitResolution } from '../ndc-directory/resolve-ndc';
import { autoMap, toFillRow, type FillRow } from './fill-rows';
import { isTenDigitNdc } from './ndc';
import { readCsv, type CsvFile } from './read-csv';

export interface ImportOptions {
  fileName: string;
  bytes: Buffer;
  mapping?: FillMapping;
  validOnly: boolean;
  createPatients: boolean;
  /** Check and report only; write nothing. */
  preview: boolean;
}

type PatientKey = Pick<Row<'patients'>, 'id' | 'external_id' | 'date_of_birth'> & { last: string; first: string };
const nameKey = (last: string, first: string, dob: string) => `${last.toLowerCase()}|${first.toLowerCase()}|${dob}`;
const signatureOf = (headers: string[]) =>
  createHash('sha256')
    .update(headers.map((h) => h.toLowerCase()).join('\u0000'))
    .digest('hex');
const labelOf = (f: FillField) => FILL_FIELDS.find((x) => x.id === f)!.label;
const SAMPLE_LENGTH = 40;
const PATIENT_COLUMNS = [
  'id',
  'version',
  'first_name',
  'last_name',
  'date_of_birth',
  'sex',
  'preferred_language',
  'no_known_allergies',
  'external_id',
  'notes',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
];
const FILL_COLUMNS = [
  'id',
  'patient_id',
  'rx_number',
  'fill_number',
  'fill_date',
  'ndc',
  'drug_name',
  'strength',
  'dose_form',
  'sig',
  'drug_key',
  'quantity',
  'days_supply',
  'prescriber_npi',
  'payer',
  'bin',
  'pcn',
  'cost',
  'import_id',
  'created_at',
];

/** Each header's first non-empty value, shortened: enough to tell a sig column from a drug-name column. */
function samplesOf(csv: CsvFile): Record<string, string> {
  const samples: Record<string, string> = {};
  csv.headers.forEach((h, i) => {
    const v = csv.rows.find((r) => r.cells[i])?.cells[i];
    if (h && v) samples[h] = v.length > SAMPLE_LENGTH ? `${v.slice(0, SAMPLE_LENGTH - 1)}…` : v;
  });
  return samples;
}

async function rememberedMapping(db: DataSource, headers: string[]): Promise<FillMapping | null> {
  const row = await one<Pick<Row<'import_mappings'>, 'mapping'>>(
    db,
    sql`
    SELECT mapping FROM import_mappings WHERE signature = ${signatureOf(headers)}`,
  );
  return row ? (JSON.parse(row.mapping) as FillMapping) : null;
}

/** Which existing patient each row is, or which new patient it needs. */
function matchPatients(rows: FillRow[], patients: PatientKey[], createPatients: boolean) {
  const byExternal = new Map(patients.filter((p) => p.external_id).map((p) => [p.external_id!, p.id]));
  const byName = new Map<string, string[]>();
  for (const p of patients) {
    const k = nameKey(p.last, p.first, p.date_of_birth);
    byName.set(k, [...(byName.get(k) ?? []), p.id]);
  }
  const issues: ImportIssue[] = [];
  const patientOf = new Map<FillRow, string>();
  const toCreate = new Map<string, { id: string; row: FillRow }>();
  for (const row of rows) {
    const byId = row.patientExternalId ? byExternal.get(row.patientExternalId) : undefined;
    const named =
      row.lastName && row.firstName && row.dateOfBirth
        ? byName.get(nameKey(row.lastName, row.firstName, row.dateOfBirth))
        : undefined;
    const who = row.patientExternalId
      ? `patient number ${row.patientExternalId}`
      : `${row.lastName}, ${row.firstName} (born ${row.dateOfBirth})`;
    if (byId) patientOf.set(row, byId);
    else if (!row.patientExternalId && named?.length === 1) patientOf.set(row, named[0]!);
    else if (named && named.length > 1)
      issues.push({
        line: row.line,
        field: 'Patient',
        reason: `${named.length} patients are named ${row.lastName}, ${row.firstName}, born ${row.dateOfBirth}: add the patient number column`,
      });
    else if (createPatients && row.lastName && row.firstName && row.dateOfBirth) {
      const key = row.patientExternalId ?? nameKey(row.lastName, row.firstName, row.dateOfBirth);
      const planned = toCreate.get(key) ?? { id: randomUUID(), row };
      toCreate.set(key, planned);
      patientOf.set(row, planned.id);
    } else {
      issues.push({
        line: row.line,
        field: 'Patient',
        reason: createPatients
          ? `No patient on file matches ${who}, and the row lacks the name and date of birth to create one`
          : `No patient on file matches ${who} (import with "create missing patients", --create-patients on the command line, to add them)`,
      });
    }
  }
  return { issues, patientOf, toCreate: [...toCreate.values()] };
}

/**
 * The file's 10-digit NDCs without dashes, each read by what the pharmacy already knows (its own fills, the
 * RxNorm and FDA NDC references): taken when exactly one reading is known, in one look-up for the whole file.
 */
async function readTenDigitNdcs(db: DataSource, csv: CsvFile, at: number | undefined) {
  if (at === undefined) return new Map<string, TenDigitResolution>();
  const tens = csv.rows.map((r) => (r.cells[at] ?? '').trim()).filter(isTenDigitNdc);
  return tens.length ? resolveTenDigitNdcs(db, tens) : new Map<string, TenDigitResolution>();
}

const withCell = (cells: string[], at: number, value: string) => cells.map((c, i) => (i === at ? value : c));

/** Checks, then imports (or refuses) the file; every real attempt is written to the audit trail. */
export async function importFills(db: DataSource, user: SignedInUser, opts: ImportOptions): Promise<FillImportReport> {
  const report = opts.preview
    ? await checkAndImport(db, user, opts)
    : await oneImportAtATime(db, () => checkAndImport(db, user, opts));
  if (report.refused && !opts.preview) {
    await appendAudit(db.manager, {
      username: user.username,
      action: 'fills.import',
      category: 'fills',
      outcome: 'failure',
      detail: `${opts.fileName}: refused, ${report.issues.length} problems in ${report.invalidRows} rows; nothing imported`,
    });
  }
  return report;
}

async function checkAndImport(db: DataSource, user: SignedInUser, opts: ImportOptions): Promise<FillImportReport> {
  const csv = readCsv(opts.bytes);
  const mapping = opts.mapping ?? (await rememberedMapping(db, csv.headers)) ?? (autoMap(csv.headers) as FillMapping);
  const report: FillImportReport = {
    fileName: opts.fileName,
    encoding: csv.encoding,
    headers: csv.headers,
    samples: samplesOf(csv),
    mapping,
    rows: csv.rows.length,
    validRows: 0,
    invalidRows: 0,
    issues: [],
    refused: false,
    imported: 0,
    duplicates: 0,
    newPatients: 0,
    unknownPatients: 0,
    unrecognisedRows: 0,
    unrecognisedDrugs: [],
  };

  const headerIndex = new Map(csv.headers.map((h, i) => [h, i]));
  const index: Partial<Record<FillField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as [FillField, string][]) {
    if (!header) continue;
    const i = headerIndex.get(header);
    if (i === undefined)
      report.issues.push({ line: 1, field: labelOf(field), reason: `The file has no column named "${header}"` });
    else index[field] = i;
  }
  const complete = mappingSchema.safeParse(mapping);
  if (!complete.success)
    for (const i of complete.error.issues)
      report.issues.push({ line: 1, field: labelOf(i.path[0] as FillField), reason: i.message });
  if (report.issues.length) return { ...report, refused: true };

  // Every row checked before anything is written; a key seen twice in the file counts once.
  const today = todayIso();
  const seen = new Set<string>();
  const rows: FillRow[] = [];
  const ndcAt = index.ndc;
  const tenDigit = await readTenDigitNdcs(db, csv, ndcAt);
  for (const { line, cells } of csv.rows) {
    const ten = ndcAt === undefined ? undefined : tenDigit.get((cells[ndcAt] ?? '').trim());
    const r = toFillRow(line, ten && 'ndc11' in ten ? withCell(cells, ndcAt!, ten.ndc11) : cells, index, today);
    if ('issues' in r)
      report.issues.push(
        ...r.issues.map((i) =>
          ten && 'problem' in ten && i.field === labelOf('ndc') ? { ...i, reason: ten.problem } : i,
        ),
      );
    else {
      const key = `${r.row.rxNumber}|${r.row.fillNumber}|${r.row.fillDate}`;
      if (seen.has(key)) report.duplicates++;
      else {
        seen.add(key);
        rows.push(r.row);
      }
    }
  }

  const patients = await all<PatientKey>(
    db,
    sql`
    SELECT id, external_id, last_name AS last, first_name AS first, date_of_birth
    FROM patients WHERE deleted_at IS NULL`,
  );
  const matched = matchPatients(rows, patients, opts.createPatients || opts.preview);
  report.issues.push(...matched.issues);
  if (opts.preview) report.unknownPatients = matched.toCreate.length;
  report.issues.sort((a, b) => a.line - b.line);
  const badLines = new Set(report.issues.map((i) => i.line));
  report.invalidRows = badLines.size;
  const good = rows.filter((r) => !badLines.has(r.line) && matched.patientOf.has(r));
  report.validRows = good.length;
  // Fills for a drug the vocabulary does not know still import; they just cannot count as Part D maintenance drugs.
  const keys = await recogniseFills(db.manager, good);
  const unrecognised = good.filter((r) => !recognisedKey(keys, r));
  report.unrecognisedRows = unrecognised.length;
  report.unrecognisedDrugs = [...new Set(unrecognised.map((r) => r.drugName ?? `NDC ${r.ndc}`))].slice(0, 20);

  if (report.issues.length && !opts.validOnly) return { ...report, refused: true };
  if (opts.preview) return report;

  const importId = randomUUID();
  const now = new Date().toISOString();
  const needed = new Set(good.map((r) => matched.patientOf.get(r)!));
  const created = matched.toCreate.filter((p) => needed.has(p.id));
  await inOneTransaction(db, `the import of ${opts.fileName}`, function* (): BulkWork<void> {
    yield statement(sql`
      INSERT INTO fill_imports (id, file_name, file_sha256, rows, imported, duplicates, created_patients,
        skipped_invalid, created_at, created_by)
      VALUES (${importId}, ${opts.fileName}, ${createHash('sha256').update(opts.bytes).digest('hex')},
        ${csv.rows.length}, 0, 0, 0, 0, ${now}, ${user.username})`);
    report.newPatients = yield insertRows('patients', PATIENT_COLUMNS, created, (p) => [
      p.id,
      1,
      p.row.firstName,
      p.row.lastName,
      p.row.dateOfBirth,
      'unknown',
      'en',
      0,
      p.row.patientExternalId,
      `Created by fill import of ${opts.fileName}`,
      now,
      user.username,
      now,
      user.username,
    ]);
    // A fill already there is kept as first imported, even when a later export adds directions, strength or
    // form it lacked: a re-import never rewrites history, and its count of fills already there stays true.
    report.imported = yield insertRows(
      'fills',
      FILL_COLUMNS,
      good,
      (r) => [
        randomUUID(),
        matched.patientOf.get(r),
        r.rxNumber,
        r.fillNumber,
        r.fillDate,
        r.ndc,
        r.drugName,
        r.strength,
        r.doseForm,
        r.sig,
        recognisedKey(keys, r),
        r.quantity,
        r.daysSupply,
        r.prescriberNpi,
        r.payer,
        r.bin,
        r.pcn,
        r.cost,
        importId,
        now,
      ],
      { ignoreDuplicates: true },
    );
    report.duplicates += good.length - report.imported;
    yield statement(sql`
      UPDATE fill_imports SET imported = ${report.imported}, duplicates = ${report.duplicates},
        created_patients = ${report.newPatients}, skipped_invalid = ${report.invalidRows}
      WHERE id = ${importId}`);
    yield statement(sql`
      INSERT INTO import_mappings (signature, mapping, updated_at, updated_by)
      VALUES (${signatureOf(csv.headers)}, ${JSON.stringify(mapping)}, ${now}, ${user.username})
      ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    yield audited({
      username: user.username,
      action: 'fills.import',
      category: 'fills',
      objectId: importId,
      outcome: 'success',
      detail: `${opts.fileName}: ${report.imported} imported, ${report.duplicates} already present, ${report.newPatients} new patients, ${report.invalidRows} invalid rows skipped`,
    });
  });
  return report;
}
