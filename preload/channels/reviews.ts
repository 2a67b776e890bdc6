// The channels for medication reviews and action-plan phrases: each with its request schema, response type, who may
// call it (access), whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import type { RecordVersion } from '../schemas/fields';
import {
  addendumRequest,
  minutesCorrectionRequest,
  communicationSaveRequest,
  outcomeRecordRequest,
  patientReviewsRequest,
  type Phrase,
  phraseDeleteRequest,
  phraseSaveRequest,
  reasonSaveRequest,
  recommendationRemoveRequest,
  recommendationSaveRequest,
  reconcileLineRequest,
  type Review,
  reviewActRequest,
  reviewCreateRequest,
  reviewIdRequest,
  type ReviewSummary,
  reviewTimerRequest,
  reviewUpdateRequest,
  type TodayWork,
} from '../schemas/reviews';
import { emptyRequest } from '../schemas/security';

export const reviewsChannels = {
  // Technicians may open and prepare a review; moving it through its states (and completing it) is the pharmacist's.
  'reviews:create': channel<Review>()(reviewCreateRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'review.create',
      category: 'reviews',
      patientId: req.patientId,
      objectId: res?.id ?? null,
      detail: req.type,
    }),
  }),
  'reviews:get': channel<Review>()(reviewIdRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req, res) => ({
      action: 'review.read',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
    }),
  }),
  // An open review's check for saves made at another workstation: no record content, so nothing to audit.
  'reviews:version': channel<RecordVersion>()(reviewIdRequest, {
    access: 'signedIn',
    reads: true,
    background: true,
    audit: 'none',
  }),
  'reviews:forPatient': channel<ReviewSummary[]>()(patientReviewsRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({ action: 'review.list', category: 'reviews', patientId: req.patientId, objectId: req.patientId }),
  }),
  'reviews:update': channel<Review>()(reviewUpdateRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'review.update',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: Object.keys(req.changes).join(', '),
    }),
  }),
  'reviews:act': channel<Review>()(reviewActRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: `review.${req.action}`,
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: res ? `${res.status}${req.action === 'complete' ? `, ${req.minutes} min face to face` : ''}` : null,
    }),
  }),
  // Correcting the billed minutes of a signed review is the pharmacist's, like the addenda.
  'reviews:correctMinutes': channel<Review>()(minutesCorrectionRequest, {
    access: 'pharmacist',
    audit: (req, res) => {
      const last = res?.minutesAddenda.at(-1);
      return {
        action: 'review.minutes',
        category: 'reviews',
        patientId: res?.patientId ?? null,
        objectId: req.id,
        detail: last ? `${last.oldMinutes} → ${last.newMinutes} min` : `to ${req.minutes} min`,
      };
    },
  }),
  'reviews:timer': channel<Review>()(reviewTimerRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'review.timer',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: typeof req.timer === 'string' ? req.timer : `corrected to ${req.timer.correctMinutes} min`,
    }),
  }),
  'reviews:resolveLine': channel<Review>()(reconcileLineRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'review.reconcile',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `${req.lineKey}: ${req.resolution}`,
    }),
  }),
  // "Why I use it" for a reconciled medicine is saved on the medication list, which technicians keep too.
  'reviews:saveReason': channel<Review>()(reasonSaveRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'review.reason',
      category: 'medications',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `${req.lineKey}: ${req.reason}`,
    }),
  }),
  // Recommendations, what is sent to prescribers and addenda to signed notes are clinical acts;
  // a technician may log the answer a prescriber faxed back.
  'reviews:saveRecommendation': channel<Review>()(recommendationSaveRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: req.recommendation.id ? 'review.recommendation.update' : 'review.recommendation.add',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `${req.recommendation.action}${req.recommendation.medicine ? ` ${req.recommendation.medicine}` : ''} by ${req.recommendation.actor}`,
    }),
  }),
  'reviews:removeRecommendation': channel<Review>()(recommendationRemoveRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'review.recommendation.remove',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: req.recommendationId,
    }),
  }),
  'reviews:saveCommunication': channel<Review>()(communicationSaveRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'review.communication',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `${req.method} sent ${req.sentDate}, due ${req.dueDate}`,
    }),
  }),
  'reviews:recordOutcome': channel<Review>()(outcomeRecordRequest, {
    access: 'signedIn',
    audit: (req, res) => ({
      action: 'review.outcome',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `${req.recommendationId}: ${req.outcome} on ${req.date}`,
    }),
  }),
  'reviews:addAddendum': channel<Review>()(addendumRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'review.addendum',
      category: 'reviews',
      patientId: res?.patientId ?? null,
      objectId: req.id,
    }),
  }),
  // Names and counts of open work, the same the navigation shows; the reviews opened from it are recorded.
  'reviews:today': channel<TodayWork>()(emptyRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  'phrases:list': channel<Phrase[]>()(emptyRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  'phrases:save': channel<Phrase>()(phraseSaveRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: req.id ? 'phrase.update' : 'phrase.add',
      category: 'settings',
      patientId: null,
      objectId: res?.id ?? null,
      detail: req.label,
    }),
  }),
  'phrases:delete': channel<null>()(phraseDeleteRequest, {
    access: 'pharmacist',
    audit: (req) => ({ action: 'phrase.delete', category: 'settings', patientId: null, objectId: req.id }),
  }),
} as const;
