// Hand-written patients an experienced geriatric pharmacist would recognise: problems the checks must
// find (with the rule family that finds them) and ordinary regimens that must raise nothing of
// moderate severity or more.
import type { ClinicalCase } from '../helpers/clinical-patient';

export interface Scenario extends ClinicalCase {
  name: string;
  /** Each expected problem: the family, and ingredients that must all be among those involved (or in the title). */
  expect?: { family: string; involves: string[] }[];
}

const tab = (product: string, strength: string, sig: string) => ({ product, strength, sig });

export const PROBLEMS: Scenario[] = [
  {
    name: 'warfarin with fluconazole',
    age: 74,
    medicines: [tab('warfarin', '5 mg', '1 po daily'), tab('fluconazole', '150 mg', '1 po weekly')],
    expect: [{ family: 'interaction', involves: ['warfarin', 'fluconazole'] }],
  },
  {
    name: 'apixaban with ibuprofen at 80',
    age: 80,
    labs: { weight: 70, scr: 1.0 },
    conditions: ['I48.91'],
    medicines: [
      tab('Eliquis', '5 mg', '1 po bid'),
      { product: 'Advil 200 mg', kind: 'otc', sig: '2 tabs po q6h prn pain' },
    ],
    expect: [{ family: 'interaction', involves: ['apixaban', 'ibuprofen'] }],
  },
  {
    name: 'two benzodiazepines',
    age: 72,
    medicines: [tab('lorazepam', '1 mg', '1 po bid prn anxiety'), tab('clonazepam', '0.5 mg', '1 po qhs')],
    expect: [
      { family: 'duplication', involves: ['lorazepam', 'clonazepam'] },
      { family: 'olderAdult', involves: ['lorazepam'] },
    ],
  },
  {
    name: 'diphenhydramine at 78',
    age: 78,
    medicines: [{ product: 'Benadryl 25 mg', kind: 'otc', sig: '1 po qhs prn sleep' }],
    expect: [{ family: 'olderAdult', involves: ['diphenhydramine'] }],
  },
  {
    name: 'ibuprofen in heart failure',
    age: 76,
    conditions: ['I50.22'],
    medicines: [
      tab('ibuprofen', '400 mg', '1 po tid'),
      tab('furosemide', '40 mg', '1 po daily'),
      tab('carvedilol', '12.5 mg', '1 po bid'),
    ],
    expect: [{ family: 'diseaseDrug', involves: ['ibuprofen'] }],
  },
  {
    name: 'spironolactone at a creatinine clearance near 19',
    age: 82,
    sex: 'female',
    labs: { weight: 58, scr: 2.3 },
    medicines: [tab('spironolactone', '25 mg', '1 po daily'), tab('lisinopril', '10 mg', '1 po daily')],
    expect: [{ family: 'renal', involves: ['spironolactone'] }],
  },
  {
    name: 'meperidine is recognised and flagged',
    age: 70,
    medicines: [tab('meperidine', '50 mg', '1 po q4h prn pain')],
    expect: [{ family: 'olderAdult', involves: ['meperidine'] }],
  },
  {
    name: 'theophylline with ciprofloxacin',
    age: 71,
    medicines: [tab('theophylline ER', '300 mg', '1 po bid'), tab('ciprofloxacin', '500 mg', '1 po bid x 7 days')],
    expect: [{ family: 'interaction', involves: ['theophylline', 'ciprofloxacin'] }],
  },
  {
    name: 'linezolid with sertraline',
    age: 68,
    medicines: [tab('linezolid', '600 mg', '1 po bid'), tab('sertraline', '100 mg', '1 po daily')],
    expect: [{ family: 'interaction', involves: ['linezolid', 'sertraline'] }],
  },
  {
    name: 'antipsychotic in dementia',
    age: 84,
    conditions: ['F03.90'],
    medicines: [tab('quetiapine', '25 mg', '1 po qhs')],
    expect: [{ family: 'diseaseDrug', involves: ['quetiapine'] }],
  },
  {
    name: 'anticholinergic bladder drug in dementia',
    age: 81,
    conditions: ['G30.1'],
    medicines: [tab('oxybutynin', '5 mg', '1 po tid'), tab('donepezil', '10 mg', '1 po qhs')],
    expect: [{ family: 'diseaseDrug', involves: ['oxybutynin'] }],
  },
  {
    name: 'metoclopramide in Parkinson disease',
    age: 77,
    conditions: ['G20.A1'],
    medicines: [tab('metoclopramide', '10 mg', '1 po qid'), tab('carbidopa-levodopa', '25-100 mg', '1 po tid')],
    expect: [{ family: 'diseaseDrug', involves: ['metoclopramide'] }],
  },
  {
    name: 'zolpidem after falls',
    age: 79,
    conditions: ['Z91.81'],
    medicines: [tab('zolpidem', '10 mg', '1 po qhs')],
    expect: [{ family: 'diseaseDrug', involves: ['zolpidem'] }],
  },
  {
    name: 'glyburide at 80',
    age: 80,
    conditions: ['E11.9'],
    medicines: [tab('glyburide', '5 mg', '1 po bid'), tab('metformin', '500 mg', '1 po bid')],
    expect: [{ family: 'olderAdult', involves: ['glyburide'] }],
  },
  {
    name: 'digoxin above 0.125 mg',
    age: 83,
    labs: { weight: 65, scr: 1.1 },
    medicines: [tab('digoxin', '0.25 mg', '1 po daily')],
    expect: [{ family: 'olderAdult', involves: ['digoxin'] }],
  },
  {
    name: 'citalopram 40 mg at 70',
    age: 70,
    medicines: [tab('citalopram', '40 mg', '1 po daily')],
    expect: [{ family: 'dose', involves: ['citalopram'] }],
  },
  {
    name: 'simvastatin 40 mg with amlodipine',
    age: 69,
    medicines: [tab('simvastatin', '40 mg', '1 po qhs'), tab('amlodipine', '10 mg', '1 po daily')],
    expect: [{ family: 'dose', involves: ['simvastatin'] }],
  },
  {
    name: 'apixaban 5 mg twice daily meeting two dose-reduction criteria',
    age: 84,
    labs: { weight: 55, scr: 1.2 },
    conditions: ['I48.20'],
    medicines: [tab('apixaban', '5 mg', '1 po bid')],
    expect: [{ family: 'dose', involves: ['apixaban'] }],
  },
  {
    name: 'acetaminophen in two products over 4 g',
    age: 73,
    medicines: [
      { product: 'Tylenol Extra Strength 500 mg', kind: 'otc', sig: '2 tabs po q6h' },
      tab('hydrocodone-acetaminophen', '5-325 mg', '1 po q6h prn pain'),
    ],
    expect: [
      { family: 'duplication', involves: ['acetaminophen'] },
      { family: 'dose', involves: ['acetaminophen'] },
    ],
  },
  {
    name: 'lisinopril with losartan',
    age: 71,
    medicines: [tab('lisinopril', '20 mg', '1 po daily'), tab('losartan', '50 mg', '1 po daily')],
    expect: [{ family: 'duplication', involves: ['lisinopril', 'losartan'] }],
  },
  {
    name: 'triple whammy',
    age: 78,
    medicines: [
      tab('lisinopril-hydrochlorothiazide', '20-12.5 mg', '1 po daily'),
      tab('naproxen', '500 mg', '1 po bid'),
    ],
    expect: [{ family: 'interaction', involves: ['naproxen'] }],
  },
  {
    name: 'opioid with gabapentin',
    age: 76,
    medicines: [
      tab('oxycodone', '5 mg', '1 po q6h prn pain'),
      tab('gabapentin', '300 mg', '1 po tid'),
      { product: 'senna', kind: 'otc', sig: '2 tabs po qhs' },
    ],
    expect: [{ family: 'interaction', involves: ['oxycodone', 'gabapentin'] }],
  },
  {
    name: 'opioid without a laxative',
    age: 80,
    medicines: [tab('oxycodone', '5 mg', '1 po q6h'), tab('acetaminophen', '500 mg', '2 po tid')],
    expect: [{ family: 'missingTherapy', involves: [] }],
  },
  {
    name: 'atrial fibrillation without an anticoagulant',
    age: 78,
    conditions: ['I48.91', 'I10'],
    medicines: [tab('metoprolol succinate ER', '50 mg', '1 po daily'), tab('amlodipine', '5 mg', '1 po daily')],
    expect: [{ family: 'missingTherapy', involves: [] }],
  },
  {
    name: 'metformin at eGFR under 30',
    age: 79,
    labs: { weight: 70, scr: 2.1 },
    conditions: ['E11.9'],
    medicines: [tab('metformin', '1000 mg', '1 po bid')],
    expect: [{ family: 'renal', involves: ['metformin'] }],
  },
  {
    name: 'gabapentin 900 mg a day at a clearance under 30',
    age: 85,
    labs: { weight: 60, scr: 1.9 },
    medicines: [tab('gabapentin', '300 mg', '1 po tid')],
    expect: [{ family: 'renal', involves: ['gabapentin'] }],
  },
  {
    name: 'three CNS-active drugs',
    age: 77,
    medicines: [
      tab('sertraline', '50 mg', '1 po daily'),
      tab('trazodone', '50 mg', '1 po qhs'),
      tab('gabapentin', '300 mg', '1 po tid'),
      tab('tramadol', '50 mg', '1 po q6h prn pain'),
    ],
    expect: [{ family: 'burden', involves: [] }],
  },
  {
    name: 'clopidogrel with omeprazole',
    age: 72,
    medicines: [
      tab('clopidogrel', '75 mg', '1 po daily'),
      tab('omeprazole', '20 mg', '1 po daily'),
      tab('aspirin', '81 mg', '1 po daily'),
    ],
    expect: [{ family: 'interaction', involves: ['clopidogrel', 'omeprazole'] }],
  },
  {
    name: 'sulfamethoxazole-trimethoprim with spironolactone and lisinopril',
    age: 80,
    medicines: [
      tab('Bactrim DS', '800-160 mg', '1 po bid x 7 days'),
      tab('spironolactone', '25 mg', '1 po daily'),
      tab('lisinopril', '10 mg', '1 po daily'),
    ],
    expect: [{ family: 'interaction', involves: ['spironolactone'] }],
  },
  {
    name: 'nitrofurantoin at a clearance under 30',
    age: 86,
    labs: { weight: 52, scr: 1.6 },
    medicines: [tab('nitrofurantoin', '100 mg', '1 po bid x 5 days')],
    expect: [{ family: 'renal', involves: ['nitrofurantoin'] }],
  },
  {
    name: 'diabetes medicine on the list and no statin (no fills, no diagnosis recorded)',
    age: 66,
    medicines: [tab('metformin', '500 mg', '1 po bid'), tab('lisinopril', '10 mg', '1 po daily')],
    expect: [{ family: 'missingTherapy', involves: ['metformin'] }],
  },
  {
    name: 'statin missing in established ASCVD',
    age: 70,
    conditions: ['I25.10'],
    medicines: [tab('aspirin', '81 mg', '1 po daily'), tab('metoprolol tartrate', '25 mg', '1 po bid')],
    expect: [{ family: 'missingTherapy', involves: [] }],
  },
];

