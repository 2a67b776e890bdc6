import { useRef, useState } from 'react';
import type { SignedInUser } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { TextField } from '../ui/field';
import { BreakGlassForm } from './break-glass-form';
import { useForm } from '../ui/use-form';

export function SignInScreen({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const { values, set, setValues, errors, busy, submit } = useForm({ username: '', password: '' });
  const passwordInput = useRef<HTMLInputElement>(null);
  const [recovering, setRecovering] = useState(false);
  const onSubmit = submit(
    async (creds) => onSignedIn(await call('security:signIn', creds)),
    () => {
      setValues((v) => ({ ...v, password: '' }));
      passwordInput.current?.focus();
    },
  );

  if (recovering) {
    return (
      <main className="centered-page">
        <BreakGlassForm onSignedIn={onSignedIn} onCancel={() => setRecovering(false)} />
      </main>
    );
  }
  return (
    <main className="centered-page">
      <form className="card narrow" onSubmit={onSubmit} noValidate aria-labelledby="signin-title">
        <p className="brand">MTM Desk</p>
        <h1 id="signin-title">Sign in</h1>
        {errors.form && !Object.keys(errors.fields).length ? (
          <div className="alert alert-error" role="alert">
            {errors.form}
          </div>
        ) : null}
        <TextField
          label="Username"
          value={values.username}
          onChange={set('username')}
          error={errors.fields.username}
          autoFocus
          autoComplete="username"
        />
        <TextField
          ref={passwordInput}
          label="Password"
          type="password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
          autoComplete="current-password"
        />
        <div className="actions">
          <button type="submit" className="primary block" disabled={busy}>
            {busy ? 'Unlocking…' : 'Sign in'}
          </button>
        </div>
        <p className="switch-user">
          <button type="button" className="link" onClick={() => setRecovering(true)}>
            Forgot your password? Use the recovery code
          </button>
        </p>
      </form>
    </main>
  );
}
