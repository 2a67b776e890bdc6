// What a channel declares, in one place: its request schema and response type, who may call it, whether
// it only reads, and how a call is written to the audit trail. The dispatcher enforces all of it.
import type { z } from 'zod';
import type { auditFilterSchema } from '../schemas/audit';

/** public: no sign-in needed; signedIn: any role; pharmacist: pharmacists only; admin: administrators. */
export type Requirement = 'public' | 'signedIn' | 'pharmacist' | 'admin';

/** An audit entry as a channel describes it; the dispatcher adds who, when and the outcome. */
export interface AuditDescription {
  action: string;
  category: string;
  patientId?: string | null;
  objectId?: string | null;
  detail?: string | null;
}

/**
 * A function of the request (and the response, when there is one) describing the entry; 'self': the
 * domain code records it (it knows more, e.g. failures while the database is closed); 'none': nothing
 * worth recording (no patient data, no change). Refused calls are recorded whatever this says.
 */
export type AuditRule<Req, Res> = ((req: Req, res: Res | undefined) => AuditDescription) | 'self' | 'none';

export interface ChannelSpec<Req extends z.ZodType, Res, A extends Requirement> {
  request: Req;
  /** Type-only marker carrying the response type; never read at run time. */
  response: Res;
  access: A;
  /** Only reads the database: runs outside the change queue and is audited after it answers. */
  reads: boolean;
  audit: AuditRule<z.output<Req>, Res>;
  /** Asked by a screen on its own (not by the person): does not count as activity for the idle lock. */
  background: boolean;
}

export const channel =
  <Res>() =>
  <Req extends z.ZodType, A extends Requirement>(
    request: Req,
    spec: { access: A; reads?: true; background?: true; audit: AuditRule<z.output<Req>, Res> },
  ): ChannelSpec<Req, Res, A> => ({
    request,
    response: undefined as Res,
    access: spec.access,
    reads: spec.reads ?? false,
    audit: spec.audit,
    background: spec.background ?? false,
  });

/** The audit category of the patient record itself. */
export const RECORD = 'patient record';

/** "from 2026-11-01, action user.add" — the filter an administrator used, in words. */
export function describeFilter(f: z.output<typeof auditFilterSchema>): string {
  const parts = [
    f.from && `from ${f.from}`,
    f.to && `to ${f.to}`,
    f.username && `user ${f.username}`,
    f.patient && `patient "${f.patient}"`,
    f.action && `action ${f.action}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all entries';
}
