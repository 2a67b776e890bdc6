// What printed documents say about the pharmacy (hours, TTY, fax — required before a CMR summary prints), the
// take-back sites the summary's safe-disposal section lists, and how saved files are named.
import { useState } from 'react';
import {
  FILE_NAME_LABELS,
  FILE_NAME_STYLES,
  SUMMARY_REQUIRED_SETTINGS,
  TAKE_BACK_SITES_MAX,
  type DocumentSettings,
  type TakeBackSite,
} from '../../preload/schemas/settings';
import { formatPhone } from '../../preload/schemas/identifiers';
import { call } from '../api/bridge';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { SavedNote } from '../ui/saved-note';

const REQUIRED = ' (required for the CMR summary)';
const NEW_SITE: TakeBackSite = { name: '', address: '', hours: '' };

export function DocumentSettingsForm({ saved: initial }: { saved: DocumentSettings }) {
  const [saved, setSaved] = useState<string | null>(null);
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    ...initial,
    fax: formatPhone(initial.fax),
    fileNames: initial.fileNames as string,
    takeBackSites: initial.takeBackSites,
  });
  // What the saved settings still lack for the CMR summary (the form may already hold it, unsaved).
  const [missing, setMissing] = useState(() =>
    (Object.keys(SUMMARY_REQUIRED_SETTINGS) as (keyof typeof SUMMARY_REQUIRED_SETTINGS)[])
      .filter((k) => !initial[k].trim())
      .map((k) => SUMMARY_REQUIRED_SETTINGS[k]),
  );
  const sites = v.takeBackSites;
  const setSite = (i: number, key: keyof TakeBackSite) => (value: string) =>
    set('takeBackSites')(sites.map((s, j) => (j === i ? { ...s, [key]: value } : s)));
  const onSubmit = submit(async () => {
    setSaved(null);
    const next = await call('settings:update', {
      documents: {
        hours: v.hours,
        tty: v.tty,
        fax: v.fax,
        fileNames: v.fileNames as DocumentSettings['fileNames'],
        takeBackSites: sites,
      },
    });
    setMissing(
      (Object.keys(SUMMARY_REQUIRED_SETTINGS) as (keyof typeof SUMMARY_REQUIRED_SETTINGS)[])
        .filter((k) => !next.documents[k].trim())
        .map((k) => SUMMARY_REQUIRED_SETTINGS[k]),
    );
    setSaved('Saved: new documents use these details.');
  });
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="doc-settings-title">
      <h2 id="doc-settings-title">Printed documents</h2>
      <FormAlert message={errors.form} />
      {missing.length > 0 && (
        <div className="alert alert-warning">
          The CMR summary does not print until these are saved: {missing.join(', ')}. The CMS Standardized Format’s
          cover letter tells the patient when to call and the TTY number.
        </div>
      )}
      <div className="form-grid">
        <TextField
          label={`Days and hours${REQUIRED}`}
          span={2}
          value={v.hours}
          onChange={set('hours')}
          error={errors.fields['documents.hours']}
          placeholder="Mon–Fri 9 am–7 pm, Sat 9 am–1 pm"
          aria-required="true"
        />
        <TextField
          label={`TTY${REQUIRED}`}
          value={v.tty}
          onChange={set('tty')}
          error={errors.fields['documents.tty']}
          placeholder="711"
          aria-required="true"
        />
        <TextField
          label={`Pharmacy fax${REQUIRED}`}
          value={v.fax}
          onChange={set('fax')}
          error={errors.fields['documents.fax']}
          placeholder="(216) 555-0199"
          aria-required="true"
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
      <fieldset className="take-back-sites">
        <legend>Drug take-back sites near the pharmacy</legend>
        <p className="muted">
          The CMR summary’s safe-disposal section lists them (up to {TAKE_BACK_SITES_MAX}); with none it asks the
          patient to call you. Include your own drop-off kiosk if you have one.
        </p>
        <FormAlert message={errors.fields['documents.takeBackSites'] ?? null} />
        {sites.map((s, i) => (
          <div className="form-grid" key={i} role="group" aria-label={`Take-back site ${i + 1}`}>
            <TextField
              label={`Site ${i + 1}: name`}
              value={s.name}
              onChange={setSite(i, 'name')}
              error={errors.fields[`documents.takeBackSites.${i}.name`]}
              placeholder="Lakewood Police Department"
            />
            <TextField
              label="Address"
              span={2}
              value={s.address}
              onChange={setSite(i, 'address')}
              error={errors.fields[`documents.takeBackSites.${i}.address`]}
              placeholder="12650 Detroit Ave, Lakewood, OH 44107"
            />
            <TextField
              label="Hours (optional)"
              value={s.hours}
              onChange={setSite(i, 'hours')}
              error={errors.fields[`documents.takeBackSites.${i}.hours`]}
              placeholder="Lobby drop box, open 24 hours"
            />
            <div className="row-actions span-4">
              <button
                type="button"
                className="link"
                onClick={() => set('takeBackSites')(sites.filter((_, j) => j !== i))}
              >
                Remove site {i + 1}
              </button>
            </div>
          </div>
        ))}
        {sites.length < TAKE_BACK_SITES_MAX && (
          <button type="button" onClick={() => set('takeBackSites')([...sites, NEW_SITE])}>
            + Add a take-back site
          </button>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save document settings
        </button>
      </div>
      <SavedNote text={saved} />
    </form>
  );
}
