// The channels for the prescriber directory: each with its request schema, response type, who may call it (access),
// whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  type Prescriber,
  prescriberCreateRequest,
  prescriberIdRequest,
  prescriberSearchRequest,
  prescriberUpdateRequest,
} from '../schemas/prescribers';

export const prescribersChannels = {
  // Prescriber records are directory data, not patient information: only changes are recorded.
  'prescribers:search': channel<{ prescribers: Prescriber[]; truncated: boolean }>()(prescriberSearchRequest, {
    access: 'signedIn',
    reads: true,
    audit: 'none',
  }),
  'prescribers:get': channel<Prescriber>()(prescriberIdRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  'prescribers:create': channel<Prescriber>()(prescriberCreateRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'prescriber.create',
      category: 'prescribers',
      objectId: res?.id ?? null,
      detail: `NPI ${req.prescriber.npi}`,
    }),
  }),
  'prescribers:update': channel<Prescriber>()(prescriberUpdateRequest, {
    access: 'signedIn',
    audit: (req) => ({
      action: 'prescriber.update',
      category: 'prescribers',
      objectId: req.id,
      detail: `NPI ${req.prescriber.npi}`,
    }),
  }),
} as const;
