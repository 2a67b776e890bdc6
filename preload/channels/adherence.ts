// The channels for adherence and outreach: each with its request schema, response type, who may call it (access),
// whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  type AdherenceWorklist,
  type OutreachAttempt,
  outreachHistoryRequest,
  outreachLogRequest,
  type PatientAdherence,
  patientAdherenceRequest,
  worklistRequest,
} from '../schemas/adherence';

export const adherenceChannels = {
  // Technicians make most adherence calls and log them.
  'adherence:patient': channel<PatientAdherence>()(patientAdherenceRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({
      action: 'adherence.read',
      category: 'adherence',
      patientId: req.patientId,
      objectId: req.patientId,
      detail: `${req.months} months`,
    }),
  }),
  'adherence:worklist': channel<AdherenceWorklist>()(worklistRequest, {
    access: 'signedIn',
    reads: true,
    audit: (_req, res) => ({
      action: 'adherence.worklist',
      category: 'adherence',
      detail: `${res?.items.length ?? 0} of ${res?.total ?? 0} patients`,
    }),
  }),
  'adherence:outreach': channel<OutreachAttempt[]>()(outreachHistoryRequest, {
    access: 'signedIn',
    audit: (req) => ({
      action: 'adherence.outreach.read',
      category: 'adherence',
      patientId: req.patientId,
      objectId: req.patientId,
    }),
  }),
  'adherence:logOutreach': channel<OutreachAttempt[]>()(outreachLogRequest, {
    access: 'signedIn',
    audit: (req) => ({
      action: 'adherence.outreach',
      category: 'adherence',
      patientId: req.patientId,
      objectId: req.patientId,
      detail: `${req.method}: ${req.result} (${req.intervention})`,
    }),
  }),
} as const;
