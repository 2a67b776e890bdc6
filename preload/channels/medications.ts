// The channels for medication lists and the drug vocabulary: each with its request schema, response type, who may call
// it (access), whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  type Medication,
  medicationAddRequest,
  medicationIdRequest,
  type MedicationList,
  medicationListRequest,
  medicationStopRequest,
  medicationUpdateRequest,
  type MedicationVersion,
  type SigTranslation,
  sigTranslateRequest,
} from '../schemas/medications';
import { type DrugMatch, drugSearchRequest, type RxNormStatus } from '../schemas/drugs';
import { emptyRequest } from '../schemas/security';

export const medicationsChannels = {
  'medications:list': channel<MedicationList>()(medicationListRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({
      action: 'medication.read',
      category: 'medications',
      patientId: req.patientId,
      objectId: req.patientId,
    }),
  }),
  'medications:add': channel<Medication>()(medicationAddRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'medication.add',
      category: 'medications',
      patientId: req.patientId,
      objectId: res?.id ?? null,
      detail: req.medication.product,
    }),
  }),
  'medications:update': channel<Medication>()(medicationUpdateRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'medication.change',
      category: 'medications',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `${req.medication.product}; version ${req.version}`,
    }),
  }),
  'medications:stop': channel<Medication>()(medicationStopRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'medication.stop',
      category: 'medications',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `stopped ${req.stopDate}: ${req.reason}`,
    }),
  }),
  'medications:history': channel<MedicationVersion[]>()(medicationIdRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req, res) => ({
      action: 'medication.readHistory',
      category: 'medications',
      patientId: res?.[0]?.medication.patientId ?? null,
      objectId: req.id,
    }),
  }),
  // The vocabulary is reference data: searching it reveals nothing about a patient.
  'drugs:search': channel<DrugMatch[]>()(drugSearchRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  'drugs:status': channel<RxNormStatus>()(emptyRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  // Reads no record: the words typed are translated and given back.
  'medications:translateSig': channel<SigTranslation>()(sigTranslateRequest, {
    access: 'signedIn',
    reads: true,
    audit: 'none',
  }),
} as const;
