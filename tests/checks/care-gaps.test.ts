import { describe, expect, it } from 'vitest';
import { careGapFindings, olderAdultFindings, type Context } from '../../main/checks/care-gaps';
import type { ActiveDrug } from '../../main/checks/engine';
import { BUNDLED_RULES } from '../../main/checks/knowledge-base';
import { bundledDrug } from '../../main/medications/vocabulary/bundled';
import { ICD_CODES } from '../../preload/schemas/clinical';

const drug = (ingredient: string, source: ActiveDrug['source'] = 'fill'): ActiveDrug => ({ ingredient, product: ingredient, source, classCode: bundledDrug(ingredient)?.class ?? null });
/** A hand-made patient: age, ICD-10-CM codes, fills of the last 12 months (one per entry), current medicines. */
function patient(age: number, codes: string[], fills: string[], current: string[] = []): Context {
  return {
    age, codes,
    diseases: new Set(codes.flatMap((c) => (ICD_CODES.find((x) => x.code === c)?.coreDiseases as string[] | undefined) ?? [])),
    fills: fills.map((f) => drug(f)),
    current: current.map((c) => drug(c, 'list')),
  };
}
const gaps = (c: Context) => careGapFindings(BUNDLED_RULES, c).map((f) => `${f.ruleId}: ${f.title}`);

describe('care gaps', () => {
  it('diabetes aged 40–75 with two diabetes fills and no statin (SUPD), within its boundaries', () => {
    expect(gaps(patient(60, ['E11.9'], ['metformin', 'metformin']))).toEqual(['gap.supd: Diabetes, aged 40–75, without a statin']);
    expect(gaps(patient(40, ['E11.9'], ['metformin', 'glipizide']))).toHaveLength(1);
    expect(gaps(patient(75, ['E11.9'], ['metformin', 'metformin']))).toHaveLength(1);
    expect(gaps(patient(76, ['E11.9'], ['metformin', 'metformin']))).toEqual([]);
    expect(gaps(patient(39, ['E11.9'], ['metformin', 'metformin']))).toEqual([]);
    expect(gaps(patient(60, ['E11.9'], ['metformin']))).toEqual([]); // one fill: not in the measure
    expect(gaps(patient(60, ['E11.9'], ['metformin', 'metformin', 'atorvastatin']))).toEqual([]);
    expect(gaps(patient(60, ['E11.9'], ['metformin', 'metformin'], ['rosuvastatin']))).toEqual([]);
    expect(gaps(patient(60, ['E11.9', 'N18.6'], ['metformin', 'metformin']))).toEqual([]); // ESRD excluded
    expect(gaps(patient(60, [], ['metformin', 'metformin']))).toEqual([]); // no diabetes on file
  });

  it('heart failure with reduced ejection fraction without guideline therapy; not for preserved EF', () => {
    expect(gaps(patient(70, ['I50.22'], [], ['lisinopril']))).toEqual(['gap.hfref-beta-blocker: Heart failure (reduced ejection fraction) without an evidence-based beta blocker']);
    expect(gaps(patient(70, ['I50.42'], [], ['carvedilol', 'sacubitril']))).toEqual([]);
    expect(gaps(patient(70, ['I50.22'], [], ['metoprolol']))).toEqual(['gap.hfref-ras: Heart failure (reduced ejection fraction) without an ARNI, ACE inhibitor or ARB']);
    expect(gaps(patient(70, ['I50.32'], [], []))).toEqual([]); // diastolic (preserved EF)
  });

  it('asthma with three or more rescue inhaler fills in a year', () => {
    expect(gaps(patient(30, ['J45.909'], ['albuterol', 'albuterol', 'albuterol']))).toEqual(['gap.saba-overuse: albuterol: 3 fills in 12 months']);
    expect(gaps(patient(30, ['J45.909'], ['albuterol', 'albuterol']))).toEqual([]);
    expect(gaps(patient(30, ['J44.9'], ['albuterol', 'albuterol', 'albuterol']))).toEqual([]); // COPD: not this rule
  });
});

describe('older adults (STOPP version 2, paraphrased)', () => {
  const older = (c: Context) => olderAdultFindings(BUNDLED_RULES, c).map((f) => `${f.ruleId}: ${f.title}`);
  it('flags benzodiazepines and Z-drugs from 65, not before', () => {
    expect(older(patient(65, [], [], ['lorazepam', 'zolpidem']))).toEqual(['older.benzodiazepine: lorazepam', 'older.z-drug: zolpidem']);
    expect(older(patient(64, [], [], ['lorazepam', 'zolpidem']))).toEqual([]);
  });

  it('flags an opioid without a laxative, and stays quiet when one is on the list or filled', () => {
    expect(older(patient(78, [], [], ['oxycodone']))).toEqual(['older.opioid-no-laxative: oxycodone']);
    expect(older(patient(78, [], [], ['oxycodone', 'senna']))).toEqual([]);
    expect(older(patient(78, [], ['polyethylene glycol 3350'], ['oxycodone']))).toEqual([]);
  });
});
