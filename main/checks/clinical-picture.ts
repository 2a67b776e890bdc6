// A patient's clinical picture, the one input of every check: current medicines (list and fills
// still in supply), the year's fills, conditions, latest labs and kidney estimates, genotypes and
// age. Loaded by the same queries for one patient (the patient screen) or for every living patient
// at once (the population worklist), so both see exactly the same facts.
import { FILL_GRACE_DAYS } from '../../preload/schemas/checks';
import { coreDiseasesOf } from '../../preload/schemas/clinical';
import { ageOnIso, isoDaysBefore } from '../../preload/schemas/dates';
import { groupBy } from '../common/group-by';
import { insertionOrder } from '../db/dialect';
import type { Row } from '../db/rows';
import { all, sql, type Q } from '../db/sql';
import { listedIngredient } from '../medications/vocabulary/bundled';
import { recognisedKey, recogniseFills } from '../medications/vocabulary/recognise-fills';
import { conditionGroupsOf } from './condition-groups';
import { isCurrentFill } from './current-fills';
import { ckdEpi2021, cockcroftGault } from './kidney';
import { fillMedicine, listMedicine, type ListRow, type Medicine } from './medicine';

export type LabFact = 'scr' | 'weight' | 'potassium' | 'sodium' | 'inr' | 'a1c' | 'heartRate' | 'egfr';

export interface Kidney {
  crcl: number | null;
  egfr: number | null;
  scrDate: string | null;
  note: string | null;
}
export interface YearFill {
  ingredient: string;
  product: string;
  date: string;
  daysSupply: number;
}
export interface Picture {
  patientId: string;
  name: string;
  dateOfBirth: string;
  age: number;
  sex: string;
  today: string;
  /** What the patient takes now: each list entry, and each fill still in supply that no list entry names. */
  medicines: Medicine[];
  /**
   * One per drug and fill date over the last 12 months, for adherence; empty in the pharmacy-wide pass (the adherence
   * worklist measures it).
   */
  yearFills: YearFill[];
  /** Per drug filled in the last 12 months: how many fill dates, and the first (care gaps count fills). */
  fillCounts: ReadonlyMap<string, { fills: number; first: string }>;
  /** Fills of the last 12 months as medicines, for rules that look back. */
  pastMedicines: Medicine[];
  codes: string[];
  conditionGroups: Set<string>;
  coreDiseases: Set<string>;
  labs: Partial<Record<LabFact, { value: number; takenOn: string }>>;
  kidney: Kidney;
  genotypes: { gene: string; result: string; testedOn: string }[];
  /** List entries the vocabulary does not recognise: no rule can see them. */
  uncoded: string[];
}

/** A fill read with `drug_key IS NOT NULL`, and the fill's insertion order (`row`). */
type KeyedFill = Pick<Row<'fills'>, 'patient_id' | 'fill_date' | 'days_supply'> & { drug_key: string; row: number };
type FillDetail = Pick<Row<'fills'>, 'drug_name' | 'quantity'>;
/** Per patient and drug: how many fill dates, and the first. */
type FillSummary = Pick<Row<'fills'>, 'patient_id'> & { drug_key: string; fills: number; first: string };

interface Rows {
  patients: Pick<Row<'patients'>, 'id' | 'first_name' | 'last_name' | 'date_of_birth' | 'sex'>[];
  listed: (ListRow & Pick<Row<'patient_medications'>, 'patient_id' | 'rxcui'>)[];
  /**
   * From the fills index alone (no table read): the row id fetches name and quantity for the few fills that need them.
   */
  fills: KeyedFill[];
  /**
   * Per patient and drug, the year's fills before the current window; null when `fills` holds the whole year (one
   * patient).
   */
  summary: FillSummary[] | null;
  conditions: Pick<Row<'patient_conditions'>, 'patient_id' | 'code'>[];
  labs: (Pick<Row<'patient_labs'>, 'patient_id' | 'value' | 'taken_on'> & { type: LabFact })[];
  genotypes: Pick<Row<'patient_genotypes'>, 'patient_id' | 'gene' | 'result' | 'tested_on'>[];
}

/**
 * Fills older than this cannot still be in supply: a supply of up to 90 days and the grace period;
 * longer supplies (up to 180 days) are read from further back.
 */
