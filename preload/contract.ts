// The bridge contract: every channel the renderer may call, with its request schema and response
// type. main (handlers, validation), preload (exposure) and renderer (api) all derive from this
// table; adding a channel is one entry here, one in preload/permissions.ts, and its handler.
import type { z } from 'zod';
import {
  conditionAddRequest,
  conditionResolveRequest,
  labAddRequest,
  patientClinicalRequest,
  type Condition,
  type LabResult,
  type PatientClinical,
  conditionSearchRequest,
  type ConditionMatch,
} from './schemas/clinical';
import { auditExportRequest, acknowledgeAlarmsRequest, auditSearchRequest, type AuditExport, type AuditSearchResult } from './schemas/audit';
import {
  duplicateCheckRequest,
  patientCreateRequest,
  patientDeleteRequest,
  patientIdRequest,
  patientSearchRequest,
  patientUpdateRequest,
  type PatientDetail,
  type PatientSearchResult,
  type PatientSummary,
} from './schemas/patients';
import { fillImportRequest, fillPreviewRequest, type FillImportReport } from './schemas/fills';
import {
  medicationAddRequest,
  medicationIdRequest,
  medicationListRequest,
  medicationStopRequest,
  medicationUpdateRequest,
  type Medication,
  type MedicationList,
  type MedicationVersion,
} from './schemas/medications';
import {
  addendumRequest,
  communicationSaveRequest,
  outcomeRecordRequest,
  patientReviewsRequest,
  phraseDeleteRequest,
  phraseSaveRequest,
  reconcileLineRequest,
  recommendationRemoveRequest,
  recommendationSaveRequest,
  reviewActRequest,
  reviewCreateRequest,
  reviewIdRequest,
  reviewTimerRequest,
  reviewUpdateRequest,
  type Phrase,
  type Review,
  type ReviewSummary,
  type TodayWork,
} from './schemas/reviews';
import { acceptFindingRequest, dismissFindingRequest, genotypeAddRequest, genotypeListRequest, patientChecksRequest, problemAddRequest, problemListRequest, problemReopenRequest, problemResolveRequest, type DrugTherapyProblem, type Genotype, type PatientChecks, type PopulationChecks } from './schemas/checks';
import { batchIdRequest, dataElementsRequest, billingProviderSchema, claimActionRequest, claimCreateRequest, claimExportRequest, claimListRequest, payerSchema, renderingPharmacistSchema, type BatchSummary, type BillingSetup, type Claim, type ClaimBatch, type ClaimPreview, type DataElementsFile } from './schemas/billing';
import { reportRequest, type ReportSummary } from './schemas/reports';
import { outreachHistoryRequest, outreachLogRequest, patientAdherenceRequest, worklistRequest, type AdherenceWorklist, type OutreachAttempt, type PatientAdherence } from './schemas/adherence';
import { carePlanRequest, documentRequest, documentSentRequest, type CarePlanFile, type PrintedDocument } from './schemas/documents';
import { drugSearchRequest, type DrugMatch, type RxNormStatus } from './schemas/drugs';
import { criteriaGetRequest, criteriaSetRequest, enrollmentActionRequest, screeningRequest, type Enrollment, type ScreeningResult, type YearCriteria } from './schemas/eligibility';
import {
  prescriberCreateRequest,
  prescriberIdRequest,
  prescriberSearchRequest,
  prescriberUpdateRequest,
  type Prescriber,
} from './schemas/prescribers';
import { emptyRequest, setupDemoRequest, setupRequest, signInRequest, type AppStatus, type SetupResult, type SignedInUser } from './schemas/security';
import {
  backupCreateRequest,
  backupListRequest,
  restoreRequest,
  settingsUpdateRequest,
  type BackupFileInfo,
  type BackupResult,
  type PharmacySettings,
  type RestoreReport,
} from './schemas/settings';
import {
  breakGlassRequest,
  changeOwnPasswordRequest,
  rekeyRequest,
  type RekeyReport,
  unlockRequest,
  userAddRequest,
  usernameRequest,
  userResetPasswordRequest,
  userUpdateRequest,
  type UserSummary,
} from './schemas/users';

interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-only marker carrying the response type; never read at run time. */
  response: Res;
}

const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request, response: undefined as Res });

