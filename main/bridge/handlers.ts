// The contract implemented: one entry per channel, a type error if one is missing.
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../preload/contract';
import { createPatient, deletePatient, findDuplicates, getPatient, updatePatient } from '../patients/patient-store';
import { searchPatients } from '../patients/patient-search';
import type { Session } from '../security/session';

export interface HandlerContext {
  session: Session;
}
export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>, ctx: HandlerContext) => Promise<ResponseOf<C>>;

export const handlers: { [C in ChannelName]: Handler<C> } = {
  'security:status': async (_req, { session }) => session.status(),
  'security:setup': async (req, { session }) => session.setup(req),
  'security:signIn': async (req, { session }) => session.signIn(req),
  'security:signOut': async (_req, { session }) => {
    await session.signOut();
    return null;
  },
  'patients:search': async (req, { session }) => searchPatients(session.current().db, req.query, req.limit),
  'patients:get': async (req, { session }) => getPatient(session.current().db, req.id),
  'patients:create': async (req, { session }) => {
    const { db, user } = session.current();
    return createPatient(db, user, req.patient, req.allowDuplicate);
  },
  'patients:update': async (req, { session }) => {
    const { db, user } = session.current();
    return updatePatient(db, user, req.id, req.version, req.patient);
  },
  'patients:delete': async (req, { session }) => {
    const { db, user } = session.current();
    await deletePatient(db, user, req.id, req.reason);
    return null;
  },
  'patients:findDuplicates': async (req, { session }) => findDuplicates(session.current().db.manager, req),
};
