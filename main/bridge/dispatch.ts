// The single door every request passes, whatever transport brought it: unknown channel, schema
// validation, sign-in check, then the handler; every failure leaves as a BridgeError envelope.
import { randomBytes } from 'node:crypto';
import type { ZodError } from 'zod';
import { contract, type BridgeError, type BridgeResult, type ChannelName } from '../../preload/contract';
import { AppError } from '../common/errors';
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

export async function dispatch(session: Session, channel: string, payload: unknown): Promise<BridgeResult<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknownChannel', message: `There is no channel named "${channel}".` } };
  const spec = contract[channel];
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  try {
    if (spec.access === 'signedIn') session.current();
    const handler = handlers[channel] as Handler<ChannelName>;
    return { ok: true, data: await handler(parsed.data as never, { session }) };
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.issues ? { issues: err.issues } : {}) } };
    }
    // Unexpected: the details stay in the log; the screen gets a reference to quote.
    const ref = randomBytes(4).toString('hex').toUpperCase();
    console.error(`[mtm] ${channel} failed (ref ${ref}):`, err);
    return { ok: false, error: { code: 'internal', message: `Something went wrong and the action did not complete (reference ${ref}). Try again; if it keeps happening, tell your IT contact this reference.` } };
  }
}
