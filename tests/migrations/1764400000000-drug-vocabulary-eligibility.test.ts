import { describe, expect, it } from 'vitest';
import { beforeMigration, columnsOf } from '../helpers/migrations';
import { FILL, indexesOf, insert, PATIENT, rowsOf } from './rows';

// Adds the loaded RxNorm release (concepts, drug ingredients, NDCs, one release row), fills.drug_key (NULL
// for fills already there: not yet recognised) with the screening indexes, and the MTM eligibility tables:
// targeting criteria, enrolments, check dismissals, genotypes and drug-therapy problems.
describe('migration 1764400000000-drug-vocabulary-eligibility', () => {
  it('adds drug_key to existing fills and creates the RxNorm tables', async () => {
    const { db: old, migrate } = await beforeMigration('DrugVocabularyEligibility1764400000000');
    const at = '2025-11-20T14:05:31.000Z';
    const batch = {
      id: 'i1',
      file_name: 'fills-2025-11.csv',
      file_sha256: '9f86d081884c7d659a2feaa0c55ad015',
      rows: 2,
      imported: 2,
      duplicates: 0,
      created_patients: 0,
      skipped_invalid: 0,
      created_at: at,
      created_by: 'pharmacist1',
    };
    const fill = { ...FILL, import_id: batch.id, created_at: at };
    const refill = { ...fill, id: 'f2', fill_number: 1, fill_date: '2025-11-02', ndc: null, cost: null };
    await insert(old, 'patients', PATIENT);
    await insert(old, 'fill_imports', batch);
    for (const f of [fill, refill]) await insert(old, 'fills', f);
    const fillsBefore = await columnsOf(old, 'fills');
    const db = await migrate();

    expect(await columnsOf(db, 'fills')).toEqual([...fillsBefore, 'drug_key TEXT']);
    expect(await rowsOf(db, 'fills')).toEqual([
      { ...fill, drug_key: null },
      { ...refill, drug_key: null },
    ]);
    expect(await rowsOf(db, 'fill_imports')).toEqual([batch]);
    expect(await indexesOf(db, 'fills')).toEqual([
      'index idx_fills_natural_key',
      'index idx_fills_patient',
      'index idx_fills_screening',
      'index idx_fills_unrecognised',
    ]);

    expect(await columnsOf(db, 'rxn_concepts')).toEqual(['rxcui TEXT', 'tty TEXT NOT NULL', 'name TEXT NOT NULL']);
    expect(await indexesOf(db, 'rxn_concepts')).toEqual(['index idx_rxn_concepts_name']);
    expect(await columnsOf(db, 'rxn_drug_ingredients')).toEqual([
      'drug_rxcui TEXT NOT NULL',
      'ingredient_rxcui TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'rxn_drug_ingredients')).toEqual(['index idx_rxn_drug_ingredients_ingredient']);
    expect(await columnsOf(db, 'rxn_ndcs')).toEqual(['ndc TEXT', 'rxcui TEXT NOT NULL']);
    expect(await columnsOf(db, 'rxn_release')).toEqual([
      'id INTEGER',
      'release TEXT NOT NULL',
      'loaded_at TEXT NOT NULL',
      'loaded_by TEXT NOT NULL',
    ]);
    await insert(db, 'rxn_concepts', { rxcui: '83367', tty: 'IN', name: 'atorvastatin' });
    const component = { rxcui: '617312', tty: 'SCDC', name: 'atorvastatin 20 MG' };
    await expect(insert(db, 'rxn_concepts', component)).rejects.toThrow(/CHECK/);
    const release = { release: 'RxNorm_full_11032025', loaded_at: at, loaded_by: 'pharmacist1' };
    await insert(db, 'rxn_release', { id: 1, ...release });
    await expect(insert(db, 'rxn_release', { id: 2, ...release })).rejects.toThrow(/CHECK/);
    await db.destroy();
  });

  it('creates the eligibility tables with their checks', async () => {
    const { db: old, migrate } = await beforeMigration('DrugVocabularyEligibility1764400000000');
    await insert(old, 'patients', PATIENT);
    const db = await migrate();
    const by = { updated_at: '2025-11-20T14:05:31.000Z', updated_by: 'pharmacist1' };

    expect(await rowsOf(db, 'patients')).toEqual([{ ...PATIENT, external_id: null }]);
    expect(await columnsOf(db, 'mtm_criteria')).toEqual([
      'contract_year INTEGER',
      'min_diseases INTEGER NOT NULL',
      'min_drugs INTEGER NOT NULL',
      'cost_threshold REAL',
      'diseases TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    const criteria = {
      contract_year: 2026,
      min_diseases: 3,
      min_drugs: 8,
      cost_threshold: 1623,
      diseases: '["diabetes"]',
      ...by,
    };
    await insert(db, 'mtm_criteria', criteria);
    const refused = [{ min_diseases: 4 }, { min_drugs: 1 }, { cost_threshold: 0 }];
    for (const r of refused) {
      await expect(insert(db, 'mtm_criteria', { ...criteria, contract_year: 2027, ...r })).rejects.toThrow(/CHECK/);
    }

    expect(await columnsOf(db, 'mtm_enrollments')).toEqual([
      'patient_id TEXT NOT NULL',
      'contract_year INTEGER NOT NULL',
      'version INTEGER NOT NULL DEFAULT 1',
      'targeted_date TEXT',
      'enrolled_date TEXT',
      'opt_out_date TEXT',
      'opt_out_reason TEXT',
      'cmr_offered_date TEXT',
      'cmr_offered_method TEXT',
      'cmr_completed_date TEXT',
      'updated_at TEXT NOT NULL',
      'updated_by TEXT NOT NULL',
    ]);
    const enrolment = { patient_id: PATIENT.id, contract_year: 2026, targeted_date: '2026-01-05', ...by };
    // A date without its reason (or method) is refused.
    for (const half of [{ opt_out_date: '2026-02-01' }, { cmr_offered_date: '2026-02-01' }]) {
      await expect(insert(db, 'mtm_enrollments', { ...enrolment, ...half })).rejects.toThrow(/CHECK/);
    }
    await insert(db, 'mtm_enrollments', { ...enrolment, cmr_offered_date: '2026-02-01', cmr_offered_method: 'mail' });

    expect(await columnsOf(db, 'check_dismissals')).toEqual([
      'patient_id TEXT NOT NULL',
      'fingerprint TEXT NOT NULL',
      'rule_id TEXT NOT NULL',
      'reason TEXT NOT NULL',
      'dismissed_at TEXT NOT NULL',
      'dismissed_by TEXT NOT NULL',
    ]);
    expect(await columnsOf(db, 'patient_genotypes')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'gene TEXT NOT NULL',
      'result TEXT NOT NULL',
      'tested_on TEXT NOT NULL',
      'laboratory TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'patient_genotypes')).toEqual(['index idx_patient_genotypes_patient']);
    expect(await columnsOf(db, 'drug_therapy_problems')).toEqual([
      'id TEXT',
      'patient_id TEXT NOT NULL',
      'source TEXT NOT NULL',
      'rule_id TEXT',
      'fingerprint TEXT',
      'category TEXT NOT NULL',
      'severity TEXT NOT NULL',
      'title TEXT NOT NULL',
      'description TEXT NOT NULL',
      'suggested_action TEXT',
      "status TEXT NOT NULL DEFAULT 'open'",
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
    ]);
    expect(await indexesOf(db, 'drug_therapy_problems')).toEqual(['index idx_dtp_check']);

    // One problem per check finding; a problem entered by hand may repeat its fingerprint.
    const problem = {
      patient_id: PATIENT.id,
      source: 'check',
      rule_id: 'statin-missing-diabetes',
      fingerprint: '5d41402abc4b2a76',
      category: 'needsAdditionalTherapy',
      severity: 'moderate',
      title: 'No statin with diabetes',
      description: 'Diabetes aged 40 to 75 without a statin.',
      created_at: by.updated_at,
      created_by: by.updated_by,
    };
    await insert(db, 'drug_therapy_problems', { id: 'd1', ...problem });
    await expect(insert(db, 'drug_therapy_problems', { id: 'd2', ...problem })).rejects.toThrow(/UNIQUE/);
    await insert(db, 'drug_therapy_problems', { id: 'd3', ...problem, source: 'manual' });
    await expect(insert(db, 'drug_therapy_problems', { id: 'd4', ...problem, source: 'fax' })).rejects.toThrow(/CHECK/);
    const statuses = await rowsOf(db, 'drug_therapy_problems');
    expect(statuses.map((p) => p.status)).toEqual(['open', 'open']);
    const closed = { id: 'd5', ...problem, source: 'manual', status: 'closed' };
    await expect(insert(db, 'drug_therapy_problems', closed)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
