// The daily automatic backup: while someone is signed in (the key is needed), at most once a day,
// into the chosen folder, keeping the newest AUTO_BACKUPS_KEPT; the outcome is shown on the Backup screen.
import { logFailure } from '../../common/log';
import { AUTO_BACKUPS_KEPT, type BackupStatus } from '../../../preload/schemas/settings';
import { appendAudit } from '../audit/audit-log';
import { getSettings, recordAutoBackup } from '../../settings/pharmacy-settings';
import type { Session } from '../session';
import { createBackup, pruneBackups } from './backups';

export const AUTO_PREFIX = 'mtm-desk-auto';
const DAY_MS = 24 * 60 * 60 * 1000;
// A little under a day, so a backup at 9:00 one morning is not skipped at 8:59 the next.
const DUE_AFTER_MS = DAY_MS - 30 * 60 * 1000;

export async function runAutoBackupIfDue(session: Session, now = new Date()): Promise<BackupStatus | null> {
  const { db, user } = session.current();
  const settings = await getSettings(db.manager);
  if (!settings.autoBackup.enabled) return null;
  const last = settings.lastAutoBackup;
  if (last?.ok && now.getTime() - Date.parse(last.at) < DUE_AFTER_MS) return null;

  let status: BackupStatus;
  try {
    const result = await createBackup(session, settings.autoBackup.folder, { prefix: AUTO_PREFIX, now });
    const removed = pruneBackups(settings.autoBackup.folder, AUTO_PREFIX, AUTO_BACKUPS_KEPT);
    status = {
      at: now.toISOString(),
      ok: true,
      message: `${result.file}${removed.length ? ` (removed ${removed.length} older)` : ''}`,
    };
  } catch (err) {
    status = { at: now.toISOString(), ok: false, message: (err as Error).message };
  }
  await recordAutoBackup(db.manager, status, user.username);
  await appendAudit(db.manager, {
    username: user.username,
    action: 'backup.auto',
    category: 'backup',
    outcome: status.ok ? 'success' : 'failure',
    detail: status.message,
  });
  return status;
}

/** Checks every hour (and soon after start); the work only happens when a backup is due. */
export function scheduleAutoBackup(session: Session, everyMs = 60 * 60 * 1000): () => void {
  const tick = () => {
    if (session.status().user) runAutoBackupIfDue(session).catch((err) => logFailure('automatic backup check', err));
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
