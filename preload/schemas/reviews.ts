// The review encounter (CMR, TMR, follow-up): its states and what moves it between them.
import { z } from 'zod';
import bundledPhrases from '../../resources/templates/action-plan-phrases.json';
import type { AdherenceWorklist } from './adherence';
import type { DrugTherapyProblem } from './checks';
import { CMR_OFFER_METHODS, type CmrOfferDue } from './eligibility';
import { idSchema, isoDate, pastDate, versionSchema as version } from './fields';
import { optionalText } from './identifiers';
import { MEDICATION_SOURCES } from './medications';
import { todayIso } from './dates';

export const REVIEW_TYPES = ['cmr', 'tmr', 'followUp'] as const;
export const REVIEW_TYPE_LABELS: Record<(typeof REVIEW_TYPES)[number], string> = {
  cmr: 'Comprehensive medication review (CMR)',
  tmr: 'Targeted medication review (TMR)',
  followUp: 'Follow-up / targeted intervention',
};

export const REVIEW_STATUSES = ['draft', 'inProgress', 'awaitingPrescriber', 'completed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  inProgress: 'In progress',
  awaitingPrescriber: 'Awaiting prescriber',
  completed: 'Completed',
};

export const REVIEW_ACTIONS = ['start', 'awaitPrescriber', 'resume', 'complete'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Where a medication-list entry came from; fills are the pharmacy's own dispensing record. */
export type ReconciliationSource = (typeof MEDICATION_SOURCES)[number];

export interface ReconciliationEntry {
  source: ReconciliationSource;
  product: string;
  rxcui?: string | null;
  strength?: string | null;
  sig?: string | null;
  /** Who prescribed it: on the medication list, or of the latest fill when that prescriber is on file. */
  prescriberId?: string | null;
}

export interface ReconciliationLine {
  /** Stable for the same ingredients (or the same unrecognised product) across visits. */
  key: string;
  /** The ingredients the line is about, sorted ("hydrochlorothiazide + lisinopril"). */
  ingredients: string[];
  entries: ReconciliationEntry[];
  status: 'matched' | 'onlyOne' | 'different';
  /** Why the sources disagree, in words. */
  differences: string[];
}

/** Who received the CMR, in the terms of CMS's beneficiary-level MTM data elements. */
export const RECIPIENTS = ['beneficiary', 'caregiver', 'prescriber', 'other'] as const;
export const RECIPIENT_LABELS: Record<(typeof RECIPIENTS)[number], string> = {
  beneficiary: 'The patient',
  caregiver: 'Caregiver',
  prescriber: 'The patient’s prescriber',
  other: 'Other authorized person',
};
export const DELIVERY_METHODS = ['inPerson', 'telephone', 'video'] as const;
export const DELIVERY_LABELS: Record<(typeof DELIVERY_METHODS)[number], string> = {
  inPerson: 'In person',
  telephone: 'Telephone',
  video: 'Video',
};
/** How the pharmacist settles a reconciliation line with the patient. */
export const RESOLUTIONS = ['asListed', 'differently', 'notTaking', 'stopped'] as const;
export const RESOLUTION_LABELS: Record<(typeof RESOLUTIONS)[number], string> = {
  asListed: 'Taking as listed',
  differently: 'Taking differently',
  notTaking: 'Not taking',
  stopped: 'Stopped',
};

export const reviewCreateRequest = z
  .object({ patientId: idSchema, type: z.enum(REVIEW_TYPES, { error: 'Choose CMR, TMR or follow-up' }) })
  .strict();
export const reviewIdRequest = z.object({ id: idSchema }).strict();
export const patientReviewsRequest = z.object({ patientId: idSchema }).strict();

export interface ReviewSummary {
  id: string;
  type: (typeof REVIEW_TYPES)[number];
  status: ReviewStatus;
  pharmacist: string;
  createdAt: string;
  completedAt: string | null;
}
export const reviewUpdateRequest = z
  .object({
    id: idSchema,
    version,
    changes: z
      .object({
        deliveryMethod: z.enum(DELIVERY_METHODS, { error: 'Choose in person, telephone or video' }).nullable(),
        recipient: z.enum(RECIPIENTS, { error: 'Choose who received the review' }),
        caregiverName: optionalText(120).nullable(),
        caregiverRelationship: optionalText(60).nullable(),
        cognitiveImpairment: z.boolean(),
        cmrOfferedDate: pastDate('date the CMR was offered').nullable(),
        cmrOfferedMethod: z.enum(CMR_OFFER_METHODS).nullable(),
        cmrDate: pastDate('CMR date').nullable(),
        summarySentDate: pastDate('date the written summary was sent').nullable(),
        concerns: optionalText(2000).nullable(),
        currentStep: z.number().int().min(1).max(5),
        /** The pharmacist confirms the problem list (step 2); adding a problem afterwards asks for it again. */
        problemsConfirmed: z.boolean(),
        referrals: optionalText(1000).nullable(),
        education: optionalText(1000).nullable(),
        soapNote: optionalText(8000).nullable(),
        followUpDate: isoDate('follow-up date')
          .refine((v) => v >= todayIso(), 'The follow-up date cannot be in the past')
          .nullable(),
      })
      .partial()
      .strict(),
  })
  .strict();
/**
 * The face-to-face minutes the pharmacist confirms at sign-off and bills: whole minutes, at least one (the review
 * was delivered to someone), at most four hours (16 billable 15-minute units), beyond which a typo (450 for 45) is
 * likelier than a real encounter.
 */
export const MAX_FACE_TO_FACE_MINUTES = 240;
const faceToFaceMinutes = z
  .number({ error: 'Confirm the face-to-face minutes spent with the patient' })
  .int('Enter whole minutes')
  .min(1, 'At least 1 minute: enter the time spent with the patient')
  .max(MAX_FACE_TO_FACE_MINUTES, `Check the minutes: more than ${MAX_FACE_TO_FACE_MINUTES} minutes face to face?`);
/** Signing confirms the face-to-face minutes; the other actions take none. */
export const reviewActRequest = z.discriminatedUnion('action', [
  z.object({ id: idSchema, version, action: z.literal('complete'), minutes: faceToFaceMinutes }).strict(),
  z.object({ id: idSchema, version, action: z.enum(REVIEW_ACTIONS).exclude(['complete']) }).strict(),
]);
/** A correction of a signed review's minutes, with why. */
export const minutesCorrectionRequest = z
  .object({
    id: idSchema,
    version,
    minutes: faceToFaceMinutes,
    reason: z
      .string({ error: 'Say why the minutes change' })
      .trim()
      .min(3, 'Say why the minutes change (e.g. "timer left running while the patient waited")')
      .max(500, 'Keep the reason under 500 characters'),
  })
  .strict();
export const reviewTimerRequest = z
  .object({
    id: idSchema,
    version,
    timer: z.union([
      z.enum(['start', 'pause']),
      z
        .object({
          correctMinutes: z
            .number()
            .int()
            .min(0, 'Minutes cannot be negative')
            .max(600, 'More than 10 hours? Check the time'),
        })
        .strict(),
    ]),
  })
  .strict();
export const reconcileLineRequest = z
  .object({
    id: idSchema,
    version,
    lineKey: z.string().min(1).max(300),
    resolution: z.enum(RESOLUTIONS, { error: 'Choose how the patient takes it' }),
    note: optionalText(300),
  })
  .strict();

export const RECOMMENDATION_ACTIONS = [
  'start',
  'stop',
  'changeDose',
  'changeProduct',
  'monitor',
  'educate',
  'refer',
] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];
export const RECOMMENDATION_LABELS: Record<RecommendationAction, string> = {
  start: 'Start',
  stop: 'Stop',
  changeDose: 'Change dose',
  changeProduct: 'Change product',
  monitor: 'Monitor',
  educate: 'Educate',
  refer: 'Refer',
};
/**
 * The actions that always act on one medicine, and how the form asks for it. Monitor, educate and refer may
 * concern the patient's medicines as a whole (a pill box, a refill routine): they name one when they are about one.
 */
