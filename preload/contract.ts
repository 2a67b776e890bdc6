// The bridge contract: every channel the renderer may call. Each capability declares its channels in
// preload/channels/ — request schema, response type, who may call it, how a call is audited — and this
// table joins them. main (dispatch, handlers), preload (exposure) and renderer (api) all derive from it.
import type { z } from 'zod';
import { securityChannels } from './channels/security';
import { patientsChannels } from './channels/patients';
import { clinicalChannels } from './channels/clinical';
import { medicationsChannels } from './channels/medications';
import { checksChannels } from './channels/checks';
import { reviewsChannels } from './channels/reviews';
import { billingChannels } from './channels/billing';
import { adherenceChannels } from './channels/adherence';
import { reportsChannels } from './channels/reports';
import { documentsChannels } from './channels/documents';
import { eligibilityChannels } from './channels/eligibility';
import { fillsChannels } from './channels/fills';
import { prescribersChannels } from './channels/prescribers';
import { scanningChannels } from './channels/scanning';

export const contract = {
  ...securityChannels,
  ...patientsChannels,
  ...clinicalChannels,
  ...medicationsChannels,
  ...checksChannels,
  ...reviewsChannels,
  ...billingChannels,
  ...adherenceChannels,
  ...reportsChannels,
  ...documentsChannels,
  ...eligibilityChannels,
  ...fillsChannels,
  ...prescribersChannels,
  ...scanningChannels,
};

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
  'unavailable', // the shared database cannot be reached or used (the message says why)
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

export {
  BRIDGE_GLOBAL,
  EVENTS_GLOBAL,
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  HTTP_TOKEN_HEADER,
  SESSION_EVENT_CHANNEL,
} from './transport';
