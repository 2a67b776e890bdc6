// The patients channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { patientsChannels } from '../../preload/channels/patients';
import { type HandlersOf, done } from '../bridge/handler';
import { getClinical } from '../conditions/clinical-store';
import { createPatient, deletePatient, findDuplicates, getPatient, updatePatient } from './patient-store';
import { searchPatients } from './patient-search';
import { recordVersion } from '../db/record-version';

export const patientsHandlers: HandlersOf<typeof patientsChannels> = {
  'patients:search': async ({ db }, req) => searchPatients(db, req.query, req.limit),
  'patients:get': async ({ db }, req) => getPatient(db, req.id),
  'patients:version': async ({ db }, req) => recordVersion(db, 'patient', req.id),
  'patients:create': async ({ db, user }, req) => createPatient(db, user, req.patient, req.allowDuplicate),
  'patients:update': async ({ db, user }, req) => updatePatient(db, user, req.id, req.version, req.patient),
  'patients:delete': async ({ db, user }, req) => done(deletePatient(db, user, req.id, req.reason)),
  'patients:findDuplicates': async ({ db }, req) => findDuplicates(db.manager, req),
  'patients:clinical': async ({ db }, req) => getClinical(db, req.patientId),
};