export const MEDICINE_ACTIONS = ['start', 'stop', 'changeDose', 'changeProduct'] as const;
export const MEDICINE_QUESTION: Record<(typeof MEDICINE_ACTIONS)[number], string> = {
  start: 'Name the new medicine to start',
  stop: 'Choose the medicine to stop',
  changeDose: 'Choose the medicine whose dose changes',
  changeProduct: 'Choose the medicine to change to another product',
};
export const needsMedicine = (action: RecommendationAction): boolean =>
  (MEDICINE_ACTIONS as readonly string[]).includes(action);

export type PlanLanguage = 'en' | 'es';
/** What {medicine} reads as in an item about no single medicine. */
export const NO_MEDICINE: Record<PlanLanguage, string> = bundledPhrases.noMedicine;
/** MTM Desk's own wording per action (resources/templates/action-plan-phrases.json), used when the pharmacy has none. */
export const DEFAULT_PHRASES: readonly Omit<Phrase, 'id' | 'updatedBy'>[] = bundledPhrases.phrases.map((p) => ({
  ...p,
  action: p.action as RecommendationAction,
}));
/** A phrase's text with the one medicine in place of {medicine}. */
export const fillPhrase = (template: string, medicine: string | null, language: PlanLanguage): string =>
  template.replaceAll('{medicine}', medicine?.trim() || NO_MEDICINE[language]);
