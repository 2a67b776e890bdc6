import { describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/engine';
import { BUNDLED } from '../../main/checks/knowledge-base';
import { picture, type PictureInput } from '../helpers/picture';

/** Each care gap found, as "rule: title", with the rules that name the same gap (merged into it) listed too. */
const gaps = (p: PictureInput) =>
  runChecks(picture(p), BUNDLED)
    .findings.filter((f) => f.family === 'missingTherapy' || f.family === 'overuse')
    .flatMap((f) => [f.ruleId, ...f.alsoCited.map((c) => c.ruleId)].map((id) => `${id}: ${f.title}`));

describe('care gaps', () => {
  it('diabetes aged 40–75 with two diabetes fills and no statin (SUPD), within its boundaries', () => {
    const supd = 'gap.supd: Diabetes, aged 40–75, without a statin';
    expect(
      gaps({
        age: 60,
        codes: ['E11.9'],
        fills: [
          ['METFORMIN 500 MG TAB', 100],
          ['METFORMIN 500 MG TAB', 30],
        ],
      }),
    ).toContain(supd);
    expect(
      gaps({
        age: 75,
        codes: ['E11.9'],
        fills: [
          ['METFORMIN 500 MG TAB', 100],
          ['GLIPIZIDE 5 MG TAB', 30],
        ],
      }),
    ).toContain(supd);
    expect(
      gaps({
        age: 76,
        codes: ['E11.9'],
        fills: [
          ['METFORMIN 500 MG TAB', 100],
          ['METFORMIN 500 MG TAB', 30],
        ],
      }),
    ).not.toContain(supd);
    expect(
      gaps({
        age: 39,
        codes: ['E11.9'],
        fills: [
          ['METFORMIN 500 MG TAB', 100],
          ['METFORMIN 500 MG TAB', 30],
        ],
      }),
    ).not.toContain(supd);
    // one fill: not in the PQA measure…
    expect(gaps({ age: 60, codes: ['E11.9'], fills: [['METFORMIN 500 MG TAB', 30]] })).not.toContain(supd);
    expect(gaps({ age: 60, codes: ['E11.9'], fills: [['METFORMIN 500 MG TAB', 30]] })).toContain(
      'gap.statin-diabetes-condition: Diabetes, aged 40–75, without a statin',
    ); // …but the ADA Standards still apply
    expect(gaps({ age: 60, meds: ['metformin'] })).toContain(
      'gap.statin-diabetes-medicine: Diabetes, aged 40–75, without a statin',
    ); // a diabetes medicine on the list, no diagnosis recorded
    // an SGLT2 inhibitor for heart failure
    expect(gaps({ age: 60, meds: ['dapagliflozin'], codes: ['I50.22'] }).join()).not.toMatch(/without a statin/);
    expect(
      gaps({
        age: 60,
        codes: ['E11.9'],
        fills: [
          ['METFORMIN 500 MG TAB', 100],
          ['METFORMIN 500 MG TAB', 30],
          ['ATORVASTATIN 20 MG TAB', 30],
        ],
      }),
    ).not.toContain(supd);
    expect(
      gaps({
        age: 60,
        codes: ['E11.9', 'N18.6'],
        fills: [
          ['METFORMIN 500 MG TAB', 100],
          ['METFORMIN 500 MG TAB', 30],
        ],
      }),
    ).not.toContain(supd); // ESRD excluded
  });

  it('asthma with three or more rescue inhaler fills in a year', () => {
    const three: [string, number][] = [
      ['ALBUTEROL HFA', 100],
      ['ALBUTEROL HFA', 60],
      ['ALBUTEROL HFA', 20],
    ];
    expect(gaps({ age: 30, codes: ['J45.909'], fills: three })).toContain(
      'gap.saba-overuse: albuterol: 3 fills in 12 months',
    );
    expect(gaps({ age: 30, codes: ['J45.909'], fills: three.slice(1) })).toEqual([]);
  });

  it('START: an anticoagulant in atrial fibrillation, a statin in ASCVD, a laxative with a regular opioid', () => {
    expect(gaps({ age: 78, codes: ['I48.91'], meds: ['metoprolol'] }).join()).toMatch(
      /start\.[a-z0-9.-]+: .*(anticoagul)/i,
    );
    expect(gaps({ age: 78, codes: ['I48.91'], meds: ['metoprolol', 'apixaban'] }).join()).not.toMatch(/anticoagul/i);
    expect(gaps({ age: 72, codes: ['I25.10'], meds: ['aspirin'] }).join()).toMatch(/statin/i);
    expect(gaps({ age: 80, meds: [['oxycodone', '5 mg', '1 po q6h']] }).join()).toMatch(/laxative/);
    expect(gaps({ age: 80, meds: [['oxycodone', '5 mg', '1 po q6h prn pain']] }).join()).not.toMatch(/laxative/);
    expect(gaps({ age: 80, meds: [['oxycodone', '5 mg', '1 po q6h'], 'senna'] }).join()).not.toMatch(/laxative/);
  });
});
