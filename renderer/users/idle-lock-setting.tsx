import { useState, type FormEvent } from 'react';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

/** The automatic logoff setting (HIPAA 164.312(a)(2)(iii)), for the whole pharmacy. */
export function IdleLockSetting() {
  // The form starts from the saved value, so nothing typed while it loads is overwritten.
  const { data, error } = useCall('settings:get', {});
  if (error) return <div className="alert alert-error" role="alert">{error}</div>;
  return data ? <IdleLockForm saved={String(data.idleLockMinutes)} /> : <p aria-busy="true">Loading…</p>;
}

function IdleLockForm({ saved: initial }: { saved: string }) {
  const [minutes, setMinutes] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setSaved(null);
    try {
      const s = await call('settings:update', { idleLockMinutes: Number(minutes) });
      setSaved(`Saved: the screen locks after ${s.idleLockMinutes} minute${s.idleLockMinutes === 1 ? '' : 's'} without use.`);
    } catch (failure) {
      errors.show(failure);
    }
  }
  return (
    <form className="panel inline-form" onSubmit={submit} noValidate>
      <h2>Automatic lock</h2>
      <div className="row-end">
        <TextField label="Lock the screen after (minutes without use)" value={minutes} onChange={setMinutes} error={errors.fields.idleLockMinutes ?? errors.form ?? undefined} inputMode="numeric" />
        <button type="submit">Save</button>
      </div>
      {saved ? <p role="status" className="status-ok">{saved}</p> : null}
    </form>
  );
}