/** A placeholder such as {medicine} left in text the patient would read. */
export const UNFILLED = /\{[^{}]*\}/;
export const ACTORS = ['patient', 'prescriber', 'pharmacist'] as const;
export const ACTOR_LABELS: Record<(typeof ACTORS)[number], string> = {
  patient: 'Patient',
  prescriber: 'Prescriber',
  pharmacist: 'Pharmacist',
};
export const OUTCOMES = ['accepted', 'modified', 'declined', 'noResponse'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  accepted: 'Accepted',
  modified: 'Modified',
  declined: 'Declined',
  noResponse: 'No response',
};
export const COMMUNICATION_METHODS = ['fax', 'phone', 'portal'] as const;
/** Days a prescriber is given to answer unless the pharmacist sets otherwise. */
export const RESPONSE_DAYS = 7;
export const COMMUNICATION_LABELS: Record<(typeof COMMUNICATION_METHODS)[number], string> = {
  fax: 'Fax',
  phone: 'Phone',
  portal: 'Portal / secure message',
};

const mapText = (label: string) =>
  z.string().trim().max(600, `Keep "${label}" under 600 characters: the patient reads it`);

/**
 * The action-plan text: each language's pair whole, no Spanish without the English it translates, nothing left
 * unfilled. The form fills both languages from the phrase; an item with no Spanish (a pharmacy's phrase without
 * it) prints its English words in a Spanish summary, which the documents say before printing.
 */
function checkPlanText(
  x: { talkedAbout: string; toDo: string; talkedAboutEs: string; toDoEs: string },
  ctx: z.RefinementCtx,
): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (Boolean(x.talkedAbout) !== Boolean(x.toDo))
    issue(
      x.talkedAbout ? 'toDo' : 'talkedAbout',
      'An action-plan item needs both "What we talked about" and "What I need to do"',
    );
  if (Boolean(x.talkedAboutEs) !== Boolean(x.toDoEs))
    issue(
      x.talkedAboutEs ? 'toDoEs' : 'talkedAboutEs',
      'The Spanish item needs both "Lo que hablamos" and "Lo que tengo que hacer"',
    );
  if (!x.talkedAbout && !x.toDo && x.talkedAboutEs)
    issue('talkedAbout', 'Write the item in English too: the Spanish one translates it');
  for (const k of ['talkedAbout', 'toDo', 'talkedAboutEs', 'toDoEs'] as const)
    if (UNFILLED.test(x[k]))
      issue(k, `Replace ${UNFILLED.exec(x[k])![0]} with the medicine's name: the patient would read it as typed`);
}

