import { useState } from 'react';
import { LABEL_SYMBOLOGIES, type ScannerSettings } from '../../preload/schemas/settings';
import { call } from '../api/bridge';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { SavedNote } from '../ui/saved-note';

const SYMBOLOGY_LABELS: Record<(typeof LABEL_SYMBOLOGIES)[number], string> = {
  code128: 'Code 128 (a one-line barcode)',
  code39: 'Code 39 (a one-line barcode)',
  qr: 'QR code (a square)',
  datamatrix: 'Data Matrix (a small square)',
};

/** How this pharmacy's own Rx labels carry their barcode, so a scanned label finds its fill. */
export function ScannerForm({ saved: initial }: { saved: ScannerSettings }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { values, set, errors, busy, submit } = useForm(initial, { prefix: 'scanner.' });
  const onSubmit = submit(async (scanner) => {
    setSaved(null);
    await call('settings:update', { scanner });
    setSaved('Saved: scanned labels are read this way from now on.');
  });
  return (
    <form className="panel inline-form" onSubmit={onSubmit} noValidate aria-labelledby="scanner-title">
      <h2 id="scanner-title">Barcode scanner and Rx labels</h2>
      <FormAlert message={errors.form} />
      <p className="hint">
        Your dispensing system prints a barcode on each Rx label. Say what it holds: <code>{'{rx}'}</code> the Rx
        number, <code>{'{fill}'}</code> the fill number, <code>{'{store}'}</code> a store code, <code>{'{rx:7}'}</code>{' '}
        exactly 7 digits; other characters as printed (for example <code>{'RX{rx}-{fill}'}</code>).
      </p>
      <div className="form-grid">
        <SelectField
          label="Barcode type on your labels"
          span={2}
          value={values.labelSymbology}
          onChange={(v) => set('labelSymbology')(v as ScannerSettings['labelSymbology'])}
          options={LABEL_SYMBOLOGIES.map((value) => ({ value, label: SYMBOLOGY_LABELS[value] }))}
          error={errors.fields.labelSymbology}
        />
        <TextField
          label="What the label barcode holds"
          span={2}
          value={values.labelPattern}
          onChange={set('labelPattern')}
          error={errors.fields.labelPattern}
        />
        <TextField
          label="Separator the scanners send (leave empty for the standard one)"
          span={2}
          maxLength={1}
          value={values.groupSeparator}
          onChange={set('groupSeparator')}
          error={errors.fields.groupSeparator}
          hint="Only if your scanners were set to replace the GS1 group separator with a character"
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save scanner settings
        </button>
      </div>
      <SavedNote text={saved} />
    </form>
  );
}
