// The eligibility channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { eligibilityChannels } from '../../preload/channels/eligibility';
import { type HandlersOf } from '../bridge/handler';
import { getCriteria, setCriteria } from './criteria-store';
import { recordEnrollment } from './enrollment-store';
import { screeningPage } from './screening-page';

export const eligibilityHandlers: HandlersOf<typeof eligibilityChannels> = {
  'eligibility:criteria': async ({ db }, req) => getCriteria(db.manager, req.contractYear),
  'eligibility:setCriteria': async ({ db, user }, req) =>
    setCriteria(db.manager, req.contractYear, req.criteria, user.username),
  'eligibility:screen': async ({ db }, req) => screeningPage(db, req),
  'eligibility:record': async ({ db, user }, req) => recordEnrollment(db, user, req),
};
