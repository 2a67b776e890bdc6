// The channels for the owner's reports: each with its request schema, response type, who may call it (access), whether
// it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import { type DataElementsFile, dataElementsRequest } from '../schemas/billing';
import { reportRequest, type ReportSummary } from '../schemas/reports';

export const reportsChannels = {
  // Counts only: no patient is named in the reports.
  'reports:summary': channel<ReportSummary>()(reportRequest, { access: 'pharmacist', reads: true, audit: 'none' }),
  'reports:mtmDataElements': channel<DataElementsFile>()(dataElementsRequest, {
    access: 'pharmacist',
    reads: true,
    audit: (req, res) => ({
      action: 'report.mtmDataElements',
      category: 'billing',
      detail: `${req.contractYear}: ${res?.rows ?? 0} beneficiaries`,
    }),
  }),
} as const;
