// First run: try MTM Desk on a pharmacy of clearly fictional patients before entering your own.
import { PASSWORD_MIN_LENGTH, type SetupResult } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { FormActions, FormAlert, TextField } from '../ui/field';
import { passwordsMatch, useForm } from '../ui/use-form';

export function DemoForm({ onDone, onCancel }: { onDone: (r: SetupResult) => void; onCancel: () => void }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({ username: 'demo', password: '', confirm: '' }, { check: (f) => passwordsMatch(f.password, f.confirm) });
  const onSubmit = submit(async () =>
    onDone(
      await call('security:setupDemo', {
        account: { username: v.username, fullName: 'Demo Pharmacist, PharmD', password: v.password },
      }),
    ),
  );
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="demo-title">
      <h1 id="demo-title">Open the demo pharmacy</h1>
      <p className="lead">
        A pharmacy of 300 invented patients (names like Applewhistle and Thimbleby), with two years of fills, reviews
        and claims in every state. It is encrypted like a real one. To start your own pharmacy later, use a new data
        folder.
      </p>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Username"
          span={4}
          value={v.username}
          onChange={set('username')}
          error={errors.fields['account.username']}
          autoComplete="username"
        />
        <TextField
          label="Password"
          span={2}
          type="password"
          value={v.password}
          onChange={set('password')}
          error={errors.fields['account.password']}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          autoComplete="new-password"
          autoFocus
        />
        <TextField
          label="Confirm password"
          span={2}
          type="password"
          value={v.confirm}
          onChange={set('confirm')}
          autoComplete="new-password"
        />
      </div>
      {busy && <progress aria-label="Creating the demo pharmacy" className="export-progress" />}
      <FormActions submitLabel={busy ? 'Creating…' : 'Create the demo pharmacy'} busy={busy} onCancel={onCancel} />
    </form>
  );
}