// Who may call each channel is decided in preload/permissions.ts.
export const contract = {
  'security:status': channel<AppStatus>()(emptyRequest),
  'security:setup': channel<SetupResult>()(setupRequest),
  'security:setupDemo': channel<SetupResult>()(setupDemoRequest),
  'security:restore': channel<RestoreReport>()(restoreRequest),
  'security:signIn': channel<SignedInUser>()(signInRequest),
  'security:signOut': channel<null>()(emptyRequest),
  'security:lock': channel<null>()(emptyRequest),
  'security:unlock': channel<SignedInUser>()(unlockRequest),
  'security:activity': channel<null>()(emptyRequest),
  'security:breakGlass': channel<SignedInUser>()(breakGlassRequest),
  'security:changeOwnPassword': channel<SignedInUser>()(changeOwnPasswordRequest),
  'users:list': channel<UserSummary[]>()(emptyRequest),
  'users:add': channel<UserSummary>()(userAddRequest),
  'users:update': channel<UserSummary>()(userUpdateRequest),
  'users:disable': channel<{ user: UserSummary; rekey: RekeyReport }>()(usernameRequest),
  'security:rekey': channel<RekeyReport>()(rekeyRequest),
  'users:resetPassword': channel<UserSummary>()(userResetPasswordRequest),
  'audit:search': channel<AuditSearchResult>()(auditSearchRequest),
  'audit:exportCsv': channel<AuditExport>()(auditExportRequest),
  'audit:acknowledgeAlarms': channel<AppStatus>()(acknowledgeAlarmsRequest),
  'settings:get': channel<PharmacySettings>()(emptyRequest),
  'settings:update': channel<PharmacySettings>()(settingsUpdateRequest),
  'backup:create': channel<BackupResult>()(backupCreateRequest),
  'backup:list': channel<BackupFileInfo[]>()(backupListRequest),
  'patients:search': channel<PatientSearchResult>()(patientSearchRequest),
  'patients:get': channel<PatientDetail>()(patientIdRequest),
  'patients:create': channel<PatientDetail>()(patientCreateRequest),
  'patients:update': channel<PatientDetail>()(patientUpdateRequest),
  'patients:delete': channel<null>()(patientDeleteRequest),
  'patients:findDuplicates': channel<PatientSummary[]>()(duplicateCheckRequest),
  'patients:clinical': channel<PatientClinical>()(patientClinicalRequest),
  'conditions:search': channel<ConditionMatch[]>()(conditionSearchRequest),
  'conditions:add': channel<Condition>()(conditionAddRequest),
  'conditions:resolve': channel<Condition>()(conditionResolveRequest),
  'labs:add': channel<LabResult>()(labAddRequest),
  'medications:list': channel<MedicationList>()(medicationListRequest),
  'medications:add': channel<Medication>()(medicationAddRequest),
  'medications:update': channel<Medication>()(medicationUpdateRequest),
  'medications:stop': channel<Medication>()(medicationStopRequest),
  'medications:history': channel<MedicationVersion[]>()(medicationIdRequest),
  'checks:patient': channel<PatientChecks>()(patientChecksRequest),
  'checks:dismiss': channel<PatientChecks>()(dismissFindingRequest),
  'checks:accept': channel<PatientChecks>()(acceptFindingRequest),
  'checks:population': channel<PopulationChecks>()(emptyRequest),
  'problems:list': channel<DrugTherapyProblem[]>()(problemListRequest),
  'problems:add': channel<DrugTherapyProblem>()(problemAddRequest),
  'problems:resolve': channel<DrugTherapyProblem>()(problemResolveRequest),
  'problems:reopen': channel<DrugTherapyProblem>()(problemReopenRequest),
  'genotypes:list': channel<Genotype[]>()(genotypeListRequest),
  'genotypes:add': channel<Genotype>()(genotypeAddRequest),
  'reviews:create': channel<Review>()(reviewCreateRequest),
  'reviews:get': channel<Review>()(reviewIdRequest),
  'reviews:forPatient': channel<ReviewSummary[]>()(patientReviewsRequest),
  'reviews:update': channel<Review>()(reviewUpdateRequest),
  'reviews:act': channel<Review>()(reviewActRequest),
  'reviews:timer': channel<Review>()(reviewTimerRequest),
  'reviews:resolveLine': channel<Review>()(reconcileLineRequest),
  'reviews:saveRecommendation': channel<Review>()(recommendationSaveRequest),
  'reviews:removeRecommendation': channel<Review>()(recommendationRemoveRequest),
  'reviews:saveCommunication': channel<Review>()(communicationSaveRequest),
  'reviews:recordOutcome': channel<Review>()(outcomeRecordRequest),
  'reviews:addAddendum': channel<Review>()(addendumRequest),
  'reviews:today': channel<TodayWork>()(emptyRequest),
  'billing:setup': channel<BillingSetup>()(emptyRequest),
  'billing:saveProvider': channel<BillingSetup>()(billingProviderSchema),
  'billing:savePharmacist': channel<BillingSetup>()(renderingPharmacistSchema),
  'billing:savePayer': channel<BillingSetup>()(payerSchema),
  'claims:preview': channel<ClaimPreview>()(claimCreateRequest),
  'claims:create': channel<Claim>()(claimCreateRequest),
  'claims:batches': channel<BatchSummary[]>()(emptyRequest),
  'claims:batchFile': channel<ClaimBatch>()(batchIdRequest),
  'claims:list': channel<Claim[]>()(claimListRequest),
  'claims:act': channel<Claim>()(claimActionRequest),
  'claims:export': channel<ClaimBatch>()(claimExportRequest),
  'adherence:patient': channel<PatientAdherence>()(patientAdherenceRequest),
  'adherence:worklist': channel<AdherenceWorklist>()(worklistRequest),
  'adherence:outreach': channel<OutreachAttempt[]>()(outreachHistoryRequest),
  'adherence:logOutreach': channel<OutreachAttempt[]>()(outreachLogRequest),
  'reports:summary': channel<ReportSummary>()(reportRequest),
  'reports:mtmDataElements': channel<DataElementsFile>()(dataElementsRequest),
  'documents:make': channel<PrintedDocument>()(documentRequest),
  'documents:sent': channel<Review>()(documentSentRequest),
  'documents:carePlan': channel<CarePlanFile>()(carePlanRequest),
  'phrases:list': channel<Phrase[]>()(emptyRequest),
  'phrases:save': channel<Phrase>()(phraseSaveRequest),
  'phrases:delete': channel<null>()(phraseDeleteRequest),
  'drugs:search': channel<DrugMatch[]>()(drugSearchRequest),
  'drugs:status': channel<RxNormStatus>()(emptyRequest),
  'eligibility:criteria': channel<YearCriteria>()(criteriaGetRequest),
  'eligibility:setCriteria': channel<YearCriteria>()(criteriaSetRequest),
  'eligibility:screen': channel<ScreeningResult>()(screeningRequest),
  'eligibility:record': channel<Enrollment>()(enrollmentActionRequest),
  'fills:preview': channel<FillImportReport>()(fillPreviewRequest),
  'fills:import': channel<FillImportReport>()(fillImportRequest),
  'prescribers:search': channel<{ prescribers: Prescriber[]; truncated: boolean }>()(prescriberSearchRequest),
  'prescribers:get': channel<Prescriber>()(prescriberIdRequest),
  'prescribers:create': channel<Prescriber>()(prescriberCreateRequest),
  'prescribers:update': channel<Prescriber>()(prescriberUpdateRequest),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS = Object.keys(contract) as ChannelName[];

/** What a caller sends (before defaults and normalisation). */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
/** What a handler receives (after validation). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = Contract[C]['response'];

export const ERROR_CODES = [
  'validation', // the request broke the contract's schema; `field` names the first bad field
  'unauthenticated', // nobody is signed in
  'locked', // the screen is locked: the same user's password resumes
  'forbidden', // signed in, but this role may not do this
  'passwordChangeRequired', // signed in with a temporary password: only choosing a new one is allowed
  'throttled', // too many wrong passwords: sign-in waits (the message says how long)
  'badCredentials', // sign-in failed; never says which part was wrong
  'notFound',
  'conflict', // e.g. the record changed since it was loaded
  'duplicate', // a patient with the same name and date of birth exists
  'alreadyInitialized',
  'notInitialized',
  'unknownChannel',
  'internal', // anything unexpected; details go to the log, never to the screen
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  message: string;
}

/** The only shape an error takes when it crosses the bridge. */
export interface BridgeError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Every field problem, for forms that show messages beside each field. */
  issues?: FieldIssue[];
}

export type BridgeResult<T> = { ok: true; data: T } | { ok: false; error: BridgeError };

/** The object the preload script exposes on window: one function per channel, nothing else. */
export type BridgeApi = { [C in ChannelName]: (request: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>> };

export { BRIDGE_GLOBAL, EVENTS_GLOBAL, HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER, SESSION_EVENT_CHANNEL } from './transport';
