// The fills channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { fillsChannels } from '../../preload/channels/fills';
import { type HandlersOf } from '../bridge/handler';
import { importFills } from './import-fills';

export const fillsHandlers: HandlersOf<typeof fillsChannels> = {
  'fills:preview': async ({ db, user }, req) =>
    importFills(db, user, {
      fileName: req.file.name,
      bytes: Buffer.from(req.file.base64, 'base64'),
      mapping: req.mapping,
      validOnly: true,
      createPatients: false,
      preview: true,
    }),
  'fills:import': async ({ db, user }, req) =>
    importFills(db, user, {
      fileName: req.file.name,
      bytes: Buffer.from(req.file.base64, 'base64'),
      mapping: req.mapping,
      validOnly: req.validOnly,
      createPatients: req.createPatients,
      preview: false,
    }),
};
