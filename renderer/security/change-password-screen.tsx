import { useState } from 'react';
import type { SignedInUser } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import type { RekeyReport } from '../../preload/schemas/users';
import { RekeyNotice } from './recovery-code-screen';
import { FormAlert, TextField } from '../ui/field';
import { NewPasswordFields } from './new-password-fields';
import { passwordsMatch, useForm } from '../ui/use-form';

/** Changes the signed-in user's own password; `forced` after an administrator's reset. */
export function ChangePasswordScreen({
  user,
  forced = false,
  onDone,
}: {
  user: SignedInUser;
  forced?: boolean;
  onDone: () => void;
}) {
  const [done, setDone] = useState(false);
  const [rekeyed, setRekeyed] = useState<RekeyReport | null>(null);
  const [rekeyError, setRekeyError] = useState<string | null>(null);
  const rekey = () =>
    call('security:rekey', { reason: 'password changed' }).then(setRekeyed, (f: Error) => setRekeyError(f.message));
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(
    { currentPassword: '', newPassword: '', confirm: '' },
    { check: (f) => passwordsMatch(f.newPassword, f.confirm) },
  );
  const onSubmit = submit(async ({ confirm: _, ...req }) => {
    await call('security:changeOwnPassword', req);
    setDone(true);
    if (forced) onDone();
  });

  const form = (
    <form
      className={forced ? 'card narrow' : 'panel narrow-panel'}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="password-title"
    >
      <h1 id="password-title">{forced ? 'Choose your own password' : 'Change my password'}</h1>
      <p className="lead">
        {forced
          ? `${user.fullName}, an administrator set a temporary password for you. Choose one only you know before continuing.`
          : 'Your password unlocks the pharmacy’s encrypted data: use a long one only you know.'}
      </p>
      {done ? (
        <div className="alert alert-ok" role="status">
          Password changed. Use the new one from now on.
          {user.isAdmin && !forced && !rekeyed ? (
            <>
              {' '}
              An old copy of the keyring or a backup still opens with your old password until the data key is replaced.{' '}
              <button type="button" className="link" onClick={() => void rekey()}>
                Replace the data key now
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {rekeyError ? <FormAlert message={rekeyError} /> : null}
      {rekeyed ? (
        <RekeyNotice report={rekeyed} why="Your password was changed." onDone={() => setRekeyed(null)} />
      ) : null}
      <FormAlert message={errors.form} />
      <TextField
        label={forced ? 'Temporary password' : 'Current password'}
        type="password"
        value={v.currentPassword}
        onChange={set('currentPassword')}
        error={errors.fields.currentPassword}
        autoFocus
        autoComplete="current-password"
      />
      <NewPasswordFields
        newPassword={v.newPassword}
        confirm={v.confirm}
        error={errors.fields.newPassword}
        onNewPassword={set('newPassword')}
        onConfirm={set('confirm')}
      />
      <div className="actions">
        {forced ? null : (
          <button type="button" onClick={onDone}>
            Back
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
  return forced ? <main className="centered-page">{form}</main> : form;
}
