import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import duplications from '../../resources/knowledge/duplications.json';
import { fingerprintOf, runChecks } from '../../main/checks/engine';
import { BUNDLED, BUNDLED_RULES, checkRuleFile, loadLocalRules } from '../../main/checks/knowledge-base';
import { picture, type PictureInput } from '../helpers/picture';
import { tempDir } from '../helpers/temp-pharmacy';

const fired = (p: PictureInput) =>
  runChecks(picture(p), BUNDLED).findings.map((f) => `${f.ruleId} ${f.severity}: ${f.title}`);

describe('knowledge base files', () => {
  it('refuse a rule naming an unknown ingredient, group or condition, reusing an id, or saying what another says', () => {
    const broken = structuredClone(duplications);
    broken.rules[1]!.members = { ingredients: ['ibuprofen', 'zorbitolol'], groups: ['no-such-group'] } as never;
    broken.rules[2]!.id = broken.rules[1]!.id;
    broken.rules.push({ ...structuredClone(duplications.rules[3]!), id: 'dup.copy' } as never);
    const { rules, problems } = checkRuleFile(broken, 'duplications.json', false);
    expect(rules).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"zorbitolol" is not an ingredient'),
        expect.stringContaining('"no-such-group" is not a drug group'),
        expect.stringContaining('rule id is used twice'),
        expect.stringMatching(/dup.copy: says the same as .*dup\./),
      ]),
    );
  });

  it("takes a pharmacy's own rules from its folder, marked local; skips bad files and bundled ids", () => {
    const folder = join(tempDir(), 'knowledge');
    mkdirSync(folder);
    const rule = {
      id: 'local.metformin-glipizide-reminder',
      family: 'duplication',
      members: { ingredients: ['metformin', 'glipizide'] },
      severity: 'minor',
      dtp: 'adverseReaction',
      explanation: 'Our clinic asks to review metformin with a sulfonylurea.',
      patientText: 'We will check your diabetes medicines.',
      action: 'Review at the next visit.',
      citation: { document: 'Pharmacy protocol P-12', year: 2026, locator: 'page 1' },
    };
    writeFileSync(
      join(folder, 'ours.json'),
      JSON.stringify({ version: '1', family: 'local', about: 'Our own reminders', rules: [rule] }),
    );
    writeFileSync(join(folder, 'broken.json'), '{ not json');
    writeFileSync(
      join(folder, 'clash.json'),
      JSON.stringify({
        version: '1',
        family: 'local',
        about: 'Reuses a bundled id',
        rules: [{ ...rule, id: 'dup.nsaid' }],
      }),
    );
    writeFileSync(
      join(folder, 'wrong-condition.json'),
      JSON.stringify({
        version: '1',
        family: 'local',
        about: 'Names a condition group nobody has',
        rules: [
          {
            ...rule,
            id: 'local.x',
            family: 'diseaseDrug',
            conditions: ['hiccups'],
            match: { ingredients: ['metformin'] },
            members: undefined,
          },
        ],
      }),
    );
    const local = loadLocalRules(folder);
    expect(local.rules.map((r) => [r.id, r.local])).toEqual([['local.metformin-glipizide-reminder', true]]);
    expect(local.problems).toEqual([
      expect.stringMatching(/^broken.json: not valid JSON/),
      'clash.json: rule id dup.nsaid is already a bundled rule; give local rules their own ids',
      expect.stringContaining('"hiccups" is not a condition group'),
    ]);
    const withLocal = BUNDLED.with(local.rules);
    expect(
      runChecks(picture({ age: 60, meds: ['metformin', 'glipizide'] }), withLocal).findings.map((f) => [
        f.ruleId,
        f.local,
      ]),
    ).toContainEqual(['local.metformin-glipizide-reminder', true]);
    expect(loadLocalRules(join(folder, 'missing'))).toEqual({ rules: [], problems: [] });
  });
});

describe('the engine on hand-made patients', () => {
  it('pairs different products only: a combination tablet never interacts with itself, and matches through each ingredient', () => {
    expect(fired({ age: 60, meds: ['lisinopril and hydrochlorothiazide'] })).toEqual([]);
    expect(fired({ age: 60, meds: ['lisinopril and hydrochlorothiazide', 'losartan'] })).toContain(
      'dup.ras major: lisinopril and hydrochlorothiazide + losartan',
    );
  });

  it('keeps deliberate pairs quiet and says why', () => {
    const r = runChecks(picture({ age: 60, meds: ['aspirin', 'clopidogrel'] }), BUNDLED);
    expect(r.findings.filter((f) => f.family === 'duplication')).toEqual([]);
    expect(r.deliberate).toEqual([expect.stringContaining('dual antiplatelet therapy')]);
  });

  it('sums an ingredient over every product that holds it', () => {
    const p = {
      age: 70,
      meds: [
        ['Tylenol Extra Strength 500 mg', '500 mg', '2 tabs po q6h'],
        ['hydrocodone-acetaminophen 5-325', '5-325 mg', '2 po q6h prn pain'],
      ] as [string, string, string][],
    };
    expect(fired(p)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dose\..*acetaminophen up to 6600 mg a day/),
        expect.stringMatching(/^dup.same-ingredient moderate: acetaminophen in 2 products/),
      ]),
    );
    expect(fired({ age: 70, meds: [['Tylenol Extra Strength 500 mg', '500 mg', '2 tabs po q6h']] })).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/acetaminophen up to/)]),
    );
  });

  it('names one finding per problem, citing every source that names it', () => {
    const r = runChecks(picture({ age: 75, meds: ['oxycodone', 'alprazolam'] }), BUNDLED);
    const both = r.findings.filter((f) => f.title === 'oxycodone + alprazolam');
    expect(both).toHaveLength(1);
    expect(both[0]!.alsoCited.length).toBeGreaterThan(0);
  });

  it('says what it could not check', () => {
    const r = runChecks(picture({ age: 80, meds: ['gabapentin', 'metformin'] }), BUNDLED);
    expect(r.notChecked).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/No serum creatinine .*gabapentin, metformin/),
        expect.stringMatching(/No conditions recorded/),
      ]),
    );
    const noWeight = runChecks(picture({ age: 80, labs: { scr: 2.4 }, meds: ['gabapentin'] }), BUNDLED);
    expect(noWeight.notChecked).toEqual(
      expect.arrayContaining([expect.stringMatching(/No weight .*compared with the eGFR for: gabapentin/)]),
    );
    expect(noWeight.findings.some((f) => f.family === 'renal' && f.title.startsWith('gabapentin: eGFR'))).toBe(true);
  });

  it('fingerprints the rule and ingredients, not their order or source', () => {
    const a = runChecks(picture({ age: 60, meds: ['warfarin', 'naproxen'] }), BUNDLED).findings.find(
      (f) => f.title === 'warfarin + naproxen',
    )!;
    const b = runChecks(picture({ age: 60, meds: ['naproxen', 'Jantoven 5 mg'] }), BUNDLED).findings.find(
      (f) => f.ruleId === a.ruleId,
    )!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toBe(fingerprintOf(a.ruleId, ['naproxen', 'warfarin']));
  });

  it('holds at least 600 cited rules on one severity scale', () => {
    expect(BUNDLED_RULES.length).toBeGreaterThanOrEqual(600);
    for (const r of BUNDLED_RULES)
      expect([r.citation.locator.length > 3, r.source, r.patientTextEs?.length], r.id).toEqual([
        true,
        expect.any(String),
        expect.any(Number),
      ]);
  });
});
