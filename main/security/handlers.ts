// The security channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { securityChannels } from '../../preload/channels/security';
import { type HandlersOf, done } from '../bridge/handler';
import { createDemoPharmacy } from '../demo/create-demo';
import { exportAuditCsv, searchAudit } from './audit/audit-query';
import { createBackup, listBackups, prepareBackupFolder, restoreBackup } from './backup/backups';
import { addUser, disableUser, listUsers, resetPassword, updateUser } from './user-admin';
import { getSettings, updateSettings } from '../settings/pharmacy-settings';
import { AppError } from '../common/errors';

/** Enough patients for every screen to have something to show, quick to make at first run. */
const DEMO_PATIENTS = 300;

export const securityHandlers: HandlersOf<typeof securityChannels> = {
  'security:status': async ({ session }) => session.status(),
  'security:setup': async ({ session }, req) => session.setup(req),
  'security:connectShared': async ({ session }, req) => session.connectShared(req),
  'security:setupDemo': async ({ session }, req) => {
    const { demo: _summary, ...result } = await createDemoPharmacy(session, req.account, {
      patients: DEMO_PATIENTS,
      seed: 1,
    });
    return result;
  },
  'security:restore': async ({ session }, req) => {
    if (session.isInitialized)
      throw new AppError(
        'alreadyInitialized',
        'This computer already has a pharmacy set up. Restore into an empty data folder with `mtm restore`.',
      );
    return restoreBackup(req, session.paths.dataDir, session.sealers);
  },
  'security:signIn': async ({ session }, req) => session.signIn(req),
  'security:signOut': async ({ session }) => done(session.signOut()),
  'security:lock': async ({ session }) => done(session.lock('user')),
  'security:unlock': async ({ session }, req) => session.unlock(req.password),
  'security:activity': async () => null,
  'security:breakGlass': async ({ session }, req) => session.breakGlass(req),
  'security:changeOwnPassword': async ({ session }, req) => session.changeOwnPassword(req),
  'users:list': async ({ session }) => listUsers(session),
  'users:add': async ({ session }, req) => addUser(session, req),
  'users:update': async ({ session }, req) => updateUser(session, req),
  'users:disable': async ({ session }, req) => disableUser(session, req.username),
  'security:rekey': async ({ session }, req) => session.rekey(req.reason, {}),
  'users:resetPassword': async ({ session }, req) => resetPassword(session, req),
  'audit:search': async ({ db }, req) => searchAudit(db, req.filter, req.limit, req.offset),
  'audit:exportCsv': async ({ db }, req) => exportAuditCsv(db, req.filter),
  'audit:acknowledgeAlarms': async ({ session }, req) => session.acknowledgeAlarms(req.note),
  'settings:get': async ({ db }) => getSettings(db.manager),
  'settings:update': async ({ db, user, session }, req) => {
    if (req.autoBackup?.enabled) prepareBackupFolder(req.autoBackup.folder);
    await db.transaction((em) => updateSettings(em, req, user.username));
    const settings = await getSettings(db.manager);
    session.applySettings(settings);
    return settings;
  },
  'backup:create': async ({ session }, req) => createBackup(session, req.folder),
  'backup:list': async (_ctx, req) => listBackups(req.folder),
};
