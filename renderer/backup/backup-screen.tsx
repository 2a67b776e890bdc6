import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupFileInfo, PharmacySettings } from '../../preload/schemas/settings';
import { AUTO_BACKUPS_KEPT } from '../../preload/schemas/settings';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { Loaded } from '../ui/loaded';

const size = (bytes: number) =>
  bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
const when = (iso: string) => new Date(iso).toLocaleString();

/** Administrators: back up now, see what is in the backup folder, and set up the daily backup. */
export function BackupScreen() {
  return (
    <section aria-labelledby="backup-title">
      <div className="page-head">
        <h1 id="backup-title">Backup</h1>
      </div>
      <Loaded result={useCall('settings:get', {})}>{(s) => <BackupForms saved={s} />}</Loaded>
    </section>
  );
}

function BackupForms({ saved }: { saved: PharmacySettings }) {
  const [settings, setSettings] = useState(saved);
  const [folder, setFolder] = useState(saved.autoBackup.folder);
  const [auto, setAuto] = useState(saved.autoBackup);
  const [files, setFiles] = useState<BackupFileInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const errors = useFormErrors();

  const listFolder = useCallback(
    (f: string) => (f ? call('backup:list', { folder: f }).then(setFiles, () => setFiles([])) : setFiles([])),
    [],
  );
  useEffect(() => void listFolder(saved.autoBackup.folder), [listFolder, saved.autoBackup.folder]);

  async function backupNow(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setMessage(null);
    setBusy(true);
    try {
      const r = await call('backup:create', { folder });
      setMessage(`Backup saved: ${r.file} (${size(r.bytes)}; ${r.counts.patients} patients).`);
      await listFolder(folder);
    } catch (failure) {
      errors.show(failure);
    } finally {
      setBusy(false);
    }
  }

  async function saveAuto(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setMessage(null);
    try {
      const s = await call('settings:update', { autoBackup: auto });
      setSettings(s);
      setMessage(
        s.autoBackup.enabled
          ? `Daily backups go to ${s.autoBackup.folder}; the newest ${AUTO_BACKUPS_KEPT} are kept.`
          : 'Daily backups are off.',
      );
    } catch (failure) {
      errors.show(failure, 'autoBackup.');
    }
  }

  const last = settings.lastAutoBackup;
  return (
    <>
      {message ? (
        <div className="alert alert-ok" role="status">
          {message}
        </div>
      ) : null}
      {errors.form ? (
        <div className="alert alert-error" role="alert">
          {Object.values(errors.fields)[0] ?? errors.form}
        </div>
      ) : null}
      <div className="detail-grid">
        <form className="panel" onSubmit={backupNow} noValidate aria-labelledby="backup-now-title">
          <h2 id="backup-now-title">Back up now</h2>
          <p className="field-hint">
            The backup is encrypted like the database and carries its key slots: it opens only with a user’s password or
            the recovery code. Work can continue while it runs.
          </p>
          <TextField
            label="Folder"
            value={folder}
            onChange={setFolder}
            error={errors.fields.folder}
            placeholder="/media/backup-drive/mtm"
            onBlur={() => void listFolder(folder)}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Backing up…' : 'Back up now'}
            </button>
          </div>
        </form>
        <form className="panel" onSubmit={saveAuto} noValidate aria-labelledby="auto-title">
          <h2 id="auto-title">Daily automatic backup</h2>
          <p
            className={`backup-status ${last ? (last.ok ? 'ok' : 'failed') : 'none'}`}
            data-testid="auto-backup-status"
          >
            {last
              ? last.ok
                ? `✓ Last automatic backup ${when(last.at)}`
                : `⚠ The last automatic backup failed ${when(last.at)}: ${last.message}`
              : settings.autoBackup.enabled
                ? 'No automatic backup yet: the first runs within the hour.'
                : 'Automatic backup is off.'}
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={auto.enabled}
              onChange={(e) => setAuto({ ...auto, enabled: e.target.checked })}
            />
            Back up once a day while someone is signed in
          </label>
          <TextField
            label="Folder for daily backups"
            value={auto.folder}
            onChange={(f) => setAuto({ ...auto, folder: f })}
            error={errors.fields.folder}
            hint={`The newest ${AUTO_BACKUPS_KEPT} are kept; older ones are removed.`}
          />
          <div className="actions">
            <button type="submit">Save</button>
          </div>
        </form>
      </div>
      <section className="panel" aria-labelledby="files-title">
        <h2 id="files-title">Backups in {folder || 'the folder'}</h2>
        {files.length ? (
          <table className="data-table compact">
            <thead>
              <tr>
                <th>File</th>
                <th>Taken</th>
                <th>Size</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.file}>
                  <td className="mono">{f.name}</td>
                  <td>{when(f.createdAt)}</td>
                  <td>{size(f.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No backups found there yet.</p>
        )}
        <p className="field-hint">
          To restore, start MTM Desk with an empty data folder and choose “Restore from a backup”, or run{' '}
          <code>npm run mtm -- restore</code>.
        </p>
      </section>
    </>
  );
}
