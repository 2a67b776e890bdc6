// A brown-bag review by scanner: each bottle the patient brought is scanned once; the code is read (GS1
// DataMatrix, UPC-A/EAN-13, or the pharmacy's own Rx label), the product named from what the pharmacy knows, and
// the scan kept. Where each bottle lands — on the list, filled here, new, expired, the same medicine twice, from
// two pharmacies — and which list medicines had no bottle is worked out whenever the bag is read, so it follows
// the list as the pharmacist adds the new ones.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatIsoDate, todayIso } from '../../preload/schemas/dates';
import { SOURCE_LABELS, type MEDICATION_SOURCES } from '../../preload/schemas/medications';
import type {
  Bag,
  BagFlag,
  BagLine,
  bagRequest,
  ScanKind,
  ScanResult,
  scanRequest,
} from '../../preload/schemas/scanning';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql, type Q } from '../db/sql';
import { dashed } from '../fills/ndc';
import { productIngredients } from '../medications/vocabulary/bundled';
import { lookupNdcProduct, resolveTenDigitNdc } from '../ndc-directory/resolve-ndc';
import { assertLivePatient } from '../patients/patient-store';
import { getSettings } from '../settings/pharmacy-settings';
import { readScan } from './read-scan';
import { readOptionsOf } from './scanner-settings';

type BagKey = z.output<typeof bagRequest>;
type ScanRow = Row<'bag_scans'>;
type Source = (typeof MEDICATION_SOURCES)[number];

const refused = (message: string) => new AppError('validation', message, 'code', [{ field: 'code', message }]);

/** The scans of one bag, oldest first: a review's, or the patient's today outside any review. */
const bagRows = (q: Q, bag: BagKey) =>
  all<ScanRow>(
    q,
    bag.reviewId
      ? sql`SELECT * FROM bag_scans WHERE review_id = ${bag.reviewId} ORDER BY scanned_at, id`
      : sql`SELECT * FROM bag_scans WHERE patient_id = ${bag.patientId} AND review_id IS NULL
              AND scanned_on = ${todayIso()} ORDER BY scanned_at, id`,
  );

async function checkBag(q: Q, bag: BagKey): Promise<void> {
  await assertLivePatient(q, bag.patientId);
  if (!bag.reviewId) return;
  const review = await one<Pick<Row<'reviews'>, 'patient_id' | 'status'>>(
    q,
    sql`SELECT patient_id, status FROM reviews WHERE id = ${bag.reviewId}`,
  );
  if (!review || review.patient_id !== bag.patientId)
    throw new AppError('notFound', 'That review is not this patient’s.');
  if (review.status === 'completed')
    throw new AppError(
      'conflict',
      'This review is closed: scan the bottles in a new review or on the medication list.',
    );
}

/** What a scan keeps: the code's facts and the product named (`ndc` as 11 digits), and the fill a label named. */
type Product = Pick<
  BagLine,
  'kind' | 'product' | 'strength' | 'doseForm' | 'lot' | 'expiry' | 'serial' | 'rxNumber'
> & {
  ndc: string | null;
  fillId: string | null;
};

/** The 11-digit NDC of a code's 10-digit one, or why the bottle cannot be named. */
async function elevenDigit(q: Q, ndc10: string): Promise<string> {
  const read = await resolveTenDigitNdc(q, ndc10);
  if ('ndc11' in read) return read.ndc11;
  throw refused(
    `This bottle’s NDC (${ndc10}) is not known to the pharmacy’s fills, RxNorm or the FDA NDC Directory, so it cannot be named. Load the directory (mtm import ndc) or add the medicine by hand.`,
  );
}

