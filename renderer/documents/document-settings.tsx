// What printed documents say about the pharmacy (hours, TTY, fax) and how saved files are named.
import { useState } from 'react';
import { FILE_NAME_LABELS, FILE_NAME_STYLES, type DocumentSettings } from '../../preload/schemas/settings';
import { formatPhone } from '../../preload/schemas/identifiers';
import { call } from '../api/bridge';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

export function DocumentSettingsForm({ saved: initial }: { saved: DocumentSettings }) {
  const [saved, setSaved] = useState<string | null>(null);
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({ ...initial, fax: formatPhone(initial.fax), fileNames: initial.fileNames as string });
  const onSubmit = submit(async () => {
    setSaved(null);
    await call('settings:update', {
      documents: { hours: v.hours, tty: v.tty, fax: v.fax, fileNames: v.fileNames as DocumentSettings['fileNames'] },
    });
    setSaved('Saved: new documents use these details.');
  });
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="doc-settings-title">
      <h2 id="doc-settings-title">Printed documents</h2>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Days and hours (for the CMR cover letter)"
          span={2}
          value={v.hours}
          onChange={set('hours')}
          error={errors.fields['documents.hours']}
          placeholder="Mon–Fri 9 am–7 pm, Sat 9 am–1 pm"
        />
        <TextField
          label="TTY"
          value={v.tty}
          onChange={set('tty')}
          error={errors.fields['documents.tty']}
          placeholder="711"
        />
        <TextField
          label="Pharmacy fax"
          value={v.fax}
          onChange={set('fax')}
          error={errors.fields['documents.fax']}
          placeholder="(216) 555-0199"
        />
        <SelectField
          label="Saved file names"
          span={4}
          value={v.fileNames}
          onChange={set('fileNames')}
          error={errors.fields['documents.fileNames']}
          options={FILE_NAME_STYLES.map((s) => ({ value: s, label: FILE_NAME_LABELS[s] }))}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save document settings
        </button>
      </div>
      {saved && (
        <p role="status" className="status-ok">
          {saved}
        </p>
      )}
    </form>
  );
}
