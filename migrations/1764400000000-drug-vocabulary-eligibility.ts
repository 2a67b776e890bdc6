import type { QueryRunner } from 'typeorm';
import type { ForwardMigration } from './forward-only';

export class DrugVocabularyEligibility1764400000000 implements ForwardMigration {
  name = 'DrugVocabularyEligibility1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // A loaded NLM RxNorm release (replaced whole by the next load): ingredients, brands and clinical
    // drugs, which ingredients each drug or brand contains, and which NDCs are which drug.
    await q.query(
      `CREATE TABLE rxn_concepts (rxcui TEXT PRIMARY KEY, tty TEXT NOT NULL CHECK (tty IN ('IN', 'MIN', 'BN', 'SCD', 'SBD')), name TEXT NOT NULL)`,
    );
    await q.query(`CREATE INDEX idx_rxn_concepts_name ON rxn_concepts (name COLLATE NOCASE, tty)`);
    await q.query(
      `CREATE TABLE rxn_drug_ingredients (drug_rxcui TEXT NOT NULL, ingredient_rxcui TEXT NOT NULL, PRIMARY KEY (drug_rxcui, ingredient_rxcui))`,
    );
    await q.query(`CREATE INDEX idx_rxn_drug_ingredients_ingredient ON rxn_drug_ingredients (ingredient_rxcui)`);
    await q.query(`CREATE TABLE rxn_ndcs (ndc TEXT PRIMARY KEY, rxcui TEXT NOT NULL)`);
    await q.query(
      `CREATE TABLE rxn_release (id INTEGER PRIMARY KEY CHECK (id = 1), release TEXT NOT NULL, loaded_at TEXT NOT NULL, loaded_by TEXT NOT NULL)`,
    );
    // The ingredient a fill is for (a vocabulary or RxNorm ingredient name), set on import; NULL = not recognised.
    await q.query(`ALTER TABLE fills ADD COLUMN drug_key TEXT`);
    // Screening and the checks read only these columns of every fill: a covering index spares a table lookup per fill.
    await q.query(`CREATE INDEX idx_fills_screening ON fills (patient_id, fill_date, drug_key, cost, days_supply)`);
    await q.query(`CREATE INDEX idx_fills_unrecognised ON fills (ndc, drug_name) WHERE drug_key IS NULL`);
    // Part D MTM targeting criteria the pharmacy set for a contract year (defaults live in resources/regulatory).
    await q.query(`CREATE TABLE mtm_criteria (
      contract_year INTEGER PRIMARY KEY,
      min_diseases INTEGER NOT NULL CHECK (min_diseases BETWEEN 2 AND 3),
      min_drugs INTEGER NOT NULL CHECK (min_drugs BETWEEN 2 AND 8),
      cost_threshold REAL CHECK (cost_threshold IS NULL OR cost_threshold > 0),
      diseases TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    )`);
    // A patient's MTM programme status in a contract year: each step keeps its date.
    await q.query(`CREATE TABLE mtm_enrollments (
      patient_id TEXT NOT NULL REFERENCES patients (id),
      contract_year INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      targeted_date TEXT,
      enrolled_date TEXT,
      opt_out_date TEXT,
      opt_out_reason TEXT,
      cmr_offered_date TEXT,
      cmr_offered_method TEXT,
      cmr_completed_date TEXT,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      PRIMARY KEY (patient_id, contract_year),
      CHECK ((opt_out_date IS NULL) = (opt_out_reason IS NULL)),
      CHECK ((cmr_offered_date IS NULL) = (cmr_offered_method IS NULL))
    )`);
    // A clinical-check finding the pharmacist judged not to apply, kept until what it involves changes.
    await q.query(`CREATE TABLE check_dismissals (
      patient_id TEXT NOT NULL REFERENCES patients (id),
      fingerprint TEXT NOT NULL,
      rule_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      dismissed_at TEXT NOT NULL,
      dismissed_by TEXT NOT NULL,
      PRIMARY KEY (patient_id, fingerprint)
    )`);
    // Pharmacogenomic results (CPIC terms); a newer result for the same gene supersedes an older one.
    await q.query(`CREATE TABLE patient_genotypes (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      gene TEXT NOT NULL,
      result TEXT NOT NULL,
      tested_on TEXT NOT NULL,
      laboratory TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_patient_genotypes_patient ON patient_genotypes (patient_id, gene, tested_on)`);
    // Drug-therapy problems the pharmacist confirmed (from a check, or entered by hand); a review takes them up.
    await q.query(`CREATE TABLE drug_therapy_problems (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      source TEXT NOT NULL CHECK (source IN ('check', 'manual')),
      rule_id TEXT,
      fingerprint TEXT,
      category TEXT NOT NULL,
      severity TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      suggested_action TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(
      `CREATE UNIQUE INDEX idx_dtp_check ON drug_therapy_problems (patient_id, fingerprint) WHERE source = 'check'`,
    );
  }
}
