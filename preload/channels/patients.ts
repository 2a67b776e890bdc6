// The channels for the patient registry: each with its request schema, response type, who may call it (access), whether
// it only reads (reads) and how a call is written to the audit trail (audit).
import { RECORD, channel } from './channel';
import type { RecordVersion } from '../schemas/fields';
import { type PatientClinical, patientClinicalRequest } from '../schemas/clinical';
import {
  duplicateCheckRequest,
  patientCreateRequest,
  patientDeleteRequest,
  type PatientDetail,
  patientIdRequest,
  patientSearchRequest,
  type PatientSearchResult,
  type PatientSummary,
  patientUpdateRequest,
} from '../schemas/patients';

export const patientsChannels = {
  'patients:search': channel<PatientSearchResult>()(patientSearchRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req, res) => ({
      action: 'patient.search',
      category: RECORD,
      detail: `"${req.query}": ${res?.patients.length ?? 0} shown`,
    }),
  }),
  'patients:get': channel<PatientDetail>()(patientIdRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({ action: 'patient.read', category: RECORD, patientId: req.id, objectId: req.id }),
  }),
  // An open patient's check for saves made at another workstation: no record content, so nothing to audit.
  'patients:version': channel<RecordVersion>()(patientIdRequest, {
    access: 'signedIn',
    reads: true,
    background: true,
    audit: 'none',
  }),
  'patients:create': channel<PatientDetail>()(patientCreateRequest, {
    access: 'signedIn',
    audit: (_req, res) => ({
      action: 'patient.create',
      category: RECORD,
      patientId: res?.id ?? null,
      objectId: res?.id ?? null,
    }),
  }),
  'patients:update': channel<PatientDetail>()(patientUpdateRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'patient.update',
      category: RECORD,
      patientId: req.id,
      objectId: req.id,
      detail: res ? `version ${req.version} → ${res.version}` : null,
    }),
  }),
  'patients:delete': channel<null>()(patientDeleteRequest, {
    access: 'pharmacist',
    audit: (req) => ({
      action: 'patient.delete',
      category: RECORD,
      patientId: req.id,
      objectId: req.id,
      detail: `reason: ${req.reason}`,
    }),
  }),
  'patients:findDuplicates': channel<PatientSummary[]>()(duplicateCheckRequest, {
    access: 'signedIn',
    reads: true,
    audit: (_req, res) => ({
      action: 'patient.duplicateCheck',
      category: RECORD,
      detail: `${res?.length ?? 0} possible duplicates shown`,
    }),
  }),
  'patients:clinical': channel<PatientClinical>()(patientClinicalRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({
      action: 'patient.readClinical',
      category: 'conditions and labs',
      patientId: req.patientId,
      objectId: req.patientId,
    }),
  }),
} as const;
