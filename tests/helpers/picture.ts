// A hand-made clinical picture for the pure rule tests: medicines as list entries (product, with
// strength and directions when given), fills of the last 12 months, conditions, labs, genotypes.
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import type { LabFact, Picture } from '../../main/checks/clinical-picture';
import { conditionGroupsOf } from '../../main/checks/condition-groups';
import { ckdEpi2021, cockcroftGault } from '../../main/checks/kidney';
import { fillMedicine, listMedicine } from '../../main/checks/medicine';
import { listedIngredient } from '../../main/medications/vocabulary/bundled';

export interface PictureInput {
  age?: number;
  sex?: 'female' | 'male';
  /** "warfarin", or [product, strength, sig] */
  meds?: (string | [string, string, string])[];
  /** Fills of the last 12 months: drug description, days ago (30 days' supply). */
  fills?: [string, number][];
  codes?: string[];
  labs?: Partial<Record<LabFact, number>>;
  genotypes?: { gene: string; result: string }[];
}

export function picture(p: PictureInput = {}): Picture {
  const today = todayIso();
  const age = p.age ?? 75;
  const sex = p.sex ?? 'female';
  const medicines = (p.meds ?? []).map((m, i) => {
    const [product, strength, sig] = typeof m === 'string' ? [m, null, null] : m;
    const key = listedIngredient(null, product);
    if (!key) throw new Error(`${product} is not in the vocabulary`);
    return listMedicine(key, {
      id: `m${i}`,
      product,
      kind: null,
      strength,
      dose_form: null,
      sig,
      start_date: isoDaysBefore(today, 400),
    });
  });
  const yearFills = (p.fills ?? []).map(([name, ago]) => ({
    ingredient: listedIngredient(null, name)!,
    product: name,
    date: isoDaysBefore(today, ago),
    daysSupply: 30,
  }));
  const labs = Object.fromEntries(
    Object.entries(p.labs ?? {}).map(([k, v]) => [k, { value: v, takenOn: isoDaysBefore(today, 10) }]),
  );
  const scr = p.labs?.scr;
  const weight = p.labs?.weight;
  return {
    patientId: 'p1',
    name: 'Test, Patient',
    dateOfBirth: isoDaysBefore(today, age * 365.25 + 100),
    age,
    sex,
    today,
    medicines,
    yearFills,
    fillCounts: yearFills.reduce(
      (m, f) =>
        m.set(f.ingredient, {
          fills: (m.get(f.ingredient)?.fills ?? 0) + 1,
          first: m.get(f.ingredient)?.first ?? f.date,
        }),
      new Map<string, { fills: number; first: string }>(),
    ),
    pastMedicines: yearFills.map((f) => fillMedicine(f.ingredient, f.product, 30, 30, f.date)),
    codes: p.codes ?? [],
    conditionGroups: conditionGroupsOf(p.codes ?? []),
    coreDiseases: coreDiseasesOf(p.codes ?? []),
    labs,
    kidney: {
      crcl: scr && weight ? Math.round(cockcroftGault(age, weight, scr, sex)) : null,
      egfr: scr ? Math.round(ckdEpi2021(age, scr, sex)) : null,
      scrDate: scr ? isoDaysBefore(today, 10) : null,
      note: null,
    },
    genotypes: (p.genotypes ?? []).map((g) => ({ ...g, testedOn: '2025-01-01' })),
    uncoded: [],
  };
}
