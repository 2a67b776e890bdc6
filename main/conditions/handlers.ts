// The clinical channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { clinicalChannels } from '../../preload/channels/clinical';
import { type HandlersOf } from '../bridge/handler';
import { addCondition, addLab, resolveCondition, searchConditions } from './clinical-store';

export const clinicalHandlers: HandlersOf<typeof clinicalChannels> = {
  'conditions:search': async ({ db }, req) => searchConditions(db.manager, req.query),
  'conditions:add': async ({ db, user }, req) => addCondition(db, user, req),
  'conditions:resolve': async ({ db }, req) => resolveCondition(db, req.id, req.resolvedOn),
  'labs:add': async ({ db, user }, req) => addLab(db, user, req),
};