export const recommendationSaveRequest = z
  .object({
    id: idSchema,
    version,
    recommendation: z
      .object({
        /** Present when editing one already in the plan. */
        id: idSchema.optional(),
        problemId: z.uuid({ error: 'Choose the problem this plan is for' }),
        action: z.enum(RECOMMENDATION_ACTIONS, { error: 'Choose the recommendation (start, stop, change dose, …)' }),
        actor: z.enum(ACTORS, { error: 'Choose who acts: patient, prescriber or pharmacist' }),
        prescriberId: z.uuid({ error: 'Choose the prescriber' }).nullable().default(null),
        /**
         * The one medicine the recommendation acts on: one of the patient's current medicines, or for start a new
         * one. Required for start, stop, change dose and change product; null for one about no single medicine.
         */
        medicine: z
          .string({ error: 'Name the medicine' })
          .trim()
          .max(160, 'Name the medicine in under 160 characters')
          .nullable()
          .default(null)
          .transform((v) => v || null),
        detail: z
          .string({ error: 'Write the recommendation' })
          .trim()
          .min(3, 'Write the recommendation in a few words')
          .max(1000),
        talkedAbout: mapText('What we talked about').default(''),
        toDo: mapText('What I need to do').default(''),
        talkedAboutEs: mapText('Lo que hablamos').default(''),
        toDoEs: mapText('Lo que tengo que hacer').default(''),
      })
      .strict()
      .superRefine((r, ctx) => {
        if (r.actor === 'prescriber' && !r.prescriberId)
          ctx.addIssue({ code: 'custom', path: ['prescriberId'], message: 'Choose the prescriber who should act' });
        if (needsMedicine(r.action) && !r.medicine)
          ctx.addIssue({
            code: 'custom',
            path: ['medicine'],
            message: MEDICINE_QUESTION[r.action as (typeof MEDICINE_ACTIONS)[number]],
          });
        checkPlanText(r, ctx);
      }),
  })
  .strict();
/** "Why I use it" for a medicine on the reconciliation, saved on the patient's medication list. */
export const reasonSaveRequest = z
  .object({
    id: idSchema,
    lineKey: z.string().min(1).max(300),
    reason: z
      .string({ error: 'Write why the patient uses it' })
      .trim()
      .min(2, 'Write why the patient uses it, in a few words (e.g. "Blood pressure")')
      .max(160, 'Keep the reason under 160 characters: it prints on the medication list'),
  })
  .strict();
export const recommendationRemoveRequest = z.object({ id: idSchema, version, recommendationId: idSchema }).strict();
export const communicationSaveRequest = z
  .object({
    id: idSchema,
    version,
    prescriberId: idSchema,
    method: z.enum(COMMUNICATION_METHODS, { error: 'Choose fax, phone or portal' }),
    sentDate: pastDate('date sent'),
    dueDate: isoDate('response due date'),
  })
  .strict()
  .refine((c) => c.dueDate >= c.sentDate, {
    path: ['dueDate'],
    message: 'The response cannot be due before it was sent',
  });
export const outcomeRecordRequest = z
  .object({
    id: idSchema,
    version,
    recommendationId: idSchema,
    outcome: z.enum(OUTCOMES, { error: 'Choose accepted, modified, declined or no response' }),
    date: pastDate('date of the answer'),
    note: optionalText(500),
  })
  .strict();
export const addendumRequest = z
  .object({
    id: idSchema,
    text: z.string({ error: 'Write the addendum' }).trim().min(3, 'Write the addendum').max(4000),
  })
  .strict();

export interface Recommendation {
  id: string;
  problemId: string;
  action: RecommendationAction;
  actor: (typeof ACTORS)[number];
  prescriber: { id: string; name: string } | null;
  /** The one medicine it acts on; null for one about no single medicine, and for those made before it was asked. */
  medicine: string | null;
  detail: string;
  /** The Medication Action Plan item, in the patient's words; empty when the recommendation has none. */
  talkedAbout: string;
  toDo: string;
  /** The same item in Spanish; empty when it has none (items made before Spanish was asked for). */
  talkedAboutEs: string;
  toDoEs: string;
  outcome: { result: (typeof OUTCOMES)[number]; date: string; note: string | null; by: string } | null;
}

/** Every recommendation for one prescriber goes out as one communication. */
export interface PrescriberCommunication {
  prescriber: { id: string; name: string; fax: string | null; phone: string | null };
  method: (typeof COMMUNICATION_METHODS)[number] | null;
  sentDate: string | null;
  dueDate: string | null;
  recommendationIds: string[];
}

