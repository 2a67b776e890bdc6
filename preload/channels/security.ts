// The channels for setup, sign-in and lock, users, the audit trail, settings and backups: each with its request schema,
// response type, who may call it (access), whether it only reads (reads) and how a call is written to the audit trail
// (audit).
import { channel, describeFilter } from './channel';
import {
  acknowledgeAlarmsRequest,
  type AuditExport,
  auditExportRequest,
  auditSearchRequest,
  type AuditSearchResult,
} from '../schemas/audit';
import {
  type AppStatus,
  connectSharedRequest,
  emptyRequest,
  setupDemoRequest,
  setupRequest,
  type SetupResult,
  type SignedInUser,
  signInRequest,
} from '../schemas/security';
import {
  backupCreateRequest,
  type BackupFileInfo,
  backupListRequest,
  type BackupResult,
  type PharmacySettings,
  type RestoreReport,
  restoreRequest,
  settingsUpdateRequest,
} from '../schemas/settings';
import {
  breakGlassRequest,
  changeOwnPasswordRequest,
  type RekeyReport,
  rekeyRequest,
  unlockRequest,
  userAddRequest,
  usernameRequest,
  userResetPasswordRequest,
  type UserSummary,
  userUpdateRequest,
} from '../schemas/users';

export const securityChannels = {
  'security:status': channel<AppStatus>()(emptyRequest, { access: 'public', reads: true, audit: 'none' }),
  'security:setup': channel<SetupResult>()(setupRequest, { access: 'public', audit: 'self' }),
  // Before any pharmacy is open here, so nothing to write a trail to: the server's own log sees the connection.
  'security:connectShared': channel<AppStatus>()(connectSharedRequest, { access: 'public', audit: 'none' }),
  'security:setupDemo': channel<SetupResult>()(setupDemoRequest, { access: 'public', audit: 'self' }),
  'security:restore': channel<RestoreReport>()(restoreRequest, { access: 'public', audit: 'self' }),
  'security:signIn': channel<SignedInUser>()(signInRequest, { access: 'public', audit: 'self' }),
  'security:signOut': channel<null>()(emptyRequest, { access: 'public', audit: 'self' }),
  'security:lock': channel<null>()(emptyRequest, { access: 'signedIn', audit: 'self' }),
  'security:unlock': channel<SignedInUser>()(unlockRequest, { access: 'public', audit: 'self' }),
  'security:activity': channel<null>()(emptyRequest, { access: 'signedIn', audit: 'none' }),
  'security:breakGlass': channel<SignedInUser>()(breakGlassRequest, { access: 'public', audit: 'self' }),
  'security:changeOwnPassword': channel<SignedInUser>()(changeOwnPasswordRequest, {
    access: 'signedIn',
    audit: 'self',
  }),
  'users:list': channel<UserSummary[]>()(emptyRequest, { access: 'admin', reads: true, audit: 'none' }),
  'users:add': channel<UserSummary>()(userAddRequest, { access: 'admin', audit: 'self' }),
  'users:update': channel<UserSummary>()(userUpdateRequest, { access: 'admin', audit: 'self' }),
  'users:disable': channel<{ user: UserSummary; rekey: RekeyReport }>()(usernameRequest, {
    access: 'admin',
    audit: 'self',
  }),
  'security:rekey': channel<RekeyReport>()(rekeyRequest, { access: 'admin', audit: 'self' }),
  'users:resetPassword': channel<UserSummary>()(userResetPasswordRequest, { access: 'admin', audit: 'self' }),
  'audit:search': channel<AuditSearchResult>()(auditSearchRequest, {
    access: 'admin',
    reads: true,
    audit: (req) => ({ action: 'audit.view', category: 'audit', detail: describeFilter(req.filter) }),
  }),
  'audit:exportCsv': channel<AuditExport>()(auditExportRequest, {
    access: 'admin',
    reads: true,
    audit: (req, res) => ({
      action: 'audit.export',
      category: 'audit',
      detail: `${res?.rows ?? 0} rows: ${describeFilter(req.filter)}`,
    }),
  }),
  'audit:acknowledgeAlarms': channel<AppStatus>()(acknowledgeAlarmsRequest, { access: 'admin', audit: 'self' }),
  'settings:get': channel<PharmacySettings>()(emptyRequest, { access: 'signedIn', reads: true, audit: 'none' }),
  'settings:update': channel<PharmacySettings>()(settingsUpdateRequest, {
    access: 'admin',
    audit: (req) => ({
      action: 'settings.change',
      category: 'settings',
      detail: [
        req.idleLockMinutes !== undefined && `idle lock ${req.idleLockMinutes} min`,
        req.autoBackup &&
          (req.autoBackup.enabled ? `daily backup on, to ${req.autoBackup.folder}` : 'daily backup off'),
        req.documents &&
          `documents: hours "${req.documents.hours}", TTY "${req.documents.tty}", fax ${req.documents.fax || 'none'}, file names ${req.documents.fileNames}`,
        req.timeZone !== undefined && `time zone ${req.timeZone || "the computer's"}`,
        req.cms1500Offset && `red CMS-1500 nudge ${req.cms1500Offset.x} pt right, ${req.cms1500Offset.y} pt down`,
      ]
        .filter(Boolean)
        .join('; '),
    }),
  }),
  'backup:create': channel<BackupResult>()(backupCreateRequest, {
    access: 'admin',
    reads: true,
    audit: (req, res) => ({ action: 'backup.create', category: 'backup', detail: res?.file ?? req.folder }),
  }),
  'backup:list': channel<BackupFileInfo[]>()(backupListRequest, { access: 'admin', reads: true, audit: 'none' }),
} as const;
