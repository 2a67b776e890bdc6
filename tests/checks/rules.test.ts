import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import interactions from '../../resources/knowledge/interactions.json';
import { fingerprintOf, runRules, type ActiveDrug } from '../../main/checks/engine';
import { BUNDLED_RULES, burdenProblems, checkRuleFile, loadLocalRules } from '../../main/checks/knowledge-base';
import { bundledDrug } from '../../main/medications/vocabulary/bundled';
import { tempDir } from '../helpers/temp-pharmacy';

/** A hand-made patient: ingredient names as on the vocabulary, all on the medication list. */
const patient = (...ingredients: string[]): ActiveDrug[] => ingredients.map((i) => ({ ingredient: i, product: i, source: 'list', classCode: bundledDrug(i)?.class ?? null }));
const fired = (...ingredients: string[]) => runRules(patient(...ingredients), BUNDLED_RULES).map((f) => `${f.ruleId} ${f.severity}: ${f.title}`);

describe('knowledge base files', () => {
  it('load with every ingredient and class known, each rule cited', () => {
    expect(BUNDLED_RULES.length).toBeGreaterThanOrEqual(24);
    for (const r of BUNDLED_RULES) expect(r.citation.document.length, r.id).toBeGreaterThan(10);
    // all 15 ONC pairs; the high-risk QT pair is two rules (dofetilide, thioridazine)
    expect(BUNDLED_RULES.filter((r) => r.id.startsWith('ddi.onc.')).length).toBe(16);
    expect(burdenProblems()).toEqual([]);
  });

  it('refuse a rule naming an unknown ingredient or class, or reusing an id', () => {
    const broken = structuredClone(interactions);
    broken.rules[0]!.a.ingredients = ['amphetamine', 'zorbitolol'];
    broken.rules[1]!.id = broken.rules[0]!.id;
    const { rules, problems } = checkRuleFile(broken, 'interactions.json', false);
    expect(rules).toEqual([]);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('"amphetamine" is not an ingredient'), expect.stringContaining('"zorbitolol" is not an ingredient'), expect.stringContaining('is used twice')]));
  });

  it("takes a pharmacy's own rules from its folder, marked local; skips bad files and bundled ids", () => {
    const folder = join(tempDir(), 'knowledge');
    mkdirSync(folder);
    const rule = { id: 'local.metformin-contrast-reminder', family: 'duplication', members: { ingredients: ['metformin', 'glipizide'] }, severity: 'minor', dtp: 'adverseReaction', explanation: 'Our clinic asks to review metformin with a sulfonylurea.', patientText: 'We will check your diabetes medicines.', action: 'Review at the next visit.', citation: { document: 'Pharmacy protocol P-12', year: 2026, locator: 'page 1' } };
    writeFileSync(join(folder, 'ours.json'), JSON.stringify({ version: '1', family: 'local', about: 'Our own reminders', rules: [rule] }));
    writeFileSync(join(folder, 'broken.json'), '{ not json');
    writeFileSync(join(folder, 'clash.json'), JSON.stringify({ version: '1', family: 'local', about: 'Reuses a bundled id', rules: [{ ...rule, id: 'dup.nsaid' }] }));
    const local = loadLocalRules(folder);
    expect(local.rules.map((r) => [r.id, r.local])).toEqual([['local.metformin-contrast-reminder', true]]);
    expect(local.problems).toEqual([expect.stringMatching(/^broken.json: not valid JSON/), 'clash.json: rule id dup.nsaid is already a bundled rule; give local rules their own ids']);
    expect(runRules(patient('metformin', 'glipizide'), local.rules)).toEqual([expect.objectContaining({ ruleId: 'local.metformin-contrast-reminder', local: true })]);
    expect(loadLocalRules(join(folder, 'missing'))).toEqual({ rules: [], problems: [] });
  });
});

describe('interaction and duplication rules on hand-made patients', () => {
  it('flag the dangerous pairs with their severity', () => {
    expect(fired('warfarin', 'ibuprofen')).toEqual(['ddi.warfarin-nsaid major: warfarin + ibuprofen']);
    expect(fired('sertraline', 'phenelzine')).toEqual(['ddi.onc.serotonergic-maoi contraindicated: sertraline + phenelzine']);
    expect(fired('clopidogrel', 'omeprazole')).toEqual(['ddi.clopidogrel-omeprazole major: clopidogrel + omeprazole']);
    expect(fired('hydrocodone and acetaminophen', 'alprazolam')).toEqual(['ddi.opioid-benzodiazepine major: hydrocodone and acetaminophen + alprazolam']);
    expect(fired('tizanidine', 'ciprofloxacin')).toEqual(['ddi.onc.tizanidine-cyp1a2 contraindicated: tizanidine + ciprofloxacin']);
    expect(fired('lithium', 'lisinopril')).toEqual(['ddi.lithium-nsaid-ras-thiazide major: lithium + lisinopril']);
    expect(fired('dofetilide', 'hydrochlorothiazide')).toEqual(['ddi.onc.qt-dofetilide contraindicated: dofetilide + hydrochlorothiazide']);
    expect(fired('thioridazine', 'fluoxetine')).toEqual(['ddi.onc.qt-thioridazine contraindicated: thioridazine + fluoxetine']);
    expect(fired('dihydroergotamine', 'clarithromycin')).toEqual(['ddi.onc.ergot-cyp3a4 contraindicated: dihydroergotamine + clarithromycin']);
    expect(fired('atazanavir', "St John's wort")).toEqual(["ddi.onc.inducer-protease-inhibitor contraindicated: atazanavir + St John's wort"]);
  });

  it('flag duplications by ingredient list or by class, once per group', () => {
    expect(fired('ibuprofen', 'naproxen', 'meloxicam')).toEqual(['dup.nsaid major: ibuprofen + meloxicam + naproxen']);
    expect(fired('lisinopril', 'losartan')).toEqual(['dup.ras major: lisinopril + losartan']);
    expect(fired('atorvastatin', 'simvastatin')).toEqual(['dup.statin moderate: atorvastatin + simvastatin']);
    expect(fired('omeprazole', 'pantoprazole')).toEqual(['dup.ppi moderate: omeprazole + pantoprazole']);
  });

  it('stay quiet for normal combinations and single agents', () => {
    expect(fired('warfarin', 'acetaminophen')).toEqual([]);
    expect(fired('lisinopril', 'amlodipine', 'hydrochlorothiazide', 'atorvastatin', 'metformin')).toEqual([]);
    expect(fired('aspirin', 'clopidogrel')).toEqual([]); // dual antiplatelet therapy after a stent is intended
    expect(fired('clopidogrel', 'pantoprazole')).toEqual([]);
    expect(fired('ibuprofen')).toEqual([]);
    expect(fired('sertraline', 'bupropion')).toEqual([]);
    expect(fired('dofetilide', 'amlodipine')).toEqual([]);
    expect(fired('ramelteon', 'sertraline')).toEqual([]);
  });

  it('fingerprint the rule and ingredients, not their order or source', () => {
    const [a] = runRules(patient('warfarin', 'naproxen'), BUNDLED_RULES);
    const [b] = runRules([...patient('naproxen'), { ingredient: 'warfarin', product: 'JANTOVEN 5 MG', source: 'fill', classCode: 'B01AA' }], BUNDLED_RULES);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.fingerprint).toBe(fingerprintOf('ddi.warfarin-nsaid', ['naproxen', 'warfarin']));
    expect(runRules(patient('warfarin', 'ibuprofen'), BUNDLED_RULES)[0]!.fingerprint).not.toBe(a!.fingerprint);
  });
});
