import type { SignedInUser } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { FormAlert, TextField } from '../ui/field';
import { NewPasswordFields } from './new-password-fields';
import { passwordsMatch, useForm } from '../ui/use-form';

/** Emergency access with the recovery code: a pharmacist gives a reason and sets a new password. */
export function BreakGlassForm({
  onSignedIn,
  onCancel,
}: {
  onSignedIn: (u: SignedInUser) => void;
  onCancel: () => void;
}) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(
    { username: '', recoveryCode: '', reason: '', newPassword: '', confirm: '' },
    { check: (f) => passwordsMatch(f.newPassword, f.confirm) },
  );
  const onSubmit = submit(async ({ confirm: _, ...req }) => onSignedIn(await call('security:breakGlass', req)));

  return (
    <form
      className="card narrow"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="breakglass-title"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="brand">MTM Desk</p>
      <h1 id="breakglass-title">Use the recovery code</h1>
      <p className="lead">
        For a pharmacist who cannot sign in. This emergency access is recorded in the audit trail with your reason.
      </p>
      <FormAlert message={errors.form} />
      <TextField
        label="Your username"
        value={v.username}
        onChange={set('username')}
        error={errors.fields.username}
        autoFocus
        autoComplete="username"
      />
      <TextField
        label="Recovery code"
        value={v.recoveryCode}
        onChange={set('recoveryCode')}
        error={errors.fields.recoveryCode}
        className="mono"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label="Reason"
        value={v.reason}
        onChange={set('reason')}
        error={errors.fields.reason}
        placeholder="e.g. Forgot my password; no administrator on site"
      />
      <NewPasswordFields
        newPassword={v.newPassword}
        confirm={v.confirm}
        error={errors.fields.newPassword}
        onNewPassword={set('newPassword')}
        onConfirm={set('confirm')}
      />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Back to sign in
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Unlock and set password
        </button>
      </div>
    </form>
  );
}