const USUAL_SUPPLY = 90;
const CURRENT_WINDOW_DAYS = USUAL_SUPPLY + FILL_GRACE_DAYS;
const LONG_WINDOW_DAYS = 180 + FILL_GRACE_DAYS;

/**
 * The queries behind the pictures; `patientId` narrows every one to one patient. For one patient the
 * year's fills are read day by day (adherence); for the whole pharmacy only the fills that can still
 * be in supply, and a count per drug for the year, since the day-by-day year is the adherence
 * worklist's read.
 */
async function readRows(q: Q, today: string, patientId: string | null): Promise<Rows> {
  const one = patientId !== null;
  // One patient: every query narrowed to them. The pharmacy: the living patients are read first and
  // the other tables whole (cheaper than asking each for living patients; the rest is dropped in build).
  const only = one ? sql`patient_id = ${patientId} AND ` : sql.empty;
  const living = one
    ? sql`patient_id = ${patientId}`
    : sql`patient_id IN (SELECT id FROM patients WHERE deleted_at IS NULL)`;
  const yearAgo = isoDaysBefore(today, 365);
  const windowStart = isoDaysBefore(today, CURRENT_WINDOW_DAYS);
  const row = insertionOrder();
  // One patient: the whole year (and the grace period). The pharmacy: the current window, and older fills only when
  // their supply was long.
  const fills = one
    ? await all<KeyedFill>(
        q,
        sql`SELECT patient_id, drug_key, fill_date, days_supply, ${row} AS row FROM fills
            WHERE patient_id = ${patientId}
              AND fill_date BETWEEN ${isoDaysBefore(today, 365 + FILL_GRACE_DAYS)} AND ${today} AND drug_key IS NOT NULL`,
      )
    : await all<KeyedFill>(
        q,
        sql`SELECT patient_id, drug_key, fill_date, days_supply, ${row} AS row FROM fills
            WHERE ${living} AND fill_date BETWEEN ${isoDaysBefore(today, LONG_WINDOW_DAYS)} AND ${today}
              AND drug_key IS NOT NULL AND (fill_date >= ${windowStart} OR days_supply > ${USUAL_SUPPLY})`,
      );
  return {
    patients: await all<Rows['patients'][number]>(
      q,
      sql`SELECT id, first_name, last_name, date_of_birth, sex FROM patients
          WHERE deleted_at IS NULL${one ? sql` AND id = ${patientId}` : sql.empty}`,
    ),
    listed: await all<Rows['listed'][number]>(
      q,
      sql`SELECT patient_id, id, product, rxcui, kind, strength, dose_form, sig, start_date FROM patient_medications
          WHERE ${only}stop_date IS NULL`,
    ),
    // Covered by the fills index (patient, day, drug, supply): SQLite seeks each patient's window, reads no table row
    // and never sorts.
    fills,
    // The year's fills before the current window, counted per drug (the window's own fills are counted from the rows).
    summary: one
      ? null
      : await all<FillSummary>(
          q,
          sql`SELECT patient_id, drug_key, count(DISTINCT fill_date) AS fills, min(fill_date) AS first FROM fills
              WHERE ${living} AND fill_date >= ${isoDaysBefore(today, 364)} AND fill_date < ${windowStart}
                AND drug_key IS NOT NULL
              GROUP BY patient_id, drug_key`,
        ),
    conditions: await all<Rows['conditions'][number]>(
      q,
      sql`SELECT patient_id, code FROM patient_conditions WHERE ${only}resolved_on IS NULL`,
    ),
    labs: await all<Rows['labs'][number]>(
      q,
      sql`SELECT patient_id, type, value, taken_on FROM patient_labs
          WHERE ${only}taken_on BETWEEN ${yearAgo} AND ${today}
          ORDER BY patient_id, type, taken_on DESC`,
    ),
    genotypes: await all<Rows['genotypes'][number]>(
      q,
      sql`SELECT patient_id, gene, result, tested_on FROM patient_genotypes
          WHERE ${one ? sql`patient_id = ${patientId}` : sql`1 = 1`}
          ORDER BY patient_id, gene, tested_on DESC, created_at DESC`,
    ),
  };
}

