import { useRef } from 'react';
import type { SignedInUser } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

/** Covers the app while locked; the work underneath (and any unsaved input) waits, hidden. */
export function LockScreen({
  locked,
  onUnlocked,
  onSwitchUser,
}: {
  locked: { username: string; fullName: string };
  onUnlocked: (user: SignedInUser) => void;
  onSwitchUser: () => void;
}) {
  const { values, set, setValues, errors, busy, submit } = useForm({ password: '' });
  const input = useRef<HTMLInputElement>(null);
  const onSubmit = submit(
    async ({ password }) => onUnlocked(await call('security:unlock', { password })),
    () => {
      setValues({ password: '' });
      input.current?.focus();
    },
  );

  return (
    <main className="centered-page lock-page">
      <form className="card narrow" onSubmit={onSubmit} noValidate aria-labelledby="lock-title">
        <p className="brand">MTM Desk</p>
        <h1 id="lock-title" className="with-icon">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26">
            <path
              fill="currentColor"
              d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Zm3 3.5a1.5 1.5 0 0 1 .75 2.8V18h-1.5v-1.7A1.5 1.5 0 0 1 12 13.5Z"
            />
          </svg>
          Screen locked
        </h1>
        <p className="lead">
          Locked for <strong data-testid="locked-user">{locked.fullName}</strong>. Patient information is hidden and the
          database is closed. Enter your password to continue where you left off.
        </p>
        {errors.form && !errors.fields.password ? (
          <div className="alert alert-error" role="alert">
            {errors.form}
          </div>
        ) : null}
        <TextField
          ref={input}
          label="Password"
          type="password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
          autoFocus
          autoComplete="current-password"
        />
        <div className="actions">
          <button type="submit" className="primary block" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
        <p className="switch-user">
          Not {locked.fullName.split(/[ ,]/)[0]}?{' '}
          <button type="button" className="link" onClick={onSwitchUser}>
            Sign in as someone else
          </button>{' '}
          (their work starts fresh).
        </p>
      </form>
    </main>
  );
}
