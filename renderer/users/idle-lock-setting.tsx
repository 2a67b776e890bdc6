import { useState, type FormEvent } from 'react';
import { call } from '../api/bridge';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { SavedNote } from '../ui/saved-note';

/** The automatic logoff setting (HIPAA 164.312(a)(2)(iii)), for the whole pharmacy. */
export function IdleLockForm({ saved: initial }: { saved: string }) {
  const [minutes, setMinutes] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setSaved(null);
    try {
      const s = await call('settings:update', { idleLockMinutes: Number(minutes) });
      setSaved(
        `Saved: the screen locks after ${s.idleLockMinutes} minute${s.idleLockMinutes === 1 ? '' : 's'} without use.`,
      );
    } catch (failure) {
      errors.show(failure);
    }
  }
  return (
    <form className="panel inline-form" onSubmit={submit} noValidate>
      <h2>Automatic lock</h2>
      <div className="row-end">
        <TextField
          label="Lock the screen after (minutes without use)"
          value={minutes}
          onChange={setMinutes}
          error={errors.fields.idleLockMinutes ?? errors.form ?? undefined}
          inputMode="numeric"
        />
        <button type="submit">Save</button>
      </div>
      <SavedNote text={saved} />
    </form>
  );
}
