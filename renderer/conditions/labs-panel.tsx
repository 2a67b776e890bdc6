import { parseUsDate, todayIso } from '../../preload/schemas/dates';
import { LAB_TYPES, type LabResult, type LabTypeId } from '../../preload/schemas/clinical';
import { call } from '../api/bridge';
import { formatIsoDate } from '../patients/patient-format';
import { SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

const show = (l: LabResult) => `${l.value}${l.value2 !== null ? `/${l.value2}` : ''}${l.unit ? ` ${l.unit}` : ''}`;
const today = () => formatIsoDate(todayIso());

/** Latest value of each kind, with the one before it; new values are added, never overwritten. */
export function LabsPanel({
  patientId,
  labs,
  onChanged,
}: {
  patientId: string;
  labs: LabResult[];
  onChanged: () => void;
}) {
  const {
    values: v,
    set,
    setValues,
    errors,
    busy,
    submit,
  } = useForm({ type: 'scr' as LabTypeId, value: '', value2: '', takenOn: today() });
  const lab = LAB_TYPES.find((l) => l.id === v.type)!;
  const onSubmit = submit(async (f) => {
    await call('labs:add', {
      patientId,
      type: f.type,
      value: Number(f.value),
      ...(lab.parts ? { value2: Number(f.value2) } : {}),
      takenOn: parseUsDate(f.takenOn) ?? f.takenOn,
    });
    setValues({ ...f, value: '', value2: '' });
    onChanged();
  });

  return (
    <section className="panel" aria-labelledby="labs-title">
      <h2 id="labs-title">Labs and vitals</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Measure</th>
            <th>Latest</th>
            <th>Date</th>
            <th>Before that</th>
          </tr>
        </thead>
        <tbody>
          {LAB_TYPES.map((t) => {
            const [latest, previous] = labs.filter((l) => l.type === t.id);
            return (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="strong">{latest ? show(latest) : <span className="muted">—</span>}</td>
                <td>{latest ? formatIsoDate(latest.takenOn) : ''}</td>
                <td className="muted">{previous ? `${show(previous)} on ${formatIsoDate(previous.takenOn)}` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="form-grid add-lab" onSubmit={onSubmit} noValidate>
        <SelectField
          label="Add a value"
          value={v.type}
          onChange={(type) => setValues({ ...v, type: type as LabTypeId })}
          options={LAB_TYPES.map((t) => ({ value: t.id, label: t.name }))}
        />
        <TextField
          label={lab.parts ? 'Systolic' : `Value${lab.unit ? ` (${lab.unit})` : ''}`}
          value={v.value}
          onChange={set('value')}
          error={errors.fields.value}
          inputMode="decimal"
        />
        {lab.parts ? (
          <TextField
            label="Diastolic"
            value={v.value2}
            onChange={set('value2')}
            error={errors.fields.value2}
            inputMode="decimal"
          />
        ) : null}
        <TextField
          label="Date measured"
          value={v.takenOn}
          onChange={set('takenOn')}
          error={errors.fields.takenOn}
          placeholder="MM/DD/YYYY"
        />
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            Add
          </button>
        </div>
      </form>
      {errors.form && !Object.keys(errors.fields).length ? (
        <p className="field-error" role="alert">
          ⚠ {errors.form}
        </p>
      ) : null}
    </section>
  );
}
