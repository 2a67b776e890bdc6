// The pharmacy's nudge for printing onto red CMS-1500 forms: after the calibration page is held over
// a form, every box moves right/down by these points (administrators; the audit trail records it).
import { useState } from 'react';
import type { Cms1500Offset } from '../../preload/schemas/settings';
import { call } from '../api/bridge';
import { TextField } from '../ui/field';
import { SavedNote } from '../ui/saved-note';
import { useForm } from '../ui/use-form';

const way = (points: number, plus: string, minus: string) => `${Math.abs(points)} pt ${points < 0 ? minus : plus}`;

export function Cms1500OffsetForm({ saved: initial }: { saved: Cms1500Offset }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { values, set, errors, busy, submit } = useForm({ x: String(initial.x), y: String(initial.y) });
  const onSubmit = submit(async ({ x, y }) => {
    setSaved(null);
    const { cms1500Offset: o } = await call('settings:update', { cms1500Offset: { x: Number(x), y: Number(y) } });
    setSaved(`Saved: data moves ${way(o.x, 'right', 'left')} and ${way(o.y, 'down', 'up')} on the red form.`);
  });
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label="Red-form alignment">
      <div className="row-end">
        <TextField
          label="Move right (points)"
          value={values.x}
          onChange={set('x')}
          error={errors.fields['cms1500Offset.x'] ?? errors.form ?? undefined}
          inputMode="numeric"
        />
        <TextField
          label="Move down (points)"
          value={values.y}
          onChange={set('y')}
          error={errors.fields['cms1500Offset.y']}
          inputMode="numeric"
        />
        <button type="submit" disabled={busy}>
          Save alignment
        </button>
      </div>
      <p className="muted">72 points = 1 inch, up to 36 each way; a minus moves the data left or up.</p>
      <SavedNote text={saved} />
    </form>
  );
}
