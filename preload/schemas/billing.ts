// Billing set-up (the pharmacy as billing provider, pharmacists as rendering providers, payers)
// and claims for finalized reviews.
import { z } from 'zod';
import billing from '../../resources/billing/mtm-billing.json';
import identifiers from '../../resources/reference/identifiers.json';
import { idSchema, isoDate, moneyCents, paidAmountSchema, versionSchema } from './fields';
import { npiSchema, phoneDigits, requiredText, US_STATE_CODES } from './identifiers';

/** Place-of-service codes a payer may want on telephone and video reviews (cited in resources/billing). */
export const REMOTE_PLACES_OF_SERVICE = ['01', '02', '10'] as const;
export type PlaceOfService = (typeof REMOTE_PLACES_OF_SERVICE)[number];
export const PLACE_OF_SERVICE_LABELS: Record<PlaceOfService, string> = billing.placeOfService.forRemoteReviews.codes;

/** Procedure modifiers a payer may want on video and audio-only reviews (cited in resources/billing); none by default. */
export const TELEHEALTH_MODIFIERS = ['95', 'GT', '93'] as const;
export type TelehealthModifier = (typeof TELEHEALTH_MODIFIERS)[number];
export const MODIFIER_CHOICES = ['none', ...TELEHEALTH_MODIFIERS] as const;
export type ModifierChoice = (typeof MODIFIER_CHOICES)[number];
export const MODIFIER_LABELS: Record<ModifierChoice, string> = {
  none: 'None',
  ...(Object.fromEntries(TELEHEALTH_MODIFIERS.map((m) => [m, billing.telehealthModifiers.codes[m].label])) as Record<
    TelehealthModifier,
    string
  >),
};

/** NUCC taxonomy: 10 characters, ending in X (e.g. 183500000X, pharmacist). */
const taxonomySchema = z
  .string({ error: 'Enter the taxonomy code' })
  .trim()
  .toUpperCase()
  .regex(
    /^[0-9]{3}[0-9A-Z]{6}X$/,
    'A taxonomy code has 10 characters ending in X, for example 183500000X (pharmacist)',
  );

export const PAYER_KINDS = ['partD', 'mtmVendor', 'medicaid', 'commercial', 'cash'] as const;
export const PAYER_KIND_LABELS: Record<(typeof PAYER_KINDS)[number], string> = {
  partD: 'Part D plan',
  mtmVendor: 'MTM vendor',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  cash: 'Cash / self-pay',
};
export const CLAIM_STATUSES = [
  'draft',
  'ready',
  'exported',
  'submitted',
  'paid',
  'denied',
  'rejected',
  'voided',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  exported: 'Exported',
  submitted: 'Submitted',
  paid: 'Paid',
  denied: 'Denied',
  rejected: 'Rejected',
  voided: 'Voided',
};

export const billingProviderSchema = z
  .object({
    legalName: requiredText('legal name', 60),
    npi: npiSchema,
    taxId: z
      .string({ error: 'Enter the EIN' })
      .trim()
      .regex(/^\d{2}-?\d{7}$/, 'An EIN is 9 digits, written 12-3456789')
      .transform((v) => v.replace('-', '')),
    taxonomy: taxonomySchema,
    address: z
      .object({
        line1: requiredText('street address', 55),
        city: requiredText('city', 30),
        state: z
          .string({ error: 'Enter the state' })
          .trim()
          .toUpperCase()
          .refine((v) => US_STATE_CODES.includes(v), 'Use the two-letter state code, for example OH'),
        // 5010 claims need the billing provider's full ZIP+4.
        zip: z
          .string({ error: 'Enter the ZIP+4' })
          .trim()
          .regex(/^\d{5}-?\d{4}$/, 'Electronic claims need the billing address ZIP+4, for example 44114-1234')
          .transform((v) => v.replace('-', '')),
      })
      .strict(),
    phone: z
      .string({ error: 'Enter the billing phone' })
      .trim()
      .transform(phoneDigits)
      .refine((v) => v.length === 10, 'Enter a 10-digit US phone number'),
  })
  .strict();
export type BillingProvider = z.output<typeof billingProviderSchema>;

export const renderingPharmacistSchema = z
  .object({
    username: requiredText('username', 40),
    firstName: requiredText('first name', 35),
    lastName: requiredText('last name', 60),
    npi: npiSchema,
    taxonomy: taxonomySchema,
  })
  .strict();
export type RenderingPharmacist = z.output<typeof renderingPharmacistSchema>;

const x12Id = (label: string) =>
  requiredText(label, 15).regex(/^[A-Za-z0-9 ]+$/, `The ${label} uses letters and digits only`);

