import type { AppStatus } from '../../preload/schemas/security';
import { call } from '../api/bridge';
import { FormAlert, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

/** First run at a pharmacy with several computers: join the shared database the IT person prepared. */
export function SharedForm({ onConnected, onCancel }: { onConnected: (s: AppStatus) => void; onCancel: () => void }) {
  const { values: v, set, errors, busy, submit } = useForm({ url: '', ca: '', password: '' });
  const onSubmit = submit(async (f) => onConnected(await call('security:connectShared', f)));
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="shared-title">
      <h1 id="shared-title">Use a shared pharmacy database</h1>
      <p className="lead">
        For a pharmacy where several computers use MTM Desk. Your IT person gives you the three items below; each
        computer is connected once. The connection is always encrypted and the server’s certificate checked. The
        password is kept sealed on this computer.
      </p>
      <FormAlert message={errors.form} />
      <TextField
        label="Connection URL"
        value={v.url}
        onChange={set('url')}
        error={errors.fields.url}
        autoFocus
        placeholder="postgres://mtm_app@pharmacy-server:5432/mtm"
        hint="Without the password"
      />
      <TextField
        label="Server’s CA certificate file"
        value={v.ca}
        onChange={set('ca')}
        error={errors.fields.ca}
        placeholder="/media/usb/pharmacy-server-ca.pem"
        hint="The full path of the .pem or .crt file"
      />
      <TextField
        label="Database password"
        type="password"
        value={v.password}
        onChange={set('password')}
        error={errors.fields.password}
        autoComplete="off"
      />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Back to setup
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
