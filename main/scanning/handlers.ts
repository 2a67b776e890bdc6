// The scanning channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { scanningChannels } from '../../preload/channels/scanning';
import { type HandlersOf } from '../bridge/handler';
import { readBag, scanBottle, undoLastScan } from './brown-bag';

export const scanningHandlers: HandlersOf<typeof scanningChannels> = {
  'scanning:bag': async ({ db }, req) => readBag(db, req),
  'scanning:scan': async ({ db, user }, req) => scanBottle(db, user, req),
  'scanning:undo': async ({ db }, req) => undoLastScan(db, req),
};
