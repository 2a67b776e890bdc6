import { useState } from 'react';
import type { AppStatus, SetupResult } from '../../preload/schemas/security';
import { PASSWORD_MIN_LENGTH } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { FormAlert, TextField } from '../ui/field';
import { addressInput, BLANK_ADDRESS } from '../ui/address-fields';
import { passwordsMatch, useForm } from '../ui/use-form';
import { DemoForm } from './demo-form';
import { RestoreForm } from './restore-form';
import { SharedForm } from './shared-form';

const EMPTY = {
  name: '',
  ncpdpId: '',
  npi: '',
  phone: '',
  ...BLANK_ADDRESS,
  hours: '',
  tty: '',
  fax: '',
  fullName: '',
  username: '',
  password: '',
  confirm: '',
};

/** First run: the pharmacy and its first pharmacist (an administrator). */
export function SetupScreen({
  shared,
  onDone,
  onRestored,
}: {
  /** The shared database this workstation was just connected to, with no pharmacy in it yet. */
  shared: AppStatus['shared'];
  onDone: (result: SetupResult) => void;
  onRestored: () => void;
}) {
  const [restoring, setRestoring] = useState(false);
  const [demo, setDemo] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(EMPTY, { check: (f) => passwordsMatch(f.password, f.confirm) });
  const err = (path: string) => errors.fields[path];
  const onSubmit = submit(async (f) => {
    onDone(
      await call('security:setup', {
        pharmacy: { name: f.name, ncpdpId: f.ncpdpId, npi: f.npi, phone: f.phone, address: addressInput(f) },
        account: { username: f.username, fullName: f.fullName, password: f.password },
        contact: { hours: f.hours, tty: f.tty, fax: f.fax },
      }),
    );
  });

  if (demo) {
    return (
      <main className="centered-page">
        <DemoForm onDone={onDone} onCancel={() => setDemo(false)} />
      </main>
    );
  }
  if (connecting) {
    return (
      <main className="centered-page">
        <SharedForm onConnected={onRestored} onCancel={() => setConnecting(false)} />
      </main>
    );
  }
  if (restoring) {
    return (
      <main className="centered-page">
        <RestoreForm onRestored={onRestored} onCancel={() => setRestoring(false)} />
      </main>
    );
  }
  return (
    <main className="centered-page">
      <form className="card wide" onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">Set up MTM Desk</h1>
        {shared ? (
          <p className="lead">
            Enter your pharmacy’s details and create the first pharmacist account. Patient data is stored in the shared
            database <strong>{shared.database}</strong> on <strong>{shared.server}</strong>, where the other computers
            will find it.{' '}
            <button type="button" className="link" onClick={() => setRestoring(true)}>
              Restore a backup into it instead
            </button>
          </p>
        ) : (
          <>
            <p className="lead">
              Enter your pharmacy’s details and create the first pharmacist account. Patient data is stored encrypted on
              this computer.
            </p>
            <ul className="other-starts">
              <li>
                <button type="button" className="link" onClick={() => setRestoring(true)}>
                  Moving from another computer? Restore from a backup
                </button>
              </li>
              <li>
                <button type="button" className="link" onClick={() => setConnecting(true)}>
                  Several computers? Use a shared pharmacy database
                </button>
              </li>
              <li>
                <button type="button" className="link" onClick={() => setDemo(true)}>
                  Just looking? Open the demo pharmacy
                </button>
              </li>
            </ul>
          </>
        )}
        <FormAlert message={errors.form} />
        <fieldset>
          <legend>Pharmacy</legend>
          <div className="form-grid">
            <TextField
              label="Pharmacy name"
              span={4}
              value={v.name}
              onChange={set('name')}
              error={err('pharmacy.name')}
              autoFocus
              autoComplete="organization"
            />
            <TextField
              label="NCPDP (NABP) number"
              value={v.ncpdpId}
              onChange={set('ncpdpId')}
              error={err('pharmacy.ncpdpId')}
              hint="7 digits"
              inputMode="numeric"
            />
            <TextField
              label="Pharmacy NPI"
              value={v.npi}
              onChange={set('npi')}
              error={err('pharmacy.npi')}
              hint="10 digits"
              inputMode="numeric"
            />
            <TextField
              label="Phone"
              span={2}
              value={v.phone}
              onChange={set('phone')}
              error={err('pharmacy.phone')}
              type="tel"
              autoComplete="tel"
            />
            <TextField
              label="Street address"
              span={2}
              value={v.line1}
              onChange={set('line1')}
              error={err('pharmacy.address.line1')}
              autoComplete="address-line1"
            />
            <TextField
              label="Suite or unit (optional)"
              span={2}
              value={v.line2}
              onChange={set('line2')}
              error={err('pharmacy.address.line2')}
              autoComplete="address-line2"
            />
            <TextField
              label="City"
              span={2}
              value={v.city}
              onChange={set('city')}
              error={err('pharmacy.address.city')}
              autoComplete="address-level2"
            />
            <TextField
              label="State"
              value={v.state}
              onChange={set('state')}
              error={err('pharmacy.address.state')}
              maxLength={2}
              autoComplete="address-level1"
            />
            <TextField
              label="ZIP code"
              value={v.zip}
              onChange={set('zip')}
              error={err('pharmacy.address.zip')}
              autoComplete="postal-code"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>On the patient’s letter</legend>
          <p className="muted">
            The CMS summary after a CMR tells the patient when to call and how (TTY); prescribers fax their answers
            back. The CMR summary does not print until these are filled in — here or later under Users → Printed
            documents.
          </p>
          <div className="form-grid">
            <TextField
              label="Days and hours"
              span={2}
              value={v.hours}
              onChange={set('hours')}
              error={err('contact.hours')}
              hint="For example: Monday to Friday 9 am to 7 pm, Saturday 9 am to 1 pm"
            />
            <TextField
              label="TTY"
              value={v.tty}
              onChange={set('tty')}
              error={err('contact.tty')}
              hint="711 for the relay service"
            />
            <TextField
              label="Fax"
              value={v.fax}
              onChange={set('fax')}
              error={err('contact.fax')}
              type="tel"
              hint="With area code"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>First pharmacist (administrator)</legend>
          <div className="form-grid">
            <TextField
              label="Full name"
              span={2}
              value={v.fullName}
              onChange={set('fullName')}
              error={err('account.fullName')}
              hint="As it should appear on signed documents"
              autoComplete="name"
            />
            <TextField
              label="Username"
              span={2}
              value={v.username}
              onChange={set('username')}
              error={err('account.username')}
              autoComplete="username"
            />
            <TextField
              label="Password"
              span={2}
              type="password"
              value={v.password}
              onChange={set('password')}
              error={err('account.password')}
              hint={`At least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember`}
              autoComplete="new-password"
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
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating the encrypted database…' : 'Create pharmacy'}
          </button>
        </div>
      </form>
    </main>
  );
}
