// The medications channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import { translateSig } from './sig/translate-sig';
import type { medicationsChannels } from '../../preload/channels/medications';
import { type HandlersOf } from '../bridge/handler';
import { rxNormStatus, searchDrugs } from './vocabulary/drug-search';
import {
  addMedication,
  listMedications,
  medicationHistory,
  stopMedication,
  updateMedication,
} from './medication-store';

export const medicationsHandlers: HandlersOf<typeof medicationsChannels> = {
  'medications:list': async ({ db }, req) => listMedications(db, req.patientId),
  'medications:add': async ({ db, user }, req) => addMedication(db, user, req.patientId, req.medication),
  'medications:update': async ({ db, user }, req) => updateMedication(db, user, req.id, req.version, req.medication),
  'medications:stop': async ({ db, user }, req) =>
    stopMedication(db, user, req.id, req.version, req.stopDate, req.reason),
  'medications:history': async ({ db }, req) => medicationHistory(db, req.id),
  'medications:translateSig': async (_ctx, req) => translateSig(req.sig),
  'drugs:search': async ({ db }, req) => searchDrugs(db.manager, req.query),
  'drugs:status': async ({ db }) => rxNormStatus(db.manager),
};
