import { useState } from 'react';
import { computerTimeZone, formatIsoDate, setPharmacyTimeZone, todayIso } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { SelectField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { SavedNote } from '../ui/saved-note';

// The zones US pharmacies are in, first; any other zone this computer knows after them.
const US_ZONES = [
  ['America/New_York', 'Eastern'],
  ['America/Chicago', 'Central'],
  ['America/Denver', 'Mountain'],
  ['America/Phoenix', 'Arizona (no daylight saving)'],
  ['America/Los_Angeles', 'Pacific'],
  ['America/Anchorage', 'Alaska'],
  ['Pacific/Honolulu', 'Hawaii'],
  ['America/Puerto_Rico', 'Atlantic (Puerto Rico, U.S. Virgin Islands)'],
  ['Pacific/Guam', 'Chamorro (Guam, Northern Mariana Islands)'],
] as const;

function zoneOptions(): { value: string; label: string }[] {
  const us = new Set<string>(US_ZONES.map(([z]) => z));
  const others = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [
    { value: '', label: `This computer's time zone (${computerTimeZone()})` },
    ...US_ZONES.map(([value, name]) => ({ value, label: `${name} — ${value}` })),
    ...others.filter((z) => !us.has(z)).map((z) => ({ value: z, label: z })),
  ];
}

/** Which calendar day "today" is for due dates, default dates and "not in the future" checks. */
export function TimeZoneForm({ saved: initial }: { saved: string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { values, set, errors, busy, submit } = useForm({ timeZone: initial });
  const onSubmit = submit(async ({ timeZone }) => {
    setSaved(null);
    await call('settings:update', { timeZone });
    setPharmacyTimeZone(timeZone);
    setSaved(`Saved: today is ${formatIsoDate(todayIso())} at the pharmacy.`);
  });
  return (
    <form className="panel inline-form" onSubmit={onSubmit} noValidate>
      <h2>Pharmacy time zone</h2>
      <div className="row-end">
        <SelectField
          label="Time zone (decides what today's date is)"
          value={values.timeZone}
          onChange={set('timeZone')}
          options={zoneOptions()}
          error={errors.fields.timeZone ?? errors.form ?? undefined}
        />
        <button type="submit" disabled={busy}>
          Save time zone
        </button>
      </div>
      <SavedNote text={saved} />
    </form>
  );
}
