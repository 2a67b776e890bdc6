// The channels for billing set-up, claims and their exports: each with its request schema, response type, who may call
// it (access), whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  batchIdRequest,
  type BatchSummary,
  billingProviderSchema,
  type BillingSetup,
  type Claim,
  claimActionRequest,
  type ClaimBatch,
  claimCreateRequest,
  claimExportPreviewRequest,
  claimExportRequest,
  claimListRequest,
  type ClaimPreview,
  type Cms1500Calibration,
  type ExportPreview,
  payerSchema,
  renderingPharmacistSchema,
} from '../schemas/billing';
import { emptyRequest } from '../schemas/security';

export const billingChannels = {
  // Billing: the pharmacy's set-up is the administrator's; claims are the pharmacist's.
  'billing:setup': channel<BillingSetup>()(emptyRequest, { access: 'pharmacist', reads: true, audit: 'none' }),
  'billing:saveProvider': channel<BillingSetup>()(billingProviderSchema, {
    access: 'admin',
    audit: (req) => ({ action: 'billing.provider', category: 'billing', detail: `${req.legalName}, NPI ${req.npi}` }),
  }),
  'billing:savePharmacist': channel<BillingSetup>()(renderingPharmacistSchema, {
    access: 'admin',
    audit: (req) => ({
      action: 'billing.pharmacist',
      category: 'billing',
      objectId: req.username,
      detail: `NPI ${req.npi}`,
    }),
  }),
  'billing:savePayer': channel<BillingSetup>()(payerSchema, {
    access: 'admin',
    audit: (req) => ({
      action: req.id ? 'billing.payer.update' : 'billing.payer.add',
      category: 'billing',
      objectId: req.id ?? null,
      detail: `${req.name} (${req.payerId})`,
    }),
  }),
  'claims:preview': channel<ClaimPreview>()(claimCreateRequest, {
    access: 'pharmacist',
    reads: true,
    audit: (req) => ({ action: 'claim.preview', category: 'billing', objectId: req.reviewId }),
  }),
  'claims:create': channel<Claim>()(claimCreateRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'claim.create',
      category: 'billing',
      patientId: res?.patientId ?? null,
      objectId: res?.id ?? req.reviewId,
      detail: res ? `${res.claimNumber}: ${res.lines.map((l) => `${l.code}x${l.units}`).join(' ')}` : null,
    }),
  }),
  'claims:calibrationPage': channel<Cms1500Calibration>()(emptyRequest, {
    access: 'pharmacist',
    reads: true,
    audit: 'none',
  }),
  'claims:batches': channel<BatchSummary[]>()(emptyRequest, { access: 'pharmacist', reads: true, audit: 'none' }),
  'claims:batchFile': channel<ClaimBatch>()(batchIdRequest, {
    access: 'pharmacist',
    reads: true,
    audit: (req, res) => ({
      action: 'claim.export.download',
      category: 'billing',
      objectId: req.id,
      detail: res ? `${res.fileName}: ${res.claimCount} claims` : null,
    }),
  }),
  'claims:list': channel<Claim[]>()(claimListRequest, {
    access: 'pharmacist',
    reads: true,
    audit: (req, res) => ({
      action: 'claim.list',
      category: 'billing',
      detail: `${req.from ?? '…'} to ${req.to ?? '…'}: ${res?.length ?? 0} claims`,
    }),
  }),
  'claims:act': channel<Claim>()(claimActionRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: `claim.${req.action}`,
      category: 'billing',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: res?.claimNumber ?? null,
    }),
  }),
  // The export in two steps: the list of what would be sent, with its problems; then the export of exactly that list.
  'claims:exportPreview': channel<ExportPreview>()(claimExportPreviewRequest, {
    access: 'pharmacist',
    reads: true,
    audit: (req, res) => ({
      action: 'claim.export.preview',
      category: 'billing',
      detail: `${req.from} to ${req.to}: ${res?.claims.length ?? 0} claims`,
    }),
  }),
  'claims:export': channel<ClaimBatch>()(claimExportRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: `claim.export.${req.format}`,
      category: 'billing',
      objectId: res?.id ?? null,
      detail: res ? `${res.fileName}: ${res.claimCount} claims` : `${req.from} to ${req.to}`,
    }),
  }),
} as const;
