// The documents channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { documentsChannels } from '../../preload/channels/documents';
import { type HandlersOf } from '../bridge/handler';
import { carePlanFile, makeDocument, recordDocumentSent } from './documents-service';

export const documentsHandlers: HandlersOf<typeof documentsChannels> = {
  'documents:make': async ({ db, user }, req) => makeDocument(db, user, req),
  'documents:carePlan': async ({ db, user }, req) => carePlanFile(db, user, req.reviewId),
  'documents:sent': async ({ db, user }, req) => recordDocumentSent(db, user, req),
};
