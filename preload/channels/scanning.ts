// The channels of brown-bag scanning: each with its request schema, response type, who may call it (access),
// whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import { type Bag, bagRequest, type ScanResult, scanRequest } from '../schemas/scanning';

export const scanningChannels = {
  'scanning:bag': channel<Bag>()(bagRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({
      action: 'scan.read',
      category: 'medications',
      patientId: req.patientId,
      objectId: req.reviewId ?? null,
    }),
  }),
  'scanning:scan': channel<ScanResult>()(scanRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'scan.add',
      category: 'medications',
      patientId: req.patientId,
      objectId: res?.line.id ?? null,
      detail: res
        ? `${res.line.kind}: ${res.line.place}${res.line.flags.length ? `, ${res.line.flags.join(', ')}` : ''}`
        : null,
    }),
  }),
  'scanning:undo': channel<Bag>()(bagRequest, {
    access: 'signedIn',
    audit: (req) => ({
      action: 'scan.undo',
      category: 'medications',
      patientId: req.patientId,
      objectId: req.reviewId ?? null,
    }),
  }),
};