/** What the scanned code says and which product it names; a code that says nothing usable changes nothing. */
async function productOf(q: Q, patientId: string, code: string): Promise<Product> {
  const read = readScan(code, readOptionsOf((await getSettings(q)).scanner));
  if (read.kind === 'unknown') throw refused(`${read.problem}. Nothing was added: scan the bottle again.`);
  const blank = { lot: null, expiry: null, serial: null, rxNumber: null, fillId: null };
  if (read.kind === 'label') {
    const fill = await one<Pick<Row<'fills'>, 'id' | 'patient_id' | 'ndc' | 'drug_name' | 'strength' | 'dose_form'>>(
      q,
      sql`SELECT id, patient_id, ndc, drug_name, strength, dose_form FROM fills WHERE rx_number = ${read.rxNumber}
          ORDER BY patient_id = ${patientId} DESC, fill_date DESC, fill_number DESC LIMIT 1`,
    );
    if (!fill) throw refused(`Rx ${read.rxNumber} is not one of this pharmacy’s prescriptions. Nothing was added.`);
    if (fill.patient_id !== patientId)
      throw refused(
        `Rx ${read.rxNumber} was filled for another patient. Check that this bottle is this patient’s; nothing was added.`,
      );
    return {
      ...blank,
      kind: 'label',
      ndc: fill.ndc,
      product: fill.drug_name ?? `Rx ${read.rxNumber}`,
      strength: fill.strength,
      doseForm: fill.dose_form,
      rxNumber: read.rxNumber,
      fillId: fill.id,
    };
  }
  if (!read.ndc10)
    throw refused(`This code (GTIN ${read.gtin}) is not a US drug code: it carries no NDC. Nothing was added.`);
  const ndc = await elevenDigit(q, read.ndc10);
  const named = await lookupNdcProduct(q, ndc);
  if (!named)
    throw refused(
      `NDC ${dashed(ndc)} is not named by the pharmacy’s fills, RxNorm or the FDA NDC Directory. Add the medicine by hand.`,
    );
  const gs1 = read.kind === 'gs1' ? read : null;
  return {
    ...blank,
    kind: read.kind,
    ndc,
    product: named.name,
    strength: named.strength,
    doseForm: named.form,
    lot: gs1?.lot ?? null,
    expiry: gs1?.expiry ?? null,
    serial: gs1?.serial ?? null,
  };
}

interface Known {
  meds: { id: string; product: string; source: Source; ingredients: string[] }[];
  fills: { id: string; ndc: string | null; rxNumber: string; fillDate: string; ingredients: string[] }[];
}

async function knownFor(q: Q, patientId: string): Promise<Known> {
  const meds = await all<Pick<Row<'patient_medications'>, 'id' | 'product' | 'rxcui' | 'source'>>(
    q,
    sql`SELECT id, product, rxcui, source FROM patient_medications
        WHERE patient_id = ${patientId} AND stop_date IS NULL ORDER BY product, id`,
  );
  const fills = await all<Pick<Row<'fills'>, 'id' | 'ndc' | 'rx_number' | 'fill_date' | 'drug_name'>>(
    q,
    sql`SELECT id, ndc, rx_number, fill_date, drug_name FROM fills WHERE patient_id = ${patientId}
        ORDER BY fill_date DESC, fill_number DESC`,
  );
  return {
    meds: meds.map((m) => ({
      id: m.id,
      product: m.product,
      source: m.source as Source,
      ingredients: productIngredients(m.rxcui, m.product),
    })),
    fills: fills.map((f) => ({
      id: f.id,
      ndc: f.ndc,
      rxNumber: f.rx_number,
      fillDate: f.fill_date,
      ingredients: productIngredients(null, f.drug_name ?? ''),
    })),
  };
}

const sameMedicine = (a: string[], b: string[]) => a.length > 0 && a.join('+') === b.join('+');

