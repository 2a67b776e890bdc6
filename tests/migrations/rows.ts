// Shared by the migration tests: rows as the app wrote them before a migration, a way to put them in
// and read them back, and what SQLite says a table has besides columns. Column and table names come
// from these objects and the tests (fixed in code, never from input); every value is a bound parameter.
import type { DataSource } from 'typeorm';
import { all, run, sql } from '../../main/db/sql';

/** Inserts one row: its keys are the columns, its values are bound. */
export async function insert(db: DataSource, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = sql.identifiers(Object.keys(row).join(', '));
  await run(db, sql`INSERT INTO ${sql.identifiers(table)} (${columns}) VALUES (${sql.list(Object.values(row))})`);
}

/** Every row of a table, in the order they were inserted. */
export async function rowsOf(db: DataSource, table: string): Promise<Record<string, unknown>[]> {
  return all<Record<string, unknown>>(db, sql`SELECT * FROM ${sql.identifiers(table)} ORDER BY rowid`);
}

/** A table's indexes and triggers by name (SQLite's automatic ones for UNIQUE and PRIMARY KEY left out). */
export async function indexesOf(db: DataSource, table: string): Promise<string[]> {
  const objects = await all<{ type: string; name: string }>(
    db,
    sql`SELECT type, name FROM sqlite_master
        WHERE tbl_name = ${table} AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%'
        ORDER BY type, name`,
  );
  return objects.map((o) => `${o.type} ${o.name}`);
}

/** The tables in the file, SQLite's and TypeORM's own left out. */
export async function tablesOf(db: DataSource): Promise<string[]> {
  const tables = await all<{ name: string }>(
    db,
    sql`SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`,
  );
  return tables.map((t) => t.name);
}

const AT = '2025-11-20T14:05:31.000Z';

/** A patient as the initial schema stores one. */
export const PATIENT = {
  id: '3f6c1d2e-8a4b-4c7e-9f10-2b5d7e9a0c41',
  version: 2,
  first_name: 'Winifred',
  middle_name: 'Mae',
  last_name: 'Quenneville',
  date_of_birth: '1944-08-21',
  sex: 'female',
  phone: '(330) 555-0187',
  address_line1: '412 Maple Ave',
  address_line2: null,
  city: 'Akron',
  state: 'OH',
  zip: '44303',
  preferred_language: 'en',
  mbi: '1EG4TE5MK73',
  part_d_plan_name: 'Buckeye Rx Plus',
  part_d_contract_id: 'S5601',
  part_d_member_id: 'BRX0048213',
  no_known_allergies: 0,
  notes: 'Prefers morning calls',
  created_at: '2025-10-02T09:12:00.000Z',
  created_by: 'pharmacist1',
  updated_at: AT,
  updated_by: 'pharmacist1',
  deleted_at: null,
  deleted_by: null,
  deleted_reason: null,
};

/** A prescriber (from migration 1764000000000). */
export const PRESCRIBER = {
  id: '7b2e4f90-1c3d-4a5b-8e6f-0a9b8c7d6e51',
  version: 1,
  npi: '1467523981',
  first_name: 'Anand',
  last_name: 'Ramaswamy',
  credentials: 'MD',
  dea: 'BR4829135',
  practice: 'Summit Internal Medicine',
  phone: '(330) 555-0142',
  fax: '(330) 555-0143',
  address_line1: '75 Arch St',
  address_line2: 'Suite 300',
  city: 'Akron',
  state: 'OH',
  zip: '44304',
  preferred_contact: 'fax',
  created_at: AT,
  created_by: 'pharmacist1',
  updated_at: AT,
  updated_by: 'pharmacist1',
};

