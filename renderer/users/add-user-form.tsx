import { PASSWORD_MIN_LENGTH } from '../../preload/schemas/security';
import { ROLES, type UserSummary } from '../../preload/schemas/users';
import { call } from '../api/bridge';
import { capitalize } from '../ui/capitalize';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

const EMPTY = { username: '', fullName: '', role: 'technician', isAdmin: false, temporaryPassword: '' };

export function AddUserForm({ onAdded, onCancel }: { onAdded: (u: UserSummary) => void; onCancel: () => void }) {
  const { values: v, setValues: setV, errors, busy, submit } = useForm(EMPTY);
  const onSubmit = submit(async (f) => onAdded(await call('users:add', { ...f, role: f.role as UserSummary['role'] })));
  return (
    <form
      className="panel"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-user-title"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="add-user-title">Add a user</h2>
      <p className="field-hint">
        Each person gets their own login. They choose their own password the first time they sign in.
      </p>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Full name"
          value={v.fullName}
          onChange={(fullName) => setV({ ...v, fullName })}
          error={errors.fields.fullName}
          autoFocus
        />
        <TextField
          label="Username"
          value={v.username}
          onChange={(username) => setV({ ...v, username })}
          error={errors.fields.username}
          autoComplete="off"
        />
        <SelectField
          label="Role"
          value={v.role}
          onChange={(role) => setV({ ...v, role, isAdmin: role === 'pharmacist' && v.isAdmin })}
          options={ROLES.map((r) => ({ value: r, label: capitalize(r) }))}
          error={errors.fields.role}
        />
        <TextField
          label="Temporary password"
          type="password"
          value={v.temporaryPassword}
          onChange={(temporaryPassword) => setV({ ...v, temporaryPassword })}
          error={errors.fields.temporaryPassword}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          autoComplete="new-password"
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={v.isAdmin}
          disabled={v.role !== 'pharmacist'}
          onChange={(e) => setV({ ...v, isAdmin: e.target.checked })}
        />
        Administrator (manages users, audit trail and backups; pharmacists only)
      </label>
      <FormActions submitLabel="Add user" busy={busy} onCancel={onCancel} />
    </form>
  );
}
