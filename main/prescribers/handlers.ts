// The prescribers channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { prescribersChannels } from '../../preload/channels/prescribers';
import { type HandlersOf } from '../bridge/handler';
import { createPrescriber, getPrescriber, searchPrescribers, updatePrescriber } from './prescriber-store';

export const prescribersHandlers: HandlersOf<typeof prescribersChannels> = {
  'prescribers:search': async ({ db }, req) => searchPrescribers(db, req.query, req.limit),
  'prescribers:get': async ({ db }, req) => getPrescriber(db, req.id),
  'prescribers:create': async ({ db, user }, req) => createPrescriber(db, user, req.prescriber),
  'prescribers:update': async ({ db, user }, req) => {
    return updatePrescriber(db, user, req.id, req.version, req.prescriber);
  },
};
