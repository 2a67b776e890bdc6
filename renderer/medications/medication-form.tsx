import { useEffect, useState } from 'react';
import { SigPreview } from './sig-preview';
import { parseUsDate } from '../../preload/schemas/dates';
import {
  KIND_LABELS,
  MEDICATION_KINDS,
  MEDICATION_SOURCES,
  SOURCE_LABELS,
  type Medication,
} from '../../preload/schemas/medications';
import type { Prescriber } from '../../preload/schemas/prescribers';
import { call } from '../api/bridge';
import { formatIsoDate } from '../patients/patient-format';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { describeClinicalDrug } from '../../preload/schemas/drugs';
import { DrugPicker, type PickedDrug } from './drug-picker';

const blank = {
  product: '',
  kind: 'rx',
  strength: '',
  doseForm: '',
  sig: '',
  indication: '',
  prescriberId: '',
  startDate: '',
  source: 'patientReported',
};

const from = (m: Medication): typeof blank => ({
  product: m.product,
  kind: m.kind,
  strength: m.strength ?? '',
  doseForm: m.doseForm ?? '',
  sig: m.sig ?? '',
  indication: m.indication ?? '',
  prescriberId: m.prescriber?.id ?? '',
  startDate: m.startDate ? formatIsoDate(m.startDate) : '',
  source: m.source,
});

/** Add (no `existing`) or change one entry on the list. */
export function MedicationForm({
  patientId,
  existing,
  onDone,
}: {
  patientId: string;
  existing?: Medication;
  onDone: () => void;
}) {
  const [prescribers, setPrescribers] = useState<Prescriber[]>([]);
  useEffect(() => {
    call('prescribers:search', { query: '', limit: 200 }).then(
      (r) => setPrescribers(r.prescribers),
      () => setPrescribers([]),
    );
  }, []);
  const {
    values: v,
    set,
    setValues,
    errors,
    busy,
    submit,
  } = useForm(existing ? from(existing) : blank, {
    prefix: 'medication.',
    draft: `medication:${patientId}:${existing?.id ?? 'new'}`,
  });
  const [picked, setPicked] = useState<PickedDrug | null>(null);
  const err = (f: string) => errors.fields[f];
  // Coded when picked now, or when the saved entry was coded and its name is unchanged.
  const rxcui = picked
    ? (picked.clinicalDrug?.rxcui ?? picked.match.rxcui)
    : existing?.rxcui && v.product === existing.product
      ? existing.rxcui
      : null;
  const pick = (p: PickedDrug) => {
    setPicked(p);
    setValues((prev) => ({
      ...prev,
      product: p.match.name,
      kind: p.match.kind,
      strength: '',
      doseForm: p.match.forms[0] ?? prev.doseForm,
    }));
  };
  const pickClinical = (scd: string) => {
    if (!picked) return;
    const clinicalDrug = picked.match.clinicalDrugs.find((c) => c.rxcui === scd) ?? null;
    setPicked({ ...picked, clinicalDrug });
    if (clinicalDrug) setValues((prev) => ({ ...prev, ...describeClinicalDrug(clinicalDrug.name) }));
  };
  const onSubmit = submit(async (f) => {
    const medication = {
      product: f.product,
      kind: f.kind as Medication['kind'],
      strength: f.strength,
      doseForm: f.doseForm,
      sig: f.sig,
      indication: f.indication,
      ...(f.prescriberId ? { prescriberId: f.prescriberId } : {}),
      startDate: f.startDate ? (parseUsDate(f.startDate) ?? f.startDate) : '',
      source: f.source as Medication['source'],
      ...(rxcui ? { rxcui } : {}),
    };
    if (existing) await call('medications:update', { id: existing.id, version: existing.version, medication });
    else await call('medications:add', { patientId, medication });
    onDone();
  });

  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={existing ? `Change ${existing.product}` : 'Add a medicine'}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <DrugPicker
          value={v.product}
          onType={(text) => {
            set('product')(text);
            setPicked(null);
          }}
          onPick={pick}
          picked={picked}
          error={err('product') ?? err('rxcui')}
        />
        <SelectField
          label="Kind"
          value={v.kind}
          onChange={set('kind')}
          options={MEDICATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          error={err('kind')}
        />
        <SelectField
          label="Information from"
          value={v.source}
          onChange={set('source')}
          options={MEDICATION_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
          error={err('source')}
        />
        {picked && picked.match.clinicalDrugs.length > 0 && (
          <SelectField
            label="Strength and form (RxNorm)"
            span={4}
            value={picked.clinicalDrug?.rxcui ?? ''}
            onChange={pickClinical}
            options={[
              { value: '', label: 'Choose to fill in strength and form…' },
              ...picked.match.clinicalDrugs.map((c) => ({ value: c.rxcui, label: c.name })),
            ]}
          />
        )}
        <TextField
          label="Strength"
          value={v.strength}
          onChange={set('strength')}
          error={err('strength')}
          placeholder="10 mg"
        />
        <TextField
          label="Form"
          value={v.doseForm}
          onChange={set('doseForm')}
          error={err('doseForm')}
          placeholder="tablet"
        />
        <TextField
          label="Why I use it"
          span={2}
          value={v.indication}
          onChange={set('indication')}
          error={err('indication')}
          placeholder="blood pressure"
        />
        <TextField
          label="How I use it"
          span={4}
          value={v.sig}
          onChange={set('sig')}
          error={err('sig')}
          placeholder="Take 1 tablet by mouth every morning"
        />
        <SigPreview sig={v.sig} />
        <SelectField
          label="Prescriber"
          span={2}
          value={v.prescriberId}
          onChange={set('prescriberId')}
          error={err('prescriberId')}
          options={[
            { value: '', label: 'Not recorded / none (OTC)' },
            ...prescribers.map((p) => ({
              value: p.id,
              label: `${p.lastName}, ${p.firstName}${p.credentials ? `, ${p.credentials}` : ''}`,
            })),
          ]}
        />
        <TextField
          label="Date started"
          value={v.startDate}
          onChange={set('startDate')}
          error={err('startDate')}
          placeholder="MM/DD/YYYY"
        />
      </div>
      <FormActions submitLabel={existing ? 'Save changes' : 'Add to list'} busy={busy} onCancel={onDone} />
    </form>
  );
}
