import { useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../preload/schemas/security';
import type { RekeyReport, UserSummary } from '../../preload/schemas/users';
import { RekeyNotice } from '../security/recovery-code-screen';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { Loaded } from '../ui/loaded';
import { AddUserForm } from './add-user-form';
import { DocumentSettingsForm } from '../documents/document-settings';
import { IdleLockForm } from './idle-lock-setting';
import { TimeZoneForm } from './time-zone-setting';
import { ScannerForm } from './scanner-setting';

type Pending = { kind: 'reset' | 'disable'; user: UserSummary } | null;
type Rekeyed = { report: RekeyReport; why: string } | null;
const status = (u: UserSummary) =>
  u.active ? (u.mustChangePassword ? 'Active · must set own password' : 'Active') : 'Disabled';

export function UsersScreen() {
  const users = useCall('users:list', {});
  const settings = useCall('settings:get', {});
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [rekeyed, setRekeyed] = useState<Rekeyed>(null);
  const errors = useFormErrors();

  async function run(
    work: Promise<UserSummary | { user: UserSummary; rekey: RekeyReport }>,
    done: (u: UserSummary) => string,
  ) {
    errors.clear();
    try {
      const r = await work;
      const u = 'rekey' in r ? r.user : r;
      if ('rekey' in r) setRekeyed({ report: r.rekey, why: `${u.fullName} was disabled.` });
      setMessage(done(u));
      setPending(null);
      setAdding(false);
      users.reload();
    } catch (failure) {
      errors.show(failure);
    }
  }

  const toggleAdmin = (u: UserSummary) =>
    run(
      call('users:update', { username: u.username, fullName: u.fullName, role: u.role, isAdmin: !u.isAdmin }),
      (r) => `${r.fullName} is ${r.isAdmin ? 'now' : 'no longer'} an administrator.`,
    );
  const setRole = (u: UserSummary, role: UserSummary['role']) =>
    run(
      call('users:update', {
        username: u.username,
        fullName: u.fullName,
        role,
        isAdmin: role === 'pharmacist' && u.isAdmin,
      }),
      (r) => `${r.fullName} is now a ${r.role}.`,
    );

  return (
    <section aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">Users</h1>
        {adding ? null : (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            + Add user
          </button>
        )}
      </div>
      {rekeyed ? <RekeyNotice report={rekeyed.report} why={rekeyed.why} onDone={() => setRekeyed(null)} /> : null}
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
      {adding ? (
        <AddUserForm
          onAdded={(u) =>
            run(
              Promise.resolve(u),
              (r) =>
                `${r.fullName} was added. Give them the temporary password in person; they will choose their own at first sign-in.`,
            )
          }
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {pending ? <PendingAction pending={pending} onCancel={() => setPending(null)} run={run} /> : null}
      <Loaded result={users} loading={null}>
        {(list) => (
          <table className="data-table compact" aria-label="Users">
            <thead>
              <tr>
                <th>Name</th>
                <th>Username</th>
                <th>Role</th>
                <th>Administrator</th>
                <th>Status</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.username} className={u.active ? undefined : 'inactive'}>
                  <td className="strong">{u.fullName}</td>
                  <td className="mono">{u.username}</td>
                  <td>
                    <select
                      aria-label={`Role of ${u.fullName}`}
                      value={u.role}
                      disabled={!u.active}
                      onChange={(e) => setRole(u, e.target.value as UserSummary['role'])}
                    >
                      <option value="pharmacist">Pharmacist</option>
                      <option value="technician">Technician</option>
                    </select>
                  </td>
                  <td>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={u.isAdmin}
                        disabled={!u.active || u.role !== 'pharmacist'}
                        onChange={() => toggleAdmin(u)}
                        aria-label={`${u.fullName} is an administrator`}
                      />
                      {u.isAdmin ? 'Yes' : 'No'}
                    </label>
                  </td>
                  <td>{status(u)}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => setPending({ kind: 'reset', user: u })}>
                      {u.active ? 'Reset password' : 'Re-enable'}
                    </button>
                    {u.active ? (
                      <button
                        type="button"
                        className="danger-ghost"
                        onClick={() => setPending({ kind: 'disable', user: u })}
                      >
                        Disable
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      {/* One read of the settings for the four forms; each shows only once it has the saved values,
          so nothing typed is overwritten. */}
      <Loaded result={settings}>
        {(s) => (
          <>
            <IdleLockForm saved={String(s.idleLockMinutes)} />
            <TimeZoneForm saved={s.timeZone} />
            <DocumentSettingsForm saved={s.documents} />
            <ScannerForm saved={s.scanner} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function PendingAction({
  pending,
  onCancel,
  run,
}: {
  pending: NonNullable<Pending>;
  onCancel: () => void;
  run: (
    w: Promise<UserSummary | { user: UserSummary; rekey: RekeyReport }>,
    done: (u: UserSummary) => string,
  ) => Promise<void>;
}) {
  const [password, setPassword] = useState('');
  const { user } = pending;
  if (pending.kind === 'disable') {
    return (
      <div className="panel warning-panel" role="dialog" aria-label={`Disable ${user.fullName}`}>
        <h2>Disable {user.fullName}?</h2>
        <p>
          Their password will no longer open the pharmacy’s data, and the data key is replaced so no copy of the keyring
          or a backup they may have kept opens today’s data (a new recovery code is shown once). Their name stays on
          everything they documented. You can re-enable them later with a new temporary password.
        </p>
        <div className="actions">
          <button type="button" onClick={onCancel} autoFocus>
            Keep active
          </button>
          <button
            type="button"
            className="danger"
            onClick={() =>
              run(call('users:disable', { username: user.username }), (r) => `${r.fullName} was disabled.`)
            }
          >
            Disable user
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          call('users:resetPassword', { username: user.username, temporaryPassword: password }),
          (r) => `${r.fullName} has a new temporary password and must choose their own at next sign-in.`,
        );
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2>
        {user.active ? 'Reset password for' : 'Re-enable'} {user.fullName}
      </h2>
      <div className="row-end">
        <TextField
          label="Temporary password"
          type="password"
          value={password}
          onChange={setPassword}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; give it to them in person`}
          autoFocus
          autoComplete="new-password"
        />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Set temporary password
        </button>
      </div>
    </form>
  );
}