export const payerSchema = z
  .object({
    id: idSchema.optional(),
    version: versionSchema.optional(),
    name: requiredText('payer name', 60),
    payerId: x12Id('payer ID'),
    kind: z.enum(PAYER_KINDS, { error: 'Choose the kind of payer' }),
    submitterId: x12Id('submitter ID'),
    receiverId: x12Id('receiver ID'),
    receiverName: requiredText('receiver (clearinghouse) name', 60),
    claimFilingCode: z.enum(['CI', 'MB', 'MC', '16', '09', 'ZZ'], { error: 'Choose the claim filing indicator' }),
    unitRule: z.enum(['whole', 'midpoint'], { error: 'Choose how the payer counts 15-minute units' }),
    remotePlaceOfService: z
      .enum(REMOTE_PLACES_OF_SERVICE, { error: 'Choose the place of service for telephone and video reviews' })
      .default('01'),
    // Optional: a payer saved without them wants none.
    videoModifier: z
      .enum(MODIFIER_CHOICES, { error: 'Choose the modifier for video reviews: none, 95, GT or 93' })
      .optional(),
    audioModifier: z
      .enum(MODIFIER_CHOICES, { error: 'Choose the modifier for telephone (audio-only) reviews: none, 95, GT or 93' })
      .optional(),
    fees: z
      .object({ '99605': moneyCents('99605'), '99606': moneyCents('99606'), '99607': moneyCents('99607') })
      .strict(),
    active: z.boolean().default(true),
    /** The Part D contracts whose members this payer pays MTM claims for: a claim's payer defaults from them. */
    planContracts: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(
            new RegExp(identifiers.partDContractId.pattern),
            `A Part D contract number is a plan-type letter and 4 digits, for example ${identifiers.partDContractId.example}`,
          ),
      )
      .max(100, 'At most 100 contracts per payer')
      .default([]),
  })
  .strict();
export type PayerInput = z.output<typeof payerSchema>;
export interface Payer extends Omit<PayerInput, 'id' | 'version'> {
  id: string;
  version: number;
}

export interface BillingSetup {
  provider: BillingProvider | null;
  pharmacists: RenderingPharmacist[];
  payers: Payer[];
}

export const claimCreateRequest = z
  .object({
    reviewId: idSchema,
    /** Left out: the payer that lists the patient's Part D contract (or the only active payer). */
    payerId: idSchema.optional(),
    /** The pharmacist's override of new vs established, with the reason (kept on the claim). */
    established: z
      .object({ value: z.boolean(), reason: requiredText('reason for the override', 200) })
      .strict()
      .optional(),
  })
  .strict();

export interface ClaimLine {
  code: string;
  units: number;
  chargeCents: number;
  /** Pointers (1-based) into the claim's diagnoses, at most four. */
  pointers: number[];
}

/** What a claim for a review would say, shown to the pharmacist before it is made. */
export interface ClaimPreview {
  /** The payer chosen, or defaulted from the patient's plan. */
  payerId: string;
  payerName: string;
  /** How the payer and the patient's Part D plan disagree (or cannot be checked); null when they agree. */
  planWarning: string | null;
  serviceDate: string;
  minutes: number;
  established: boolean;
  /** From the pharmacy's own history; the pharmacist may override it with a reason. */
  computedEstablished: boolean;
  lines: ClaimLine[];
  diagnoses: string[];
  totalCents: number;
  explanation: string;
  /** 01 in person; the payer's choice for telephone and video reviews. */
  placeOfService: PlaceOfService;
  /** The payer's modifier for a video or telephone review (on every service line); null in person or when none. */
  modifier: TelehealthModifier | null;
}

export interface Claim {
  id: string;
  claimNumber: string;
  reviewId: string;
  payerId: string;
  payerName: string;
  patientId: string;
  patientName: string;
  renderingUsername: string;
  status: ClaimStatus;
  frequency: '1' | '7' | '8';
  replacesClaimId: string | null;
  serviceDate: string;
  minutes: number;
  established: boolean;
  establishedOverride: string | null;
  lines: ClaimLine[];
  diagnoses: string[];
  totalCents: number;
  explanation: string;
  batchId: string | null;
  paidCents: number | null;
  paidDate: string | null;
  denialReason: string | null;
  placeOfService: PlaceOfService;
  /** The procedure modifier the claim was made with (the payer's setting then); null for none. */
  modifier: TelehealthModifier | null;
  /** The payer's number for the claim once adjudicated (ICN/DCN on the remittance). */
  payerClaimNumber: string | null;
  /** How the claim's payer and the patient's Part D plan disagree (or cannot be checked); null when they agree. */
  planWarning: string | null;
  version: number;
}

/** Which claim statuses each action may follow: one table for main's checks and the screen's buttons. */
export const CLAIM_ACTIONS = {
  ready: ['draft'],
  submitted: ['exported'],
  paid: ['submitted', 'exported'],
  denied: ['submitted', 'exported'],
  rejected: ['exported', 'submitted'],
  replace: ['submitted', 'paid', 'denied'],
  void: ['draft', 'ready', 'exported', 'submitted', 'paid'],
  /** Record the payer's claim number afterwards (from the remittance), for a correction or void that needs it. */
  payerNumber: ['paid', 'denied', 'voided'],
} as const satisfies Record<string, readonly ClaimStatus[]>;
export type ClaimAction = keyof typeof CLAIM_ACTIONS;
export const actionsFor = (status: ClaimStatus) =>
  (Object.keys(CLAIM_ACTIONS) as ClaimAction[]).filter((a) =>
    (CLAIM_ACTIONS[a] as readonly ClaimStatus[]).includes(status),
  );

