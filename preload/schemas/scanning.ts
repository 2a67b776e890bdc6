// Brown-bag review by scanner: the bottles a patient brought, each scan one line of a bag, reconciled against
// the patient's medication list and the pharmacy's own fills as it is read.
import { z } from 'zod';
import { idSchema } from './fields';

/** One bag: the bottles scanned in one review, or on the medication list on one day when no review is open. */
export const bagRequest = z.object({ patientId: idSchema, reviewId: idSchema.optional() }).strict();

export const scanRequest = bagRequest
  .extend({
    /** Exactly what the scanner sent (the GS1 group separator kept as \x1d), or a code typed by hand. */
    code: z
      .string({ error: 'Scan a bottle or type its code' })
      .trim()
      .min(1, 'Scan a bottle or type its code')
      .max(200, 'That is longer than any bottle code: scan again'),
  })
  .strict();

export const SCAN_KINDS = ['gs1', 'retail', 'label'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

/** What a scan found for the review, beyond where it landed. */
export const BAG_FLAGS = ['expired', 'twice', 'twoPharmacies'] as const;
export type BagFlag = (typeof BAG_FLAGS)[number];

export const BAG_FLAG_LABELS: Record<BagFlag, string> = {
  expired: 'Expired',
  twice: 'Same medicine twice',
  twoPharmacies: 'From two pharmacies',
};

export interface BagLine {
  id: string;
  scannedAt: string;
  scannedBy: string;
  kind: ScanKind;
  /** 11-digit NDC as 5-4-2 with dashes, when the code carried or led to one. */
  ndc: string | null;
  /** The product as the pharmacy's fills, RxNorm or FDA's NDC Directory name it. */
  product: string;
  strength: string | null;
  doseForm: string | null;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  rxNumber: string | null;
  /** matched: the medicine is on the list or in this pharmacy's fills; new: neither knows it. */
  place: 'matched' | 'new';
  /** The list entry it matched, if any. */
  medicationId: string | null;
  /** Where the match came from, in words: "On the list (Patient reported)", "Filled here 11/02/2026". */
  matchedTo: string | null;
  flags: BagFlag[];
  /** Problems to propose for the review, in the pharmacist's words (one medicine each). */
  proposals: string[];
}

export interface Bag {
  lines: BagLine[];
  /** Medicines on the active list no bottle matched: to ask the patient about. */
  noBottle: { medicationId: string; product: string }[];
  counts: { scanned: number; matched: number; new: number; expired: number; twice: number; noBottle: number };
}

export interface ScanResult {
  /** The line this scan made (also the last of bag.lines). */
  line: BagLine;
  bag: Bag;
  /** One sentence saying what the scan did, for the confirmation and the live region. */
  message: string;
}