/** A drug-therapy problem from a check (from migration 1764400000000). */
export const PROBLEM = {
  id: 'c41d9e2a-6f7b-4a8c-b1d0-3e5f7a9b2c63',
  patient_id: PATIENT.id,
  source: 'check',
  rule_id: 'beers-ppi-beyond-8-weeks',
  fingerprint: 'e3b0c44298fc1c149afbf4c8996fb924',
  category: 'safety',
  severity: 'moderate',
  title: 'Omeprazole taken for more than 8 weeks',
  description: 'Long-term proton pump inhibitor use raises the risk of C. difficile infection and bone loss.',
  suggested_action: 'Ask the prescriber whether a taper is appropriate.',
  status: 'open',
  created_at: AT,
  created_by: 'pharmacist1',
};

/** A CMR under way, as the reviews table first stored it (from migration 1764500000000). */
export const REVIEW = {
  id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c71',
  patient_id: PATIENT.id,
  type: 'cmr',
  status: 'inProgress',
  pharmacist: 'pharmacist1',
  delivery_method: 'telephone',
  caregiver_name: 'Denise Quenneville',
  caregiver_relationship: 'daughter',
  cognitive_impairment: 0,
  cmr_offered_date: '2025-11-03',
  cmr_offered_method: 'telephone',
  cmr_date: '2025-11-20',
  summary_sent_date: null,
  concerns: 'Dizzy when standing up in the morning',
  current_step: 3,
  timer_seconds: 1260,
  timer_running_since: null,
  reconciliation_snapshot: '{"lines":[{"key":"rx:197361","product":"Amlodipine 5 MG Oral Tablet"}]}',
  version: 4,
  created_at: '2025-11-20T13:40:00.000Z',
  updated_at: AT,
  updated_by: 'pharmacist1',
  completed_at: null,
};

/** A Part D plan as payer (from migration 1764700000000). */
export const PAYER = {
  id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c81',
  name: 'Buckeye Rx Plus',
  payer_id: '87726',
  kind: 'partD',
  submitter_id: 'MTMDESK0042',
  receiver_id: '030240928',
  receiver_name: 'BUCKEYE RX CLAIMS',
  claim_filing_code: 'MB',
  unit_rule: 'midpoint',
  fee_99605: 7500,
  fee_99606: 5000,
  fee_99607: 2500,
  active: 1,
  version: 3,
  updated_at: AT,
  updated_by: 'pharmacist1',
};

/** A Lipitor fill for PATIENT, as the fills table first had it (migration 1764300000000): later columns are added by the test that needs them. */
export const FILL = {
  id: 'f1',
  patient_id: PATIENT.id,
  rx_number: '6104472',
  fill_number: 0,
  fill_date: '2025-10-03',
  ndc: '00071015523',
  drug_name: 'Lipitor 20 mg',
  quantity: 30,
  days_supply: 30,
  prescriber_npi: '1467523981',
  payer: 'Buckeye Rx Plus',
  bin: '610014',
  pcn: 'MEDDPRIME',
  cost: 212.45,
  import_id: null,
  created_at: AT,
};

/** The claim for REVIEW, paid (from migration 1764700000000). */
export const CLAIM = {
  id: '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e591',
  claim_number: 'MTM-2025-000117',
  review_id: REVIEW.id,
  payer_id: PAYER.id,
  patient_id: PATIENT.id,
  rendering_username: 'pharmacist1',
  status: 'paid',
  frequency: '1',
  replaces_claim_id: null,
  service_date: '2025-11-20',
  minutes: 35,
  established: 0,
  established_override: null,
  lines: '[{"cpt":"99605","units":1,"cents":7500},{"cpt":"99607","units":1,"cents":2500}]',
  diagnoses: '["I10","E11.9"]',
  total_cents: 10000,
  explanation: 'New patient, 35 minutes: 99605 (first 15) and 99607 (one more 15).',
  batch_id: null,
  paid_cents: 9200,
  paid_date: '2025-12-15',
  denial_reason: null,
  version: 5,
  created_at: AT,
  created_by: 'pharmacist1',
  updated_at: '2025-12-15T10:00:00.000Z',
  updated_by: 'pharmacist1',
};
