// The single door every request passes, whatever transport brought it: unknown channel, sign-in
// and permission checks (before the payload is read, so every refusal is audited), the temporary-
// password rule, schema validation, the handler and its audit entry — for a change, in the same
// transaction — and every failure leaves as a BridgeError envelope.
import type { ZodError } from 'zod';
import { contract, type BridgeError, type BridgeResult, type ChannelName } from '../../preload/contract';
import { isAllowed, PERMISSIONS, REQUIREMENT_WORDS } from '../../preload/permissions';
import type { SignedInUser } from '../../preload/schemas/security';
import { AppError } from '../common/errors';
import { logFailure } from '../common/log';
import { connectionLost } from '../db/dialect';
import { appendAudit, type AuditEvent } from '../security/audit/audit-log';
import { AUDIT_POLICY, READ_ONLY, type Described } from '../security/audit/audit-policy';
import type { Session } from '../security/session';
import type { Context, PublicContext } from './handler';
import { handlers } from './handlers';

/** While a temporary password is in force only these work: the user's first job is to choose their own. */
const WHILE_TEMPORARY = new Set<ChannelName>([
  'security:status',
  'security:activity',
  'security:changeOwnPassword',
  'security:signOut',
  'security:lock',
]);

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

/** SQLite's "database is locked", however the driver wrapped it. */
function isBusy(err: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? String(e.code) : '');
  return (
    code(err).startsWith('SQLITE_BUSY') ||
    code((err as { driverError?: unknown } | null)?.driverError).startsWith('SQLITE_BUSY')
  );
}

function envelope(err: unknown, channel: string): BridgeError {
  if (err instanceof AppError)
    return {
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
      ...(err.issues ? { issues: err.issues } : {}),
    };
  if (isBusy(err))
    return {
      code: 'conflict',
      message:
        'The database is busy: another program (a backup tool, or MTM Desk elsewhere) is writing to it. Nothing was changed; try again in a moment.',
    };
  if (connectionLost(err))
    return {
      code: 'unavailable',
      message:
        'The shared database server cannot be reached just now, so this was not done. Check the network, or ask your IT contact whether the server is running; then try again.',
    };
  // Unexpected: its name and message go to the log (never the object: SQL parameters hold patient data); the screen
  // gets a reference to quote.
  const ref = logFailure(channel, err);
  return {
    code: 'internal',
    message: `Something went wrong and the action did not complete (reference ${ref}). Try again; if it keeps happening, tell your IT contact this reference.`,
  };
}

/**
 * An audit row outside a change: queued behind any running change, so it never joins (and rolls back with) its
 * transaction.
 */
const record = (session: Session, event: AuditEvent) => session.serialized(() => session.audit(event));

/** Who is asking, or the refusal (audited) when they may not. */
async function admit(session: Session, channel: ChannelName, describe: () => Described): Promise<SignedInUser | null> {
  const requirement = PERMISSIONS[channel];
  if (requirement === 'public') return null;
  const user = session.current().user;
  if (!isAllowed(user, requirement)) {
    await record(session, {
      ...describe(),
      username: user.username,
      outcome: 'denied',
      detail: `${channel} needs ${REQUIREMENT_WORDS[requirement]}`,
    });
    throw new AppError(
      'forbidden',
      `Only ${REQUIREMENT_WORDS[requirement]} can do this. Ask one to do it, or to change your permissions.`,
    );
  }
  if (user.mustChangePassword && !WHILE_TEMPORARY.has(channel)) {
    await record(session, {
      ...describe(),
      username: user.username,
      outcome: 'denied',
      detail: `${channel} refused: temporary password not yet changed`,
    });
    throw new AppError(
      'passwordChangeRequired',
      'Choose your own password first: the one you were given is temporary.',
    );
  }
  if (!contract[channel].background) session.touch();
  return user;
}

export async function dispatch(session: Session, channel: string, payload: unknown): Promise<BridgeResult<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'unknownChannel', message: `There is no channel named "${channel}".` } };
  const rule = AUDIT_POLICY[channel] as ((req: unknown, res: unknown) => Described) | 'self' | 'none';
  const audited = typeof rule === 'function';
  // Before the payload is read there is only the channel to describe the event by.
  const bare = (): Described => ({ action: channel, category: 'request' });
  let user: SignedInUser | null = null;
  let request: unknown;
  try {
    user = await admit(session, channel, bare);
    // Only a missing payload means "no arguments"; null or any other non-object is refused.
    const parsed = contract[channel].request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const error = validationError(parsed.error);
      if (user && audited)
        await record(session, {
          ...bare(),
          username: user.username,
          outcome: 'failure',
          detail: `malformed request${error.field ? ` (${error.field})` : ''}`,
        });
      return { ok: false, error };
    }
    request = parsed.data;
    const handler = handlers[channel] as (ctx: PublicContext | Context, req: unknown) => Promise<unknown>;
    const run = () => handler(user ? { session, db: session.current().db, user } : { session }, request);
    if (READ_ONLY.has(channel)) {
      const data = await run();
      if (user && audited)
        await record(session, { ...rule(request, data), username: user.username, outcome: 'success' });
      return { ok: true, data };
    }
    // Changes one at a time (one connection: an interleaved write would join another's transaction);
    // a change and its audit row commit together, or not at all.
    const data = await session.serialized(() =>
      user && audited
        ? session.current().db.transaction(async (em) => {
            const d = await run();
            await appendAudit(em, { ...rule(request, d), username: user!.username, outcome: 'success' });
            return d;
          })
        : run(),
    );
    return { ok: true, data };
  } catch (err) {
    const error = envelope(err, channel);
    if (user && audited && error.code !== 'forbidden' && error.code !== 'passwordChangeRequired') {
      const describe = request === undefined ? bare() : rule(request, undefined);
      await record(session, { ...describe, username: user.username, outcome: 'failure', detail: error.message }).catch(
        () => {},
      );
    }
    return { ok: false, error };
  } finally {
    await session.anchorAudit().catch((err) => logFailure('audit anchor', err));
  }
}