/** The fills index returns a patient's fills by date; sorted here too, so no plan change can reorder them. */
function byDate(fills: Rows['fills']): Rows['fills'] {
  for (let i = 1; i < fills.length; i++)
    if (fills[i]!.fill_date < fills[i - 1]!.fill_date)
      return [...fills].sort((a, b) => a.fill_date.localeCompare(b.fill_date));
  return fills;
}

/** One fill per drug and day, the largest supply (two fills of one drug on a day are one). */
function yearFillsOf(fills: Rows['fills']): YearFill[] {
  const out: YearFill[] = [];
  const at = new Map<string, YearFill>();
  for (const f of fills) {
    const k = `${f.drug_key}|${f.fill_date}`;
    const seen = at.get(k);
    if (seen) seen.daysSupply = Math.max(seen.daysSupply, f.days_supply);
    else {
      const y = { ingredient: f.drug_key, product: f.drug_key, date: f.fill_date, daysSupply: f.days_supply };
      at.set(k, y);
      out.push(y);
    }
  }
  return out;
}

/** Name and quantity of the fills that are current medicines (only those rows are read from the table). */
async function fillDetails(q: Q, ids: number[]): Promise<Map<number, FillDetail>> {
  const out = new Map<number, FillDetail>();
  // In batches inside SQLite's parameter limit.
  for (let i = 0; i < ids.length; i += 900) {
    const batch = ids.slice(i, i + 900);
    const rows = await all<FillDetail & { row: number }>(
      q,
      sql`SELECT ${insertionOrder()} AS row, drug_name, quantity FROM fills
          WHERE ${insertionOrder()} IN (${sql.list(batch)})`,
    );
    for (const r of rows) out.set(r.row, r);
  }
  return out;
}

/**
 * A drug of the year's fills, as the "unless also taking" and care-gap rules see it (shared: it holds nothing of the
 * patient).
 */
const pastCache = new Map<string, Medicine>();
export function pastMedicine(key: string): Medicine {
  let m = pastCache.get(key);
  if (!m) pastCache.set(key, (m = fillMedicine(key, null, 0, 0, '')));
  return m;
}

function kidneyOf(age: number, sex: string, labs: Picture['labs']): Kidney {
  const scr = labs.scr;
  const reported = labs.egfr?.value ?? null;
  if (!scr)
    return {
      crcl: null,
      egfr: reported,
      scrDate: null,
      note: reported === null ? 'No serum creatinine in the last 12 months: kidney function not estimated.' : null,
    };
  if (sex !== 'female' && sex !== 'male')
    return {
      crcl: null,
      egfr: reported,
      scrDate: scr.takenOn,
      note: 'Sex not recorded: kidney function cannot be estimated from the creatinine.',
    };
  const weight = labs.weight;
  return {
    crcl: weight ? Math.round(cockcroftGault(age, weight.value, scr.value, sex)) : null,
    egfr: Math.round(ckdEpi2021(age, scr.value, sex)),
    scrDate: scr.takenOn,
    note: weight ? null : 'No weight in the last 12 months: creatinine clearance (Cockcroft–Gault) not computed.',
  };
}

/** Builds pictures from the rows; list entries are recognised by the vocabulary, then by a loaded RxNorm release. */
/**
 * Builds each picture and hands it to `visit` at once: a pharmacy's pictures are never all held (they die young, which
 * the garbage collector prefers).
 */