/** Each scan where it lands, what it raises, and the list medicines no bottle matched. */
function reconcile(rows: ScanRow[], known: Known, today: string): Bag {
  const lines: BagLine[] = [];
  const bottled = new Set<string>();
  const seen: string[][] = [];
  for (const r of rows) {
    const ingredients = productIngredients(null, r.product);
    const fill =
      known.fills.find((f) => f.id === r.fill_id) ??
      known.fills.find((f) => r.ndc !== null && f.ndc === r.ndc) ??
      known.fills.find((f) => sameMedicine(f.ingredients, ingredients));
    const med = known.meds.find((m) => sameMedicine(m.ingredients, ingredients) || m.product === r.product);
    if (med) bottled.add(med.id);
    const where = [
      med && `On the list (${SOURCE_LABELS[med.source]})`,
      fill && `filled here ${formatIsoDate(fill.fillDate)}`,
    ].filter(Boolean);
    const flags: BagFlag[] = [];
    const proposals: string[] = [];
    if (r.expiry && r.expiry < today) {
      flags.push('expired');
      proposals.push(
        `${r.product}: this bottle expired on ${formatIsoDate(r.expiry)}. Ask the patient to stop using it and dispose of it; replace it if the medicine is still needed.`,
      );
    }
    if (seen.some((s) => sameMedicine(s, ingredients))) {
      flags.push('twice');
      proposals.push(
        `${r.product}: a second bottle of the same medicine. Check whether the patient takes both (possible duplication).`,
      );
    }
    const elsewhere = known.meds.some((m) => m.source === 'otherPharmacy' && sameMedicine(m.ingredients, ingredients));
    if (fill && elsewhere) {
      flags.push('twoPharmacies');
      proposals.push(
        `${r.product}: filled here and also listed from another pharmacy. Check for duplicate therapy and agree on one pharmacy.`,
      );
    }
    seen.push(ingredients);
    lines.push({
      id: r.id,
      scannedAt: r.scanned_at,
      scannedBy: r.scanned_by,
      kind: r.kind as ScanKind,
      ndc: r.ndc ? dashed(r.ndc) : null,
      product: r.product,
      strength: r.strength,
      doseForm: r.dose_form,
      lot: r.lot,
      expiry: r.expiry,
      serial: r.serial,
      rxNumber: r.rx_number,
      place: med || fill ? 'matched' : 'new',
      medicationId: med?.id ?? null,
      matchedTo: where.length ? where.join('; ').replace(/^f/, 'F') : null,
      flags,
      proposals,
    });
  }
  const noBottle = known.meds
    .filter((m) => !bottled.has(m.id))
    .map((m) => ({ medicationId: m.id, product: m.product }));
  const count = (p: (l: BagLine) => boolean) => lines.filter(p).length;
  return {
    lines,
    noBottle,
    counts: {
      scanned: lines.length,
      matched: count((l) => l.place === 'matched'),
      new: count((l) => l.place === 'new'),
      expired: count((l) => l.flags.includes('expired')),
      twice: count((l) => l.flags.includes('twice')),
      noBottle: noBottle.length,
    },
  };
}

export async function readBag(q: Q, bag: BagKey): Promise<Bag> {
  await checkBag(q, bag);
  return reconcile(await bagRows(q, bag), await knownFor(q, bag.patientId), todayIso());
}

/** "Lisinopril 10 MG Oral Tablet: on the list (Our pharmacy fills). Expired 03/31/2025." */
function saying(line: BagLine): string {
  const where = line.place === 'matched' ? line.matchedTo! : 'New: not on the list and not filled here';
  const expired = line.flags.includes('expired') ? ` Expired ${formatIsoDate(line.expiry!)}.` : '';
  const twice = line.flags.includes('twice') ? ' Same medicine as another bottle.' : '';
  return `${line.product}: ${where}.${expired}${twice}`;
}

export async function scanBottle(q: Q, user: SignedInUser, req: z.output<typeof scanRequest>): Promise<ScanResult> {
  await checkBag(q, req);
  const p = await productOf(q, req.patientId, req.code);
  const id = randomUUID();
  const now = new Date();
  await run(
    q,
    sql`INSERT INTO bag_scans (id, patient_id, review_id, scanned_on, scanned_at, scanned_by, kind, ndc, product,
          strength, dose_form, lot, expiry, serial, rx_number, fill_id)
        VALUES (${id}, ${req.patientId}, ${req.reviewId ?? null}, ${todayIso(now)}, ${now.toISOString()},
          ${user.username}, ${p.kind}, ${p.ndc}, ${p.product}, ${p.strength}, ${p.doseForm}, ${p.lot}, ${p.expiry},
          ${p.serial}, ${p.rxNumber}, ${p.fillId})`,
  );
  const bag = await readBag(q, req);
  const line = bag.lines.find((l) => l.id === id)!;
  return { line, bag, message: saying(line) };
}

/** Takes back the bag's last scan (a bottle scanned by mistake); nothing else changes. */
export async function undoLastScan(q: Q, bag: BagKey): Promise<Bag> {
  await checkBag(q, bag);
  const last = (await bagRows(q, bag)).at(-1);
  if (!last) throw new AppError('conflict', 'No bottle has been scanned in this bag yet: there is nothing to undo.');
  await run(q, sql`DELETE FROM bag_scans WHERE id = ${last.id}`);
  return readBag(q, bag);
}
