import { parseUsDate, formatIsoDate, todayIso } from '../../preload/schemas/dates';
import {
  CMR_OFFER_LABELS,
  CMR_OFFER_METHODS,
  DMP_SOURCE_LABELS,
  DMP_SOURCES,
  OPT_OUT_LABELS,
  OPT_OUT_REASONS,
  type DmpSource,
  type EnrollmentAction,
  type ScreenedPatient,
} from '../../preload/schemas/eligibility';
import { call } from '../api/bridge';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

type StepAction = Exclude<EnrollmentAction['action'], 'dmpAtRisk' | 'dmpEnded'>;
const ACTIONS: { value: StepAction; label: string }[] = [
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
  const defaultDate = defaultDateIn(contractYear);
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    action: 'offerCmr' as StepAction,
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
          onChange={(a) => set('action')(a as StepAction)}
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
          {v.action === 'offerCmr' ? 'Record offer' : 'Record step'}
        </button>
      </div>
    </form>
  );
}

/** Today in the contract year, or its last day for a past year. */
function defaultDateIn(contractYear: number): string {
  const today = todayIso();
  return formatIsoDate(today.startsWith(String(contractYear)) ? today : `${contractYear}-12-31`);
}

/**
 * The plan's drug management programme (DMP) status: a member the plan has identified as at risk is targeted
 * for MTM whatever their diseases, drugs or cost (reason 02, or 03 with the criteria).
 */
export function DmpForm({
  patient,
  contractYear,
  onSaved,
}: {
  patient: ScreenedPatient;
  contractYear: number;
  onSaved: () => void;
}) {
  const e = patient.enrollment;
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    date: e.dmpAtRiskDate ? formatIsoDate(e.dmpAtRiskDate) : defaultDateIn(contractYear),
    source: (e.dmpAtRiskSource ?? 'planLetter') as DmpSource,
  });
  const base = { patientId: patient.patientId, contractYear, version: e.version };
  const date = (typed: string) => parseUsDate(typed) ?? typed;
  const record = submit(async (f) => {
    await call('eligibility:record', { ...base, action: 'dmpAtRisk', date: date(f.date), source: f.source });
    onSaved();
  });
  const end = submit(async (f) => {
    await call('eligibility:record', { ...base, action: 'dmpEnded', date: date(f.date) });
    onSaved();
  });
  return (
    <form
      className="enrollment-form dmp-form"
      onSubmit={record}
      noValidate
      aria-label={`Drug management programme status for ${patient.name}`}
    >
      <h3>Drug management programme (DMP)</h3>
      <p className={e.dmpAtRiskDate ? 'strong' : 'muted'} role="status">
        {e.dmpAtRiskDate
          ? `At risk since ${formatIsoDate(e.dmpAtRiskDate)} (${e.dmpAtRiskSource ? DMP_SOURCE_LABELS[e.dmpAtRiskSource].toLowerCase() : ''}): targeted for MTM whatever the criteria.`
          : 'Not recorded as at risk. When a plan tells you its drug management programme has identified this member as at risk, record it here: the member is then targeted whatever the criteria.'}
      </p>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label={e.dmpAtRiskDate ? 'Date (at risk from, or ended on)' : 'Date the plan identified them'}
          value={v.date}
          onChange={set('date')}
          error={errors.fields.date}
          placeholder="MM/DD/YYYY"
        />
        <SelectField
          label="How the plan told you"
          value={v.source}
          onChange={(s) => set('source')(s as DmpSource)}
          error={errors.fields.source}
          options={DMP_SOURCES.map((s) => ({ value: s, label: DMP_SOURCE_LABELS[s] }))}
        />
      </div>
      <div className="actions">
        {e.dmpAtRiskDate && (
          <button type="button" disabled={busy} onClick={() => void end()}>
            At-risk status ended
          </button>
        )}
        <button type="submit" disabled={busy}>
          {e.dmpAtRiskDate ? 'Update DMP at-risk status' : 'Record DMP at-risk status'}
        </button>
      </div>
    </form>
  );
}
