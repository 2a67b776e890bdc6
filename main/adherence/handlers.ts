// The adherence channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { adherenceChannels } from '../../preload/channels/adherence';
import { type HandlersOf } from '../bridge/handler';
import { adherenceWorklist, patientAdherence } from './programme';
import { logOutreach, outreachHistory } from './outreach';

export const adherenceHandlers: HandlersOf<typeof adherenceChannels> = {
  'adherence:patient': async ({ db }, req) => patientAdherence(db, req.patientId, req.months),
  'adherence:worklist': async ({ db }, req) => adherenceWorklist(db, req),
  'adherence:outreach': async ({ db }, req) => outreachHistory(db, req.patientId),
  'adherence:logOutreach': async ({ db, user }, req) => logOutreach(db, user, req),
};
