import { useRef, useState, type FormEvent } from 'react';
import type { SignedInUser } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { TextField } from '../ui/field';
import { BreakGlassForm } from './break-glass-form';
import { useFormErrors } from '../ui/form-errors';

export function SignInScreen({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const passwordInput = useRef<HTMLInputElement>(null);
  const [recovering, setRecovering] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      onSignedIn(await call('security:signIn', { username, password }));
    } catch (failure) {
      errors.show(failure);
      setPassword('');
      passwordInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  if (recovering) {
    return (
      <main className="centered-page">
        <BreakGlassForm onSignedIn={onSignedIn} onCancel={() => setRecovering(false)} />
      </main>
    );
  }
  return (
    <main className="centered-page">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <p className="brand">MTM Desk</p>
        <h1 id="signin-title">Sign in</h1>
        {errors.form && !Object.keys(errors.fields).length ? (
          <div className="alert alert-error" role="alert">
            {errors.form}
          </div>
        ) : null}
        <TextField label="Username" value={username} onChange={setUsername} error={errors.fields.username} autoFocus autoComplete="username" />
        <TextField ref={passwordInput} label="Password" type="password" value={password} onChange={setPassword} error={errors.fields.password} autoComplete="current-password" />
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
