// The bridge contract: every channel the renderer may call, with its request schema, response
// type and who may call it. main (handlers, validation), preload (exposure) and renderer (api)
// all derive from this table; adding a channel is one entry here plus its handler.
import type { z } from 'zod';
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
import { emptyRequest, setupRequest, signInRequest, type AppStatus, type SetupResult, type SignedInUser } from './schemas/security';

/** public: callable before sign-in; signedIn: needs an unlocked database and a user. */
export type Access = 'public' | 'signedIn';

interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  access: Access;
  /** Type-only marker carrying the response type; never read at run time. */
  response: Res;
}

const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req, access: Access): ChannelSpec<Req, Res> => ({
    request,
    access,
    response: undefined as Res,
  });

export const contract = {
  'security:status': channel<AppStatus>()(emptyRequest, 'public'),
  'security:setup': channel<SetupResult>()(setupRequest, 'public'),
  'security:signIn': channel<SignedInUser>()(signInRequest, 'public'),
  'security:signOut': channel<null>()(emptyRequest, 'public'),
  'patients:search': channel<PatientSearchResult>()(patientSearchRequest, 'signedIn'),
  'patients:get': channel<PatientDetail>()(patientIdRequest, 'signedIn'),
  'patients:create': channel<PatientDetail>()(patientCreateRequest, 'signedIn'),
  'patients:update': channel<PatientDetail>()(patientUpdateRequest, 'signedIn'),
  'patients:delete': channel<null>()(patientDeleteRequest, 'signedIn'),
  'patients:findDuplicates': channel<PatientSummary[]>()(duplicateCheckRequest, 'signedIn'),
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
  'unauthenticated', // nobody is signed in (or the session was locked)
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

export const BRIDGE_GLOBAL = 'mtmBridge';

/** The loopback HTTP transport (browser mode): POST {HTTP_API_PREFIX}{channel} with the run's token. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_TOKEN_HEADER = 'x-mtm-token';