export interface Addendum {
  id: string;
  text: string;
  createdAt: string;
  createdBy: string;
}

/** A dated correction of a signed review's face-to-face minutes. */
export interface MinutesAddendum {
  id: string;
  oldMinutes: number;
  newMinutes: number;
  reason: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Where a prescriber communication is in its own life, apart from the review's sign-off: prepared (not sent yet),
 * sent (an answer awaited), then answered, or no response once every recommendation has only that.
 */
export type CommunicationState = 'prepared' | 'sent' | 'answered' | 'noResponse';
export const COMMUNICATION_STATE_LABELS: Record<CommunicationState, string> = {
  prepared: 'Not sent yet',
  sent: 'Awaiting the answer',
  answered: 'Answered',
  noResponse: 'No response',
};
export function communicationState(c: PrescriberCommunication, plan: Recommendation[]): CommunicationState {
  if (!c.sentDate) return 'prepared';
  const outcomes = plan.filter((x) => c.recommendationIds.includes(x.id)).map((x) => x.outcome?.result);
  if (outcomes.some((o) => !o)) return 'sent';
  return outcomes.every((o) => o === 'noResponse') ? 'noResponse' : 'answered';
}

export interface ReviewLine extends ReconciliationLine {
  resolution: (typeof RESOLUTIONS)[number] | null;
  note: string | null;
  /**
   * The one medicine the line is, as a recommendation names it: the ingredient for a single-ingredient medicine
   * ("metformin"), the product as listed (or as filled) for a combination or an unrecognised one.
   */
  medicine: string;
  /**
   * "Why I use it" as the Personal Medication List prints it (the medication-list entry's reason); null when none
   * is recorded, as for a medicine known only from the pharmacy's fills.
   */
  reason: string | null;
}

/** What the plan step starts a recommendation for a problem from. */
export interface PlanSuggestion {
  problemId: string;
  /** The patient's current medicines the problem names, as recommendations name them. */
  medicines: string[];
  /** From the finding's rule where its kind implies one (a dose above the limit → change dose); else null. */
  action: RecommendationAction | null;
  /** The one medicine, when the problem names exactly one (never for start: that is a medicine not taken yet). */
  medicine: string | null;
  /** The finding's suggested action, in clinical words; null for a problem entered by hand. */
  detail: string | null;
}

export interface Review {
  id: string;
  patientId: string;
  type: (typeof REVIEW_TYPES)[number];
  status: ReviewStatus;
  pharmacist: string;
  deliveryMethod: (typeof DELIVERY_METHODS)[number] | null;
  recipient: (typeof RECIPIENTS)[number];
  caregiverName: string | null;
  caregiverRelationship: string | null;
  cognitiveImpairment: boolean;
  cmrOfferedDate: string | null;
  cmrOfferedMethod: (typeof CMR_OFFER_METHODS)[number] | null;
  cmrDate: string | null;
  summarySentDate: string | null;
  concerns: string | null;
  currentStep: number;
  /** Seconds counted so far, and when the running timer was started (null when paused). */
  timer: { seconds: number; runningSince: string | null };
  /** The face-to-face minutes confirmed at sign-off, as corrected since (billing codes from these); null until signed. */
  faceToFaceMinutes: number | null;
  minutesAddenda: MinutesAddendum[];
  reconciliation: ReviewLine[];
  problemsConfirmed: { by: string; at: string } | null;
  /** The patient's open problems and any this review planned for. */
  problems: DrugTherapyProblem[];
  plan: Recommendation[];
  /** Problem ids planned in an earlier signed review (a follow-up need not plan them again). */
  plannedBefore: string[];
  communications: PrescriberCommunication[];
  referrals: string | null;
  education: string | null;
  /** The saved note, or (until one is saved) the note drafted from everything recorded. */
  soapNote: string;
  soapNoteEdited: boolean;
  followUpDate: string | null;
  /** Quarterly, as CMS expects targeted reviews for enrolled patients at least every quarter. */
  suggestedFollowUp: string;
  /** Per problem: its medicines and the recommendation the finding suggests, to start the plan from. */
  suggestions: PlanSuggestion[];
  /** What finalizing would refuse for, by step; empty once completed. */
  missing: { step: number; message: string }[];
  /** Worth recording before signing but not required (a TMR's medicines with no reason); empty once completed. */
  warnings: { step: number; message: string }[];
  signedBy: string | null;
  completedAt: string | null;
  addenda: Addendum[];
  allowedActions: ReviewAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** The pharmacy's reusable plain-language phrases for action-plan items; {medicine} is filled in. */
export interface Phrase {
  id: string;
  action: RecommendationAction;
  label: string;
  talkedAbout: string;
  toDo: string;
  /** The Spanish wording; empty for a phrase the pharmacy wrote before Spanish was asked for. */
  talkedAboutEs: string;
  toDoEs: string;
  updatedBy: string;
}
export const phraseSaveRequest = z
  .object({
    id: idSchema.optional(),
    action: z.enum(RECOMMENDATION_ACTIONS, { error: 'Choose the kind of recommendation' }),
    label: z.string({ error: 'Name the phrase' }).trim().min(2, 'Name the phrase').max(80),
    talkedAbout: mapText('What we talked about').min(3, 'Write "What we talked about"'),
    toDo: mapText('What I need to do').min(3, 'Write "What I need to do"'),
    talkedAboutEs: mapText('Lo que hablamos').default(''),
    toDoEs: mapText('Lo que tengo que hacer').default(''),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (Boolean(p.talkedAboutEs) !== Boolean(p.toDoEs))
      ctx.addIssue({
        code: 'custom',
        path: [p.talkedAboutEs ? 'toDoEs' : 'talkedAboutEs'],
        message: 'The Spanish wording needs both "Lo que hablamos" and "Lo que tengo que hacer" (or neither)',
      });
  });
export const phraseDeleteRequest = z.object({ id: idSchema }).strict();

/** The day's review work: what is open, what is overdue, who is due a follow-up. */
/** Who a line of Today's lists is about: two patients of the same name are told apart by date of birth. */
interface TodayPatient {
  patientId: string;
  patient: string;
  dateOfBirth: string;
}

export const TODAY_TASK_KINDS = ['summary', 'send', 'answer', 'offer', 'followUp', 'tmr', 'outreach'] as const;

/** One line of "Do these first": what to do, for whom, why, by when, and what opens it. */
export interface TodayTask extends TodayPatient {
  kind: (typeof TODAY_TASK_KINDS)[number];
  reason: string;
  /** Null for an adherence call, which has no deadline of its own. */
  dueDate: string | null;
  overdue: boolean;
  /** The review it opens, when it is about one; else the patient's record (or the offers list) opens. */
  reviewId: string | null;
}

export interface TodayWork {
  /** The first things to do: anything overdue or due within the week, soonest first, then the first calls to make. */
  queue: TodayTask[];
  inProgress: (TodayPatient & {
    reviewId: string;
    type: Review['type'];
    status: ReviewStatus;
    pharmacist: string;
    updatedAt: string;
  })[];
  /**
   * CMRs held with the patient whose written summary is not yet recorded as given or sent: due 14 days after the CMR
   * (CMS MTM FAQ), soonest first.
   */
  summariesDue: (TodayPatient & { reviewId: string; cmrDate: string; dueDate: string; overdue: boolean })[];
  /** Signed reviews whose recommendations to a prescriber are not yet recorded as sent: due from the signing. */
  unsentRecommendations: (TodayPatient & { reviewId: string; prescriber: string; dueDate: string; count: number })[];
  overdueResponses: (TodayPatient & { reviewId: string; prescriber: string; dueDate: string; pending: number })[];
  followUpsDue: (TodayPatient & { reviewId: string; followUpDate: string })[];
  /** Enrolled this contract year and no TMR signed yet this quarter (CMS expects one at least quarterly). */
  tmrsDue: (TodayPatient & { lastTmr: string | null; dueDate: string })[];
  /** Members of this contract year whose CMR offer is still to make, soonest due first (60 days, CMS guidance). */
  cmrOffersDue: CmrOfferDue[];
  /** The first page of the adherence calls still to make, ranked as the adherence worklist ranks them. */
  outreach: AdherenceWorklist;
}
