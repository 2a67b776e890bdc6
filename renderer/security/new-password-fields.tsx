import { PASSWORD_MIN_LENGTH } from '../../preload/schemas/security';
import { TextField } from '../ui/field';

/** The new password typed twice, as every form that sets one asks for it. */
export function NewPasswordFields({
  newPassword,
  confirm,
  error,
  onNewPassword,
  onConfirm,
}: {
  newPassword: string;
  confirm: string;
  error: string | undefined;
  onNewPassword: (v: string) => void;
  onConfirm: (v: string) => void;
}) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        value={newPassword}
        onChange={onNewPassword}
        error={error}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
        autoComplete="new-password"
      />
      <TextField
        label="Confirm new password"
        type="password"
        value={confirm}
        onChange={onConfirm}
        autoComplete="new-password"
      />
    </>
  );
}
