import { useState } from 'react';
import type { RestoreReport } from '../../preload/schemas/settings';
import { call } from '../api/bridge';
import { FormAlert, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

/** First run on a replacement computer: bring the pharmacy back from a backup file. */
export function RestoreForm({ onRestored, onCancel }: { onRestored: () => void; onCancel: () => void }) {
  const [report, setReport] = useState<RestoreReport | null>(null);
  const { values: v, set, errors, busy, submit } = useForm({ file: '', username: '', password: '', recoveryCode: '' });
  const onSubmit = submit(async (f) =>
    setReport(
      await call(
        'security:restore',
        f.recoveryCode
          ? { file: f.file, recoveryCode: f.recoveryCode }
          : { file: f.file, username: f.username, password: f.password },
      ),
    ),
  );

  if (report) {
    return (
      <section className="card" aria-labelledby="restored-title">
        <h1 id="restored-title">Pharmacy restored</h1>
        <p className="lead">
          The backup taken {new Date(report.createdAt).toLocaleString()} passed its integrity check:{' '}
          {report.counts.patients} patients, {report.counts.users} users and {report.counts.auditEntries} audit entries,
          as recorded when it was taken.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onRestored} autoFocus>
            Continue to sign in
          </button>
        </div>
      </section>
    );
  }
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="restore-title">
      <h1 id="restore-title">Restore from a backup</h1>
      <p className="lead">
        Enter the full path of the backup file (ending in .mtmbackup) and a username and password that worked when it
        was taken, or the recovery code.
      </p>
      <FormAlert message={errors.form} />
      <TextField
        label="Backup file"
        value={v.file}
        onChange={set('file')}
        error={errors.fields.file}
        autoFocus
        placeholder="/media/usb/mtm-desk-20261123-180000.mtmbackup"
      />
      <div className="form-grid two">
        <TextField
          label="Username"
          value={v.username}
          onChange={set('username')}
          error={errors.fields.username}
          autoComplete="username"
        />
        <TextField
          label="Password"
          type="password"
          value={v.password}
          onChange={set('password')}
          error={errors.fields.password}
          autoComplete="current-password"
        />
      </div>
      <TextField
        label="…or the recovery code"
        value={v.recoveryCode}
        onChange={set('recoveryCode')}
        error={errors.fields.recoveryCode}
        className="mono"
        autoComplete="off"
      />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Back to setup
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      </div>
    </form>
  );
}
