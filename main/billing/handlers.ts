// The billing channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { billingChannels } from '../../preload/channels/billing';
import { type HandlersOf } from '../bridge/handler';
import { billingSetup, savePayer, savePharmacist, saveProvider } from './billing-setup';
import { actOnClaim, createClaim, listClaims, previewClaim } from './claims';
import { batchFile, calibrationPage, exportClaims, listBatches } from './export-claims';
import { exportPreview } from './export-check';

export const billingHandlers: HandlersOf<typeof billingChannels> = {
  'billing:setup': async ({ db }) => billingSetup(db.manager),
  'billing:saveProvider': async ({ db, user }, req) => saveProvider(db.manager, user, req),
  'billing:savePharmacist': async ({ db, user }, req) => savePharmacist(db.manager, user, req),
  'billing:savePayer': async ({ db, user }, req) => savePayer(db.manager, user, req),
  'claims:preview': async ({ db }, req) => previewClaim(db, req),
  'claims:calibrationPage': async ({ db }) => calibrationPage(db.manager),
  'claims:batches': async ({ db }) => listBatches(db.manager),
  'claims:batchFile': async ({ db }, req) => batchFile(db.manager, req.id),
  'claims:create': async ({ db, user }, req) => createClaim(db, user, req),
  'claims:list': async ({ db }, req) => listClaims(db.manager, req),
  'claims:act': async ({ db, user }, req) => actOnClaim(db, user, req),
  'claims:exportPreview': async ({ db }, req) => exportPreview(db.manager, req),
  'claims:export': async ({ db, user }, req) => exportClaims(db, user, req),
};
