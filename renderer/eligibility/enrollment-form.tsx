import { parseUsDate, formatIsoDate, todayIso } from '../../preload/schemas/dates';
import {
  CMR_OFFER_LABELS,
  CMR_OFFER_METHODS,
  OPT_OUT_LABELS,
  OPT_OUT_REASONS,
  type EnrollmentAction,
  type ScreenedPatient,
} from '../../preload/schemas/eligibility';
import { call } from '../api/bridge';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

const ACTIONS: { value: EnrollmentAction['action']; label: string }[] = [
  { value: 'offerCmr', label: 'CMR offered' },
  { value: 'completeCmr', label: 'CMR completed' },
  { value: 'target', label: 'Targeted' },
  { value: 'enroll', label: 'Enrolled' },
  { value: 'optOut', label: 'Opted out' },
];

/** Records one programme step for a patient: what happened, on which date, and how or why. */
export function EnrollmentForm({
  patient,
  contractYear,
  onSaved,
}: {
  patient: ScreenedPatient;
  contractYear: number;
  onSaved: () => void;
}) {
  const today = todayIso();
  const defaultDate = formatIsoDate(today.startsWith(String(contractYear)) ? today : `${contractYear}-12-31`);
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    action: 'offerCmr' as EnrollmentAction['action'],
    date: defaultDate,
    method: 'telephone',
    reason: 'request',
    note: '',
  });
  const onSubmit = submit(async (f) => {
    const base = {
      patientId: patient.patientId,
      contractYear,
      version: patient.enrollment.version,
      date: parseUsDate(f.date) ?? f.date,
    };
    const request: EnrollmentAction =
      f.action === 'offerCmr'
        ? { ...base, action: 'offerCmr', method: f.method as (typeof CMR_OFFER_METHODS)[number] }
        : f.action === 'optOut'
          ? {
              ...base,
              action: 'optOut',
              reason: f.reason as (typeof OPT_OUT_REASONS)[number],
              ...(f.note.trim() ? { note: f.note } : {}),
            }
          : { ...base, action: f.action };
    await call('eligibility:record', request);
    onSaved();
  });

  return (
    <form
      className="enrollment-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Record a programme step for ${patient.name}`}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <SelectField
          label="What happened"
          value={v.action}
          onChange={(a) => set('action')(a as EnrollmentAction['action'])}
          options={ACTIONS}
        />
        <TextField
          label="Date"
          value={v.date}
          onChange={set('date')}
          error={errors.fields.date}
          placeholder="MM/DD/YYYY"
        />
        {v.action === 'offerCmr' && (
          <SelectField
            label="Offered by"
            value={v.method}
            onChange={set('method')}
            error={errors.fields.method}
            options={CMR_OFFER_METHODS.map((m) => ({ value: m, label: CMR_OFFER_LABELS[m] }))}
          />
        )}
        {v.action === 'optOut' && (
          <>
            <SelectField
              label="Reason"
              value={v.reason}
              onChange={set('reason')}
              error={errors.fields.reason}
              options={OPT_OUT_REASONS.map((r) => ({ value: r, label: OPT_OUT_LABELS[r]! }))}
            />
            <TextField label="Note (optional)" value={v.note} onChange={set('note')} error={errors.fields.note} />
          </>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Record step
        </button>
      </div>
    </form>
  );
}