/** Letters, digits and dashes: never an X12 delimiter. */
const payerClaimNumberText = z
  .string({ error: 'Enter the payer’s claim number from the remittance' })
  .trim()
  .regex(
    /^[A-Za-z0-9-]{1,50}$/,
    'The payer’s claim number is letters, digits and dashes (up to 50), as on the remittance',
  );
const payerClaimNumber = payerClaimNumberText.optional();

export const claimActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('ready'), id: idSchema, version: versionSchema }).strict(),
  z.object({ action: z.literal('submitted'), id: idSchema, version: versionSchema }).strict(),
  z
    .object({
      action: z.literal('paid'),
      id: idSchema,
      version: versionSchema,
      paidAmount: paidAmountSchema,
      paidDate: isoDate('date paid'),
      payerClaimNumber,
    })
    .strict(),
  z
    .object({
      action: z.literal('denied'),
      id: idSchema,
      version: versionSchema,
      reason: requiredText('denial reason', 200),
      payerClaimNumber,
    })
    .strict(),
  z
    .object({
      action: z.literal('rejected'),
      id: idSchema,
      version: versionSchema,
      reason: requiredText('rejection reason', 200),
    })
    .strict(),
  z.object({ action: z.literal('replace'), id: idSchema, version: versionSchema, payerClaimNumber }).strict(),
  z.object({ action: z.literal('void'), id: idSchema, version: versionSchema, payerClaimNumber }).strict(),
  z
    .object({
      action: z.literal('payerNumber'),
      id: idSchema,
      version: versionSchema,
      payerClaimNumber: payerClaimNumberText,
    })
    .strict(),
]);

export const claimListRequest = z
  .object({
    from: isoDate('first service date').optional(),
    to: isoDate('last service date').optional(),
    payerId: idSchema.optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
    reviewId: idSchema.optional(),
  })
  .strict();

const exportRange = {
  format: z.enum(['837p', 'cms1500', 'cms1500red', 'csv'], {
    error: 'Choose 837P, CMS-1500, CMS-1500 on pre-printed red forms or CSV',
  }),
  from: isoDate('first service date'),
  to: isoDate('last service date'),
  payerId: idSchema,
};
const inOrder = (r: { from: string; to: string }) => r.from <= r.to;
const outOfOrder = { path: ['to'], message: 'The last date cannot be before the first' };

/** The claims an export would send, each with its problems, for the pharmacist to confirm. */
export const claimExportPreviewRequest = z.object(exportRange).strict().refine(inOrder, outOfOrder);

/** The export, confirmed: exactly the claims of the preview (id and version), or nothing is sent. */
export const claimExportRequest = z
  .object({
    ...exportRange,
    claims: z
      .array(z.object({ id: idSchema, version: versionSchema }).strict(), {
        error: 'Confirm the list of claims to export',
      })
      .max(5000),
  })
  .strict()
  .refine(inOrder, outOfOrder);
export type ClaimRef = z.output<typeof claimExportRequest>['claims'][number];

export interface ClaimProblem {
  message: string;
  /** Stops the export until put right (missing data); otherwise a warning the pharmacist confirms (plan mismatch). */
  blocking: boolean;
}

export interface ExportPreview {
  payerName: string;
  claims: { claim: Claim; problems: ClaimProblem[] }[];
  /** Problems of the export as a whole (the pharmacy's billing details). */
  problems: ClaimProblem[];
  totalCents: number;
}

export const batchIdRequest = z.object({ id: idSchema }).strict();
export const dataElementsRequest = z
  .object({
    contractYear: z
      .number({ error: 'Enter the contract year' })
      .int()
      .min(2020, 'Choose a contract year from 2020')
      .max(2100),
  })
  .strict();
export interface DataElementsFile {
  fileName: string;
  content: string;
  rows: number;
}

/** An export as kept in the history (the file itself is fetched on demand). */
export interface BatchSummary {
  id: string;
  format: ClaimBatch['format'];
  payerName: string;
  from: string;
  to: string;
  fileName: string;
  claimCount: number;
  createdAt: string;
  createdBy: string;
}

export interface ClaimBatch {
  id: string;
  /** cms1500red: the data only, for the pre-printed red (OCR) CMS-1500 form. */
  format: '837p' | 'cms1500' | 'cms1500red' | 'csv';
  fileName: string;
  /** Text for 837P and CSV; base64 for the CMS-1500 PDFs. */
  content: string;
  claimCount: number;
  interchangeControl: number | null;
}

/** The calibration page for the red CMS-1500 form (base64 PDF) and the nudge it was printed with. */
export interface Cms1500Calibration {
  fileName: string;
  content: string;
  offset: { x: number; y: number };
}
