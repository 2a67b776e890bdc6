import { describe, expect, it } from 'vitest';
import classesFile from '../../resources/drugs/classes.json';
import vocabularyFile from '../../resources/drugs/vocabulary.json';
import {
  BUNDLED_DRUGS,
  bundledDrug,
  checkVocabulary,
  drugClass,
  recogniseBundled,
  searchBundled,
} from '../../main/medications/vocabulary/bundled';
import { describeClinicalDrug } from '../../preload/schemas/drugs';

const names = (q: string) => searchBundled(q, 10).map((h) => h.drug.name);

describe('bundled drug vocabulary', () => {
  it('covers 300+ products, each classed and cited, with OTC, herbal and supplement entries', () => {
    expect(BUNDLED_DRUGS.length).toBeGreaterThanOrEqual(300);
    for (const d of BUNDLED_DRUGS) {
      expect(drugClass(d.class), d.name).not.toBeNull();
      expect(d.sources.length, d.name).toBeGreaterThan(0);
    }
    const kinds = (k: string) => BUNDLED_DRUGS.filter((d) => d.kind === k).map((d) => d.name);
    expect(kinds('herbal')).toEqual(expect.arrayContaining(["St John's wort", 'ginkgo']));
    expect(kinds('supplement')).toEqual(
      expect.arrayContaining(['fish oil (omega-3 fatty acids)', 'cholecalciferol (vitamin D3)']),
    );
    expect(kinds('otc')).toEqual(expect.arrayContaining(['aspirin', 'ibuprofen']));
    expect(BUNDLED_DRUGS.find((d) => d.name === 'omeprazole')).toMatchObject({
      kind: 'rx',
      alsoOtc: true,
      rxcui: '7646',
    });
  });

  it('finds generics and brands from three letters, brand hits mapped to the generic', () => {
    expect(searchBundled('lip', 5)).toEqual([
      expect.objectContaining({
        drug: expect.objectContaining({ name: 'atorvastatin', rxcui: '83367' }),
        matchedBrand: 'Lipitor',
      }),
    ]);
    expect(names('ato')).toEqual(['atomoxetine', 'atorvastatin']);
    expect(names('eli')).toContain('apixaban');
    expect(names('wor')).toEqual(["St John's wort"]);
    // generic names rank before aliases and brands
    expect(names('ome')[0]).toBe('omega-3-acid ethyl esters');
    expect(names('ome')).toContain('omeprazole');
    expect(names('xyzzy')).toEqual([]);
  });

  it('recognises dispensing-system descriptions by generic, brand, combination and alias', () => {
    expect(recogniseBundled('ATORVASTATIN CALCIUM 40MG TAB')?.name).toBe('atorvastatin');
    expect(recogniseBundled('Zocor 20 mg')?.name).toBe('simvastatin');
    expect(recogniseBundled('HYDROCODONE-ACETAMINOPHEN 5-325')?.name).toBe('hydrocodone and acetaminophen');
    expect(recogniseBundled('INSULIN GLARGINE 100 UNIT/ML')?.name).toBe('insulin glargine');
    expect(recogniseBundled('Vitamin D3 2000 IU')?.name).toBe('cholecalciferol (vitamin D3)');
    expect(recogniseBundled('ATOMIC PASTE')).toBeNull();
    expect(recogniseBundled('metforminx 500')).toBeNull();
  });

  it('marks chronic classes as maintenance and acute ones not', () => {
    const maintenance = (name: string) => drugClass(BUNDLED_DRUGS.find((d) => d.name === name)!.class)!.maintenance;
    expect(
      ['lisinopril', 'atorvastatin', 'metformin', 'levothyroxine', 'sertraline', 'tiotropium'].map(maintenance),
    ).toEqual([true, true, true, true, true, true]);
    expect(['amoxicillin', 'ibuprofen', 'oxycodone', 'ondansetron'].map(maintenance)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses a vocabulary with an unknown class, an uncited RxCUI or a brand naming two drugs', () => {
    const broken = structuredClone(vocabularyFile) as typeof vocabularyFile;
    broken.drugs[0]!.class = 'Z99ZZ';
    broken.drugs[1]!.sources = ['who-atc'];
    broken.drugs[2]!.brands = ['Lipitor'];
    expect(() => checkVocabulary(classesFile, broken)).toThrow(
      /unknown class Z99ZZ[\s\S]*RxCUI without a source[\s\S]*"lipitor" names both/,
    );
    expect(() =>
      checkVocabulary(classesFile, { ...vocabularyFile, drugs: vocabularyFile.drugs.slice(0, 50) }),
    ).toThrow();
  });
});

describe('clinical drug names', () => {
  it('split into the strength and dose form the medication list shows', () => {
    expect(describeClinicalDrug('escitalopram 10 MG Oral Tablet')).toEqual({
      strength: '10 mg',
      doseForm: 'oral tablet',
    });
    expect(describeClinicalDrug('24 HR metoprolol succinate 50 MG Extended Release Oral Tablet')).toEqual({
      strength: '50 mg',
      doseForm: 'extended release oral tablet',
    });
    expect(describeClinicalDrug('sacubitril 49 MG / valsartan 51 MG Oral Tablet')).toEqual({
      strength: '49 mg / 51 mg',
      doseForm: 'oral tablet',
    });
    expect(describeClinicalDrug('24 HR rivastigmine 0.396 MG/HR Transdermal System')).toEqual({
      strength: '0.396 mg/hr',
      doseForm: 'transdermal system',
    });
  });

  it('bundled clinical drugs each have one RxCUI and name their ingredient', () => {
    const scds = BUNDLED_DRUGS.flatMap((d) => (d.clinicalDrugs ?? []).map((c) => ({ ...c, ingredient: d.name })));
    expect(scds.length).toBeGreaterThan(200);
    expect(new Set(scds.map((c) => c.rxcui)).size).toBe(scds.length);
    for (const c of scds) expect(c.name.toLowerCase(), c.rxcui).toContain(c.ingredient.split(' ')[0]!);
  });
});

describe('free text as pharmacists type it', () => {
  it('is read as ingredient, strength, form and salt, with OTC and supplements marked', async () => {
    const { interpretProduct } = await import('../../main/medications/interpret-product');
    const read = (t: string) => {
      const r = interpretProduct(t);
      return {
        name: r.drug?.name ?? null,
        kind: r.drug?.kind ?? null,
        strength: r.strength,
        doseForm: r.doseForm,
        salt: r.salt,
      };
    };
    expect(read('lisinopril 10mg')).toEqual({
      name: 'lisinopril',
      kind: 'rx',
      strength: '10 mg',
      doseForm: null,
      salt: null,
    });
    expect(read('Eliquis 5')).toMatchObject({ name: 'apixaban', strength: '5 mg' });
    expect(read('metoprolol succ ER 25')).toEqual({
      name: 'metoprolol',
      kind: 'rx',
      strength: '25 mg',
      doseForm: 'extended-release tablet',
      salt: 'succinate',
    });
    expect(read('metoprolol tartrate 25 mg tab')).toMatchObject({
      name: 'metoprolol',
      salt: 'tartrate',
      doseForm: 'tablet',
    });
    expect(read('HCTZ 25')).toMatchObject({ name: 'hydrochlorothiazide', strength: '25 mg' });
    expect(read('ASA 81')).toMatchObject({ name: 'aspirin', strength: '81 mg' });
    expect(read('vit D3 2000')).toMatchObject({
      name: 'cholecalciferol (vitamin D3)',
      kind: 'supplement',
      strength: '2000 IU',
    });
    expect(read('fish oil')).toMatchObject({
      name: 'fish oil (omega-3 fatty acids)',
      kind: 'supplement',
      strength: null,
    });
    expect(read('HYDROCODONE-APAP 5-325 MG TAB')).toMatchObject({
      name: 'hydrocodone and acetaminophen',
      strength: '5 mg / 325 mg',
      doseForm: 'tablet',
    });
    expect(read('KCl 20 mEq ER')).toMatchObject({ name: 'potassium chloride', strength: '20 mEq', salt: null });
    expect(read('Advair 250/50')).toMatchObject({ name: expect.stringMatching(/fluticasone.*salmeterol/) });
    expect(read('Grandma’s tonic')).toEqual({ name: null, kind: null, strength: null, doseForm: null, salt: null });
  });

  it('knows every drug of the top 300 and every ingredient a rule names', async () => {
    const { coverage } = await import('../../main/checks/coverage');
    const c = coverage();
    expect(c.top300.listed).toBe(300);
    expect(c.top300.notInVocabulary).toEqual([]);
    for (const name of ['meperidine', 'theophylline', 'linezolid']) expect(bundledDrug(name), name).toBeDefined();
  });
});