export const ORDINARY: Scenario[] = [
  {
    name: 'hypertension, type 2 diabetes, high cholesterol',
    age: 72,
    sex: 'male',
    labs: { weight: 88, scr: 1.0 },
    conditions: ['I10', 'E11.9', 'E78.5'],
    medicines: [
      tab('lisinopril', '10 mg', '1 po daily'),
      tab('amlodipine', '5 mg', '1 po daily'),
      tab('atorvastatin', '40 mg', '1 po daily'),
      tab('metformin', '500 mg', '1 po bid'),
    ],
  },
  {
    name: 'after a heart attack with a stent',
    age: 68,
    sex: 'male',
    labs: { weight: 82, scr: 1.1 },
    conditions: ['I25.10', 'I25.2', 'I10'],
    medicines: [
      tab('aspirin', '81 mg', '1 po daily'),
      tab('clopidogrel', '75 mg', '1 po daily'),
      tab('metoprolol succinate ER', '50 mg', '1 po daily'),
      tab('atorvastatin', '80 mg', '1 po qhs'),
      tab('lisinopril', '5 mg', '1 po daily'),
      { product: 'nitroglycerin 0.4 mg sublingual tablet', sig: '1 SL q5min prn CP max 3' },
    ],
  },
  {
    name: 'atrial fibrillation on apixaban at full dose',
    age: 74,
    sex: 'female',
    labs: { weight: 78, scr: 0.9 },
    conditions: ['I48.91', 'I10'],
    medicines: [
      tab('Eliquis', '5 mg', '1 po bid'),
      tab('metoprolol succ ER', '25 mg', '1 po daily'),
      tab('atorvastatin', '20 mg', '1 po daily'),
    ],
  },
  {
    name: 'COPD on two inhalers of different classes and a rescue inhaler',
    age: 71,
    conditions: ['J44.9'],
    medicines: [
      { product: 'Spiriva Respimat 2.5 mcg inhaler', sig: 'inh 2 puffs daily' },
      { product: 'fluticasone-salmeterol 250-50 inhaler', sig: 'inh 1 puff bid' },
      { product: 'albuterol HFA inhaler', sig: 'INH 2 PUFFS Q4H PRN SOB' },
    ],
  },
  {
    name: 'hypothyroidism, osteoporosis, supplements',
    age: 76,
    conditions: ['E03.9', 'M81.0'],
    medicines: [
      tab('levothyroxine', '75 mcg', '1 po qam'),
      { product: 'alendronate 70 mg tablet', sig: '1 po weekly' },
      { product: 'calcium carbonate 600 mg', kind: 'otc', sig: '1 po bid' },
      { product: 'vit D3 2000', kind: 'supplement', sig: '1 po daily' },
    ],
  },
  {
    name: 'BPH on tamsulosin and finasteride',
    age: 74,
    sex: 'male',
    conditions: ['N40.1'],
    medicines: [tab('tamsulosin', '0.4 mg', '1 po qhs'), tab('finasteride', '5 mg', '1 po daily')],
  },
  {
    name: 'three medicines for blood pressure',
    age: 70,
    conditions: ['I10'],
    labs: { weight: 80, scr: 1.0, potassium: 4.2 },
    medicines: [
      tab('losartan', '100 mg', '1 po daily'),
      tab('HCTZ', '25 mg', '1 po daily'),
      tab('amlodipine', '10 mg', '1 po daily'),
    ],
  },
  {
    name: 'type 2 diabetes on metformin, a DPP-4 inhibitor and an SGLT2 inhibitor',
    age: 69,
    labs: { weight: 90, scr: 0.9 },
    conditions: ['E11.9', 'I10'],
    medicines: [
      tab('metformin', '1000 mg', '1 po bid'),
      tab('sitagliptin', '100 mg', '1 po daily'),
      tab('Jardiance', '10 mg', '1 po daily'),
      tab('lisinopril', '20 mg', '1 po daily'),
      tab('rosuvastatin', '10 mg', '1 po daily'),
    ],
  },
  {
    name: 'gout prevention with hypertension',
    age: 67,
    sex: 'male',
    labs: { weight: 95, scr: 1.1 },
    conditions: ['M10.9', 'I10'],
    medicines: [
      tab('allopurinol', '300 mg', '1 po daily'),
      tab('amlodipine', '5 mg', '1 po daily'),
      tab('losartan', '50 mg', '1 po daily'),
    ],
  },
  {
    name: 'GERD, short course of a PPI',
    age: 66,
    conditions: ['K21.9'],
    medicines: [{ ...tab('omeprazole', '20 mg', '1 po daily before breakfast'), startedDaysAgo: 30 }],
  },
  {
    name: 'glaucoma drops and hypertension',
    age: 73,
    conditions: ['H40.1130', 'I10'],
    medicines: [
      { product: 'latanoprost 0.005% eye drops', sig: '1 gtt OU qhs' },
      { product: 'timolol 0.5% eye drops', sig: '1 gtt OU bid' },
      tab('lisinopril', '10 mg', '1 po daily'),
    ],
  },
  {
    name: 'Alzheimer disease on donepezil and memantine',
    age: 82,
    labs: { weight: 60, scr: 0.9 },
    conditions: ['G30.1', 'I10'],
    medicines: [
      tab('donepezil', '10 mg', '1 po qhs'),
      tab('memantine', '10 mg', '1 po bid'),
      tab('amlodipine', '5 mg', '1 po daily'),
    ],
  },
  {
    name: 'depression on sertraline',
    age: 70,
    conditions: ['F32.A'],
    medicines: [tab('sertraline', '50 mg', '1 po daily'), tab('atorvastatin', '20 mg', '1 po daily')],
  },
  {
    name: 'heart failure on guideline therapy with normal potassium',
    age: 72,
    sex: 'male',
    labs: { weight: 84, scr: 1.1, potassium: 4.4 },
    conditions: ['I50.22'],
    medicines: [
      tab('Entresto', '49-51 mg', '1 po bid'),
      tab('carvedilol', '12.5 mg', '1 po bid'),
      tab('spironolactone', '25 mg', '1 po daily'),
      tab('Farxiga', '10 mg', '1 po daily'),
      tab('furosemide', '20 mg', '1 po daily'),
    ],
  },
  {
    name: 'long-acting opioid with breakthrough and a laxative',
    age: 70,
    conditions: ['C61'],
    medicines: [
      tab('oxycodone ER', '20 mg', '1 po q12h'),
      tab('oxycodone', '5 mg', '1 po q4h prn pain'),
      { product: 'senna 8.6 mg', kind: 'otc', sig: '2 tabs po qhs' },
      { product: 'polyethylene glycol 3350', kind: 'otc', sig: '17 g po daily' },
    ],
  },
];
