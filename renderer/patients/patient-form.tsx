import { useEffect, useState, type FormEvent } from 'react';
import { useDraft } from '../security/drafts';
import { isIsoDate, US_STATE_CODES } from '../../preload/schemas/identifiers';
import { parseUsDate } from '../../preload/schemas/dates';
import { LANGUAGES, type PatientDetail, type PatientSummary } from '../../preload/schemas/patients';
import { BridgeFailure, call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { Loaded } from '../ui/loaded';
import { AllergyEditor } from './allergy-editor';
import { DuplicateWarning } from './duplicate-warning';
import { PatientBanner } from './patient-banner';
import { EMPTY_PATIENT, formStateFrom, toPatientInput, type PatientFormState } from './patient-form-state';

const SEX_OPTIONS = [
  { value: '', label: 'Choose…' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'unknown', label: 'Unknown' },
];
const STATE_OPTIONS = [{ value: '', label: '—' }, ...US_STATE_CODES.map((s) => ({ value: s, label: s }))];
const LANGUAGE_OPTIONS = LANGUAGES.map((l) => ({ value: l.code, label: l.name }));

/** #/patients/:id/edit: the saved record, then the form (a new version starts the form again). */
export function EditPatient({ id }: { id: string }) {
  return (
    <Loaded result={useCall('patients:get', { id })}>{(p) => <PatientForm key={p.version} existing={p} />}</Loaded>
  );
}

/** Create (no `existing`) or edit a patient. */
export function PatientForm({ existing }: { existing?: PatientDetail }) {
  const [f, setF] = useDraft<PatientFormState>(`patient:${existing?.id ?? 'new'}`, () =>
    existing ? formStateFrom(existing) : EMPTY_PATIENT,
  );
  const [dupes, setDupes] = useState<PatientSummary[]>([]);
  const [differentPerson, setDifferentPerson] = useState(false);
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors();
  const set =
    <K extends keyof PatientFormState>(k: K) =>
    (v: PatientFormState[K]) =>
      setF((prev) => ({ ...prev, [k]: v }));
  const err = (path: string) => errors.fields[path];

  // Warn about a possible duplicate as soon as name and date of birth are filled in.
  useEffect(() => {
    const dob = parseUsDate(f.dateOfBirth);
    if (!f.firstName.trim() || !f.lastName.trim() || !dob || !isIsoDate(dob)) {
      setDupes([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('patients:findDuplicates', {
        firstName: f.firstName,
        lastName: f.lastName,
        dateOfBirth: dob,
        ...(existing ? { excludeId: existing.id } : {}),
      })
        .then((m) => current && setDupes(m))
        .catch(() => current && setDupes([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [f.firstName, f.lastName, f.dateOfBirth, existing]);

  const cancel = () => navigate(existing ? `/patients/${existing.id}` : '/patients');

  async function save(e?: FormEvent) {
    e?.preventDefault();
    errors.clear();
    setSaving(true);
    try {
      const patient = toPatientInput(f);
      const saved = existing
        ? await call('patients:update', { id: existing.id, version: existing.version, patient })
        : await call('patients:create', { patient, allowDuplicate: differentPerson });
      navigate(`/patients/${saved.id}`);
    } catch (failure) {
      errors.show(failure, 'patient.');
      if (failure instanceof BridgeFailure && failure.error.code === 'duplicate') setDifferentPerson(false);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      aria-labelledby="patient-form-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
        if (e.ctrlKey && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      {existing ? <PatientBanner patient={existing} /> : null}
      <div className="page-head">
        <h1 id="patient-form-title">{existing ? 'Edit patient details' : 'New patient'}</h1>
      </div>
      <FormAlert message={errors.form} />
      <DuplicateWarning
        matches={dupes}
        confirmed={differentPerson}
        onConfirm={existing ? undefined : setDifferentPerson}
      />
      <fieldset>
        <legend>Identity</legend>
        <div className="form-grid">
          <TextField
            label="First name"
            value={f.firstName}
            onChange={set('firstName')}
            error={err('firstName')}
            autoFocus
            autoComplete="off"
          />
          <TextField
            label="Middle name (optional)"
            value={f.middleName}
            onChange={set('middleName')}
            error={err('middleName')}
            autoComplete="off"
          />
          <TextField
            label="Last name"
            value={f.lastName}
            onChange={set('lastName')}
            error={err('lastName')}
            autoComplete="off"
          />
          <TextField
            label="Date of birth"
            value={f.dateOfBirth}
            onChange={set('dateOfBirth')}
            error={err('dateOfBirth')}
            placeholder="MM/DD/YYYY"
            hint="MM/DD/YYYY"
            inputMode="numeric"
            autoComplete="off"
          />
          <SelectField label="Sex" value={f.sex} onChange={set('sex')} error={err('sex')} options={SEX_OPTIONS} />
          <SelectField
            label="Preferred language"
            value={f.preferredLanguage}
            onChange={set('preferredLanguage')}
            error={err('preferredLanguage')}
            options={LANGUAGE_OPTIONS}
          />
          <label className="checkbox">
            <input type="checkbox" checked={f.largePrint} onChange={(e) => set('largePrint')(e.target.checked)} />
            Large print on the documents the patient takes home
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        <div className="form-grid">
          <TextField
            label="Phone"
            value={f.phone}
            onChange={set('phone')}
            error={err('phone')}
            type="tel"
            placeholder="(555) 123-4567"
          />
          <TextField
            label="Street address"
            span={2}
            value={f.line1}
            onChange={set('line1')}
            error={err('address.line1')}
          />
          <TextField label="Apartment or unit" value={f.line2} onChange={set('line2')} error={err('address.line2')} />
          <TextField label="City" span={2} value={f.city} onChange={set('city')} error={err('address.city')} />
          <SelectField
            label="State"
            value={f.state}
            onChange={set('state')}
            error={err('address.state')}
            options={STATE_OPTIONS}
          />
          <TextField
            label="ZIP code"
            value={f.zip}
            onChange={set('zip')}
            error={err('address.zip')}
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Medicare Part D</legend>
        <div className="form-grid">
          <TextField
            label="Medicare number (MBI)"
            value={f.mbi}
            onChange={set('mbi')}
            error={err('mbi')}
            placeholder="1EG4-TE5-MK73"
            className="mono"
            autoComplete="off"
            spellCheck={false}
          />
          <TextField label="Plan name" value={f.planName} onChange={set('planName')} error={err('partD.planName')} />
          <TextField
            label="Contract number"
            value={f.contractId}
            onChange={set('contractId')}
            error={err('partD.contractId')}
            placeholder="S5884"
            autoComplete="off"
          />
          <TextField
            label="Member ID"
            value={f.memberId}
            onChange={set('memberId')}
            error={err('partD.memberId')}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <AllergyEditor
        allergies={f.allergies}
        noKnownAllergies={f.noKnownAllergies}
        errors={errors.fields}
        onChange={set('allergies')}
        onNoKnownAllergies={set('noKnownAllergies')}
      />
      <fieldset>
        <legend>Notes</legend>
        <div className="field span-4">
          <label htmlFor="patient-notes">Notes for the pharmacy team (optional)</label>
          <textarea
            id="patient-notes"
            rows={3}
            value={f.notes}
            onChange={(e) => set('notes')(e.target.value)}
            aria-invalid={err('notes') ? true : undefined}
          />
          {err('notes') ? <p className="field-error">⚠ {err('notes')}</p> : null}
        </div>
      </fieldset>
      <div className="actions sticky-actions">
        <button type="button" onClick={cancel} title="Esc">
          Cancel
        </button>
        <button
          type="submit"
          className="primary"
          disabled={saving || (!existing && dupes.length > 0 && !differentPerson)}
          title="Ctrl+S"
        >
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Register patient'}
        </button>
      </div>
    </form>
  );
}
