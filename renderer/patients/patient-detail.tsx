import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PatientDetail } from '../../preload/schemas/patients';
import { call } from '../api/bridge';
import { navigate } from '../app/use-hash-route';
import { capitalize } from '../ui/capitalize';
import { TextField } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { Loaded } from '../ui/loaded';
import { LiveNotice } from '../ui/live-notice';
import { useLiveRecord } from '../ui/use-live-record';
import { PatientBanner } from './patient-banner';
import { addressLines, formatIsoDate, formatPhone, fullName } from './patient-format';
import { ConditionsPanel } from '../conditions/conditions-panel';
import { LabsPanel } from '../conditions/labs-panel';
import { MedicationsPanel } from '../medications/medications-panel';
import { ChecksPanel } from '../checks/checks-panel';
import { GenotypesPanel } from '../checks/genotypes-panel';
import { ReviewsPanel } from '../reviews/reviews-panel';
import { useCall } from '../api/use-call';
import { AdherencePanel } from '../adherence/adherence-panel';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value || <span className="muted">Not recorded</span>}</dd>
    </div>
  );
}

export function PatientDetailView({ id }: { id: string }) {
  const loaded = useCall('patients:get', { id });
  // A save on another workstation sharing the database: the newer record replaces the one loaded, with a notice.
  const [newer, setNewer] = useState<PatientDetail | null>(null);
  const shown = newer?.id === id && loaded.data && newer.version > loaded.data.version ? newer : loaded.data;
  const record = { data: shown, error: loaded.error };
  const current = useRef(shown);
  current.current = shown;
  const live = useLiveRecord({
    current: () => current.current,
    version: () => call('patients:version', { id }),
    read: () => call('patients:get', { id }),
    apply: setNewer,
  });
  const clinical = useCall('patients:clinical', { patientId: id });
  const checks = useCall('checks:patient', { patientId: id });
  const [removing, setRemoving] = useState(false);
  const clinicalChanged = () => {
    clinical.reload();
    checks.reload();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (removing) return;
      if (e.altKey && e.key.toLowerCase() === 'e') navigate(`/patients/${id}/edit`);
      else if (e.key === 'Escape') navigate('/patients');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, removing]);

  const page = (patient: PatientDetail) => (
    <article>
      <PatientBanner patient={patient} />
      <div className="page-head">
        <a href="#/patients" className="back" title="Back to patients (Esc)">
          ← Patients
        </a>
        <div className="actions">
          <button type="button" className="danger-ghost" onClick={() => setRemoving(true)}>
            Remove patient…
          </button>
          <a className="button primary" href={`#/patients/${id}/edit`} title="Edit (Alt+E)">
            Edit details
          </a>
        </div>
      </div>
      <LiveNotice live={live} />
      {removing ? <RemovePanel id={id} name={fullName(patient)} onCancel={() => setRemoving(false)} /> : null}
      <ReviewsPanel patientId={id} />
      <div className="detail-grid clinical-grid">
        <MedicationsPanel patientId={id} onChanged={checks.reload} />
      </div>
      <Loaded result={checks} loading={null}>
        {(found) => <ChecksPanel patientId={id} checks={found} onChanged={checks.reload} />}
      </Loaded>
      <AdherencePanel patientId={id} />
      <Loaded result={clinical} loading={null}>
        {({ conditions, labs }) => (
          <div className="detail-grid clinical-grid">
            <ConditionsPanel patientId={id} conditions={conditions} onChanged={clinicalChanged} />
            <LabsPanel patientId={id} labs={labs} onChanged={clinicalChanged} />
          </div>
        )}
      </Loaded>
      <div className="detail-grid clinical-grid">
        <GenotypesPanel patientId={id} onChanged={checks.reload} />
      </div>
      <div className="detail-grid">
        <section className="panel">
          <h2>Contact</h2>
          <dl>
            <Fact label="Phone" value={formatPhone(patient.phone)} />
            <Fact label="Address" value={addressLines(patient.address).join('\n')} />
          </dl>
        </section>
        <section className="panel">
          <h2>Medicare Part D</h2>
          <dl>
            <Fact label="Plan" value={patient.partD.planName} />
            <Fact label="Contract number" value={patient.partD.contractId} />
            <Fact label="Member ID" value={patient.partD.memberId} />
          </dl>
        </section>
        <section className="panel">
          <h2>Allergies and intolerances</h2>
          {patient.allergies.length ? (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>Substance</th>
                  <th>Reaction</th>
                  <th>Severity</th>
                  <th>Type</th>
                </tr>
              </thead>
              <tbody>
                {patient.allergies.map((a) => (
                  <tr key={a.id}>
                    <td className="strong">{a.substance}</td>
                    <td>{a.reaction ?? ''}</td>
                    <td>{capitalize(a.severity)}</td>
                    <td>{capitalize(a.kind)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>
              {patient.noKnownAllergies
                ? 'No known allergies (confirmed with the patient).'
                : 'Not yet recorded. Ask the patient and update the record.'}
            </p>
          )}
        </section>
        <section className="panel">
          <h2>Notes</h2>
          <p className="notes">{patient.notes ?? <span className="muted">No notes.</span>}</p>
          <p className="record-meta">
            Registered {formatIsoDate(patient.createdAt.slice(0, 10))} · Last changed{' '}
            {formatIsoDate(patient.updatedAt.slice(0, 10))}
          </p>
        </section>
      </div>
    </article>
  );
  return <Loaded result={record}>{page}</Loaded>;
}

/** Soft delete with a reason: the record is kept for the audit trail but leaves every list. */
function RemovePanel({ id, name, onCancel }: { id: string; name: string; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const errors = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call('patients:delete', { id, reason });
      navigate('/patients');
    } catch (failure) {
      errors.show(failure);
    }
  }
  return (
    <form
      className="panel warning-panel"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <h2>Remove {name} from the patient list?</h2>
      <p>The record is kept (nothing is erased) but will no longer appear in searches. Say why, for the record.</p>
      <TextField
        label="Reason"
        value={reason}
        onChange={setReason}
        error={errors.fields.reason ?? errors.form ?? undefined}
        autoFocus
        placeholder="e.g. Registered twice; moved away; deceased"
      />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Keep patient
        </button>
        <button type="submit" className="danger">
          Remove patient
        </button>
      </div>
    </form>
  );
}
