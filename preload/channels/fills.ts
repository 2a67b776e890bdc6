// The channels for fill history import: each with its request schema, response type, who may call it (access), whether
// it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import { type FillImportReport, fillImportRequest, fillPreviewRequest } from '../schemas/fills';

export const fillsChannels = {
  'fills:preview': channel<FillImportReport>()(fillPreviewRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  'fills:import': channel<FillImportReport>()(fillImportRequest, { access: 'signedIn', audit: 'self' }),
} as const;
