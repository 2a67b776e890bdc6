// "Why I use it" entered from the review. It is saved on the patient's medication list, where the
// Personal Medication List reads it (the change is kept in the entry's history). A medicine known
// only from the pharmacy's fills gets a list entry of its own — reported by the patient at the
// review, with the fill's product, strength and directions — so the reason has somewhere to live.
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Medication } from '../../preload/schemas/medications';
import type { reasonSaveRequest, Review } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError, notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { one, sql } from '../db/sql';
import { addMedication, updateMedication } from '../medications/medication-store';
import { liveLines, type ReviewRow } from './review-parts';
import { getReview } from './review-store';

type ListRow = Row<'patient_medications'> & { kind: Medication['kind']; source: Medication['source'] };

export async function saveReason(
  db: DataSource,
  user: SignedInUser,
  req: z.output<typeof reasonSaveRequest>,
): Promise<Review> {
  const r = await one<ReviewRow>(db, sql`SELECT * FROM reviews WHERE id = ${req.id}`);
  if (!r) throw notFound('This review');
  if (r.status === 'completed')
    throw new AppError(
      'conflict',
      'A completed review is read-only. Change the reason on the patient’s medication list instead.',
    );
  const line = (await liveLines(db.manager, r)).find((l) => l.key === req.lineKey);
  if (!line)
    throw new AppError('notFound', 'That medicine is no longer on any list for this patient. Reload the review.');
  const entry = line.entries.find((e) => e.source !== 'pharmacyFill');
  if (entry) {
    // The entry the medication list prints for this line: the first of that source and product.
    const m = await one<ListRow>(
      db,
      sql`SELECT * FROM patient_medications
          WHERE patient_id = ${r.patient_id} AND source = ${entry.source} AND product = ${entry.product}
            AND stop_date IS NULL
          ORDER BY created_at LIMIT 1`,
    );
    if (!m) throw new AppError('notFound', 'That medicine is no longer on the list. Reload the review.');
    await updateMedication(db, user, m.id, m.version, {
      product: m.product,
      rxcui: m.rxcui ?? undefined,
      kind: m.kind,
      strength: m.strength ?? undefined,
      doseForm: m.dose_form ?? undefined,
      sig: m.sig ?? undefined,
      indication: req.reason,
      prescriberId: m.prescriber_id ?? undefined,
      startDate: m.start_date ?? undefined,
      source: m.source,
    });
  } else {
    const fill = line.entries[0]!;
    await addMedication(db, user, r.patient_id, {
      product: fill.product,
      kind: 'rx',
      strength: fill.strength ?? undefined,
      doseForm: undefined,
      sig: fill.sig ?? undefined,
      indication: req.reason,
      startDate: undefined,
      source: 'patientReported',
    });
  }
  return getReview(db, r.id);
}
