// The channels for printed documents and the care plan: each with its request schema, response type, who may call it
// (access), whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import { type Review } from '../schemas/reviews';
import {
  type CarePlanFile,
  carePlanRequest,
  documentRequest,
  documentSentRequest,
  type PrintedDocument,
} from '../schemas/documents';

export const documentsChannels = {
  // Technicians print and mail the summary and send the fax the pharmacist prepared.
  'documents:make': channel<PrintedDocument>()(documentRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req, res) => ({
      action: `document.${req.kind}`,
      category: 'documents',
      patientId: res?.patientId ?? null,
      objectId: req.reviewId,
      detail: res ? `${res.fileName}, ${res.pages} pages, ${res.language}` : null,
    }),
  }),
  'documents:sent': channel<Review>()(documentSentRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'document.sent',
      category: 'documents',
      patientId: res?.patientId ?? null,
      objectId: req.reviewId,
      detail: req.kind === 'prescriberLetter' ? `fax to prescriber ${req.prescriberId}` : 'CMR summary',
    }),
  }),
  'documents:carePlan': channel<CarePlanFile>()(carePlanRequest, {
    access: 'pharmacist',
    reads: true,
    audit: (req, res) => ({
      action: 'document.carePlan',
      category: 'documents',
      patientId: res?.patientId ?? null,
      objectId: req.reviewId,
      detail: res?.fileName ?? null,
    }),
  }),
} as const;
