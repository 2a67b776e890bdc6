// The reviews channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { reviewsChannels } from '../../preload/channels/reviews';
import { type HandlersOf } from '../bridge/handler';
import { recordVersion } from '../db/record-version';
import {
  actOnReview,
  createReview,
  getReview,
  patientReviews,
  resolveLine,
  timeReview,
  updateReview,
} from './review-store';
import { correctMinutes } from './minutes-addenda';
import { addAddendum, recordOutcome, removeRecommendation, saveCommunication, saveRecommendation } from './review-plan';
import { deletePhrase, listPhrases, savePhrase } from './phrases';
import { saveReason } from './reasons';
import { todayWork } from './today';

export const reviewsHandlers: HandlersOf<typeof reviewsChannels> = {
  'reviews:create': async ({ db, user }, req) => createReview(db, user, req),
  'reviews:get': async ({ db }, req) => getReview(db, req.id),
  'reviews:version': async ({ db }, req) => recordVersion(db, 'review', req.id),
  'reviews:forPatient': async ({ db }, req) => patientReviews(db, req.patientId),
  'reviews:update': async ({ db, user }, req) => updateReview(db, user, req),
  'reviews:act': async ({ db, user }, req) => actOnReview(db, user, req.id, req.version, req),
  'reviews:correctMinutes': async ({ db, user }, req) => correctMinutes(db, user, req),
  'reviews:timer': async ({ db, user }, req) => timeReview(db, user, req.id, req.version, req.timer),
  'reviews:resolveLine': async ({ db, user }, req) => resolveLine(db, user, req),
  'reviews:saveReason': async ({ db, user }, req) => saveReason(db, user, req),
  'reviews:saveRecommendation': async ({ db, user }, req) => saveRecommendation(db, user, req),
  'reviews:removeRecommendation': async ({ db, user }, req) => removeRecommendation(db, user, req),
  'reviews:saveCommunication': async ({ db, user }, req) => saveCommunication(db, user, req),
  'reviews:recordOutcome': async ({ db, user }, req) => recordOutcome(db, user, req),
  'reviews:addAddendum': async ({ db, user }, req) => addAddendum(db, user, req),
  'reviews:today': async ({ db }) => todayWork(db),
  'phrases:list': async ({ db }) => listPhrases(db),
  'phrases:save': async ({ db, user }, req) => savePhrase(db, user, req),
  'phrases:delete': async ({ db }, req) => {
    await deletePhrase(db, req.id);
    return null;
  },
};
