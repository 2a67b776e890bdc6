// The single door every request passes, whatever transport brought it: unknown channel, schema
// validation, sign-in and permission checks, the handler, the audit entry; every failure leaves
// as a BridgeError envelope.
import { randomBytes } from 'node:crypto';
import type { ZodError } from 'zod';
import { contract, type BridgeError, type BridgeResult, type ChannelName } from '../../preload/contract';
import { isAllowed, PERMISSIONS, REQUIREMENT_WORDS } from '../../preload/permissions';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { AUDIT_POLICY, type Described } from '../security/audit/audit-policy';
import type { Session } from '../security/session';
import { handlers, type Handler } from './handlers';

function validationError(error: ZodError): BridgeError {
  const issues = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0]!;
  return {
    code: 'validation',
    message: first.field ? first.message : `The request was not understood: ${first.message}`,
    ...(first.field ? { field: first.field } : {}),
    issues,
  };
}

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

function envelope(err: unknown, channel: string): BridgeError {
  if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.issues ? { issues: err.issues } : {}) };
  // Unexpected: the details stay in the log; the screen gets a reference to quote.
  const ref = randomBytes(4).toString('hex').toUpperCase();
  console.error(`[mtm] ${channel} failed (ref ${ref}):`, err);
  return { code: 'internal', message: `Something went wrong and the action did not complete (reference ${ref}). Try again; if it keeps happening, tell your IT contact this reference.` };
}

export async function dispatch(session: Session, channel: string, payload: unknown): Promise<BridgeResult<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknownChannel', message: `There is no channel named "${channel}".` } };
  // Only a missing payload means "no arguments"; null or any other non-object is refused.
  const parsed = contract[channel].request.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };

  const requirement = PERMISSIONS[channel];
  const rule = AUDIT_POLICY[channel] as ((req: unknown, res: unknown) => Described) | 'self' | 'none';
  const describe = (res?: unknown): Described => (typeof rule === 'function' ? rule(parsed.data, res) : { action: channel, category: 'security' });
  let user: SignedInUser | null = null;
  try {
    if (requirement !== 'public') {
      user = session.current().user;
      if (!isAllowed(user, requirement)) {
        await session.audit({ ...describe(), username: user.username, outcome: 'denied', detail: `${channel} needs ${REQUIREMENT_WORDS[requirement]}` });
        user = null; // recorded; not again as a failure below
        throw new AppError('forbidden', `Only ${REQUIREMENT_WORDS[requirement]} can do this. Ask one to do it, or to change your permissions.`);
      }
      session.touch();
    }
    const handler = handlers[channel] as Handler<ChannelName>;
    const data = await handler(parsed.data as never, { session });
    if (user && typeof rule === 'function') await session.audit({ ...describe(data), username: user.username, outcome: 'success' });
    return { ok: true, data };
  } catch (err) {
    const error = envelope(err, channel);
    if (user && typeof rule === 'function') {
      await session.audit({ ...describe(), username: user.username, outcome: 'failure', detail: error.message }).catch(() => {});
    }
    return { ok: false, error };
  }
}
