// The channels for a patient's conditions and lab values: each with its request schema, response type, who may call it
// (access), whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  type Condition,
  conditionAddRequest,
  type ConditionMatch,
  conditionResolveRequest,
  conditionSearchRequest,
  labAddRequest,
  type LabResult,
} from '../schemas/clinical';

export const clinicalChannels = {
  'conditions:search': channel<ConditionMatch[]>()(conditionSearchRequest, {
    access: 'signedIn',
    reads: true,
    audit: 'none',
  }),
  'conditions:add': channel<Condition>()(conditionAddRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'condition.add',
      category: 'conditions and labs',
      patientId: req.patientId,
      objectId: res?.id ?? null,
      detail: req.code,
    }),
  }),
  'conditions:resolve': channel<Condition>()(conditionResolveRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'condition.resolve',
      category: 'conditions and labs',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: res ? `${res.code} resolved ${req.resolvedOn}` : null,
    }),
  }),
  'labs:add': channel<LabResult>()(labAddRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'lab.add',
      category: 'conditions and labs',
      patientId: req.patientId,
      objectId: res?.id ?? null,
      detail: `${req.type} ${req.value}${req.value2 !== undefined ? `/${req.value2}` : ''} on ${req.takenOn}`,
    }),
  }),
} as const;