async function build(q: Q, rows: Rows, today: string, visit: (p: Picture) => void): Promise<void> {
  const unrecognised = rows.listed.filter((m) => !listedIngredient(m.rxcui, m.product));
  const rxnorm = unrecognised.length
    ? await recogniseFills(
        q,
        unrecognised.map((m) => ({ ndc: null, drugName: m.product })),
      )
    : new Map<string, string | null>();
  const listed = groupBy(rows.listed, (r) => r.patient_id);
  const fills = groupBy(rows.fills, (r) => r.patient_id);
  const conditions = groupBy(rows.conditions, (r) => r.patient_id);
  const labs = groupBy(rows.labs, (r) => r.patient_id);
  const genotypes = groupBy(rows.genotypes, (r) => r.patient_id);
  const summaries = rows.summary ? groupBy(rows.summary, (r) => r.patient_id) : null;
  const yearStart = isoDaysBefore(today, 364);
  const countFrom = isoDaysBefore(today, CURRENT_WINDOW_DAYS);

  // First the list and the fills that are current medicines, so that only those fills are read in full.
  const firsts = rows.patients.map((p) => {
    const medicines: Medicine[] = [];
    const uncoded: string[] = [];
    for (const m of listed.get(p.id) ?? []) {
      const key = listedIngredient(m.rxcui, m.product) ?? recognisedKey(rxnorm, { ndc: null, drugName: m.product });
      if (key) medicines.push(listMedicine(key, m));
      else uncoded.push(m.product);
    }
    const own = byDate(fills.get(p.id) ?? []);
    // The latest fill of each drug still in supply, unless the list already names that drug.
    const onList = new Set(medicines.map((m) => m.key));
    const latest = new Map<string, Rows['fills'][number]>();
    for (const f of own)
      if (!onList.has(f.drug_key) && isCurrentFill(f.fill_date, f.days_supply, today)) latest.set(f.drug_key, f);
    return { p, medicines, uncoded, own, current: [...latest.values()] };
  });
  const details = await fillDetails(
    q,
    firsts.flatMap((x) => x.current.map((f) => f.row)),
  );

  for (const { p, medicines, uncoded, own, current } of firsts) {
    const age = ageOnIso(p.date_of_birth, today);
    // Fill dates per drug over the year: the summary of the older part, then the rows (by date, so a repeat of the last
    // date is the same fill day).
    const fillCounts = new Map<string, { fills: number; first: string; last?: string }>();
    for (const r of summaries?.get(p.id) ?? []) fillCounts.set(r.drug_key, { fills: r.fills, first: r.first });
    for (const f of own) {
      // The summary counted the pharmacy's fills before the window (a long supply read from there is not counted
      // twice).
      if (f.fill_date < (summaries ? countFrom : yearStart)) continue;
      const c = fillCounts.get(f.drug_key);
      if (!c) fillCounts.set(f.drug_key, { fills: 1, first: f.fill_date, last: f.fill_date });
      else if (c.last !== f.fill_date) {
        c.fills++;
        c.last = f.fill_date;
      }
    }
    const year = summaries ? [] : yearFillsOf(own.filter((f) => f.fill_date >= yearStart));
    for (const f of current) {
      const d = details.get(f.row);
      medicines.push(
        fillMedicine(
          f.drug_key,
          d?.drug_name ?? null,
          d?.quantity ?? 0,
          f.days_supply,
          fillCounts.get(f.drug_key)?.first ?? f.fill_date,
        ),
      );
    }
    const latestLab: Picture['labs'] = {};
    for (const l of labs.get(p.id) ?? []) latestLab[l.type] ??= { value: l.value, takenOn: l.taken_on };
    const codes = (conditions.get(p.id) ?? []).map((c) => c.code);
    const seenGene = new Set<string>();
    visit({
      patientId: p.id,
      name: `${p.last_name}, ${p.first_name}`,
      dateOfBirth: p.date_of_birth,
      age,
      sex: p.sex,
      today,
      medicines,
      yearFills: year,
      fillCounts,
      pastMedicines: [...fillCounts.keys()].map(pastMedicine),
      codes,
      conditionGroups: conditionGroupsOf(codes),
      coreDiseases: coreDiseasesOf(codes),
      labs: latestLab,
      kidney: kidneyOf(age, p.sex, latestLab),
      genotypes: (genotypes.get(p.id) ?? [])
        .filter((g) => !seenGene.has(g.gene) && seenGene.add(g.gene))
        .map((g) => ({ gene: g.gene, result: g.result, testedOn: g.tested_on })),
      uncoded,
    });
  }
}

export async function loadPicture(q: Q, patientId: string, today: string): Promise<Picture> {
  let picture: Picture | undefined;
  await build(q, await readRows(q, today, patientId), today, (p) => (picture = p));
  return picture!;
}

/** Every living patient's picture, one at a time, from set-based queries over the whole pharmacy. */
export async function forEachPicture(q: Q, today: string, visit: (p: Picture) => void): Promise<void> {
  await build(q, await readRows(q, today, null), today, visit);
}
