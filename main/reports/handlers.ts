// The reports channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { reportsChannels } from '../../preload/channels/reports';
import { type HandlersOf } from '../bridge/handler';
import { mtmDataElements } from '../billing/mtm-data-elements';
import { reportSummary } from './report-summary';

export const reportsHandlers: HandlersOf<typeof reportsChannels> = {
  'reports:summary': async ({ db }, req) => reportSummary(db, req.from, req.to),
  'reports:mtmDataElements': async ({ db }, req) => mtmDataElements(db, req.contractYear),
};
