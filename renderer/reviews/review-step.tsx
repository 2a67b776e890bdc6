// Step 1: who took part and how, the CMS dates, the reconciliation, and the patient's concerns.
import { useEffect, useRef, useState } from 'react';
import type { DrugTherapyProblem } from '../../preload/schemas/checks';
import { CMR_OFFER_LABELS, CMR_OFFER_METHODS } from '../../preload/schemas/eligibility';
import { formatIsoDate, parseUsDate } from '../../preload/schemas/dates';
import { SOURCE_LABELS } from '../../preload/schemas/medications';
import {
  DELIVERY_LABELS,
  DELIVERY_METHODS,
  RECIPIENT_LABELS,
  RECIPIENTS,
  RESOLUTION_LABELS,
  RESOLUTIONS,
  type Review,
  type ReviewLine,
} from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { ProblemForm } from '../checks/problem-form';
import { ConditionsPanel } from '../conditions/conditions-panel';
import { LabsPanel } from '../conditions/labs-panel';
import { MedicationForm } from '../medications/medication-form';
import { SelectField } from '../ui/field';
import { focusNext } from '../ui/focus-after';
import { Loaded } from '../ui/loaded';
import { ScanBottles } from '../scanning/scan-bottles';
import { SavedArea, SavedText } from './saved-fields';
import type { StepProps } from './step-props';

const LINE_STATUS = { matched: 'Matched', onlyOne: 'One source only', different: 'Differs' } as const;
/** A typed US date becomes ISO; anything else goes to the bridge as typed, to be refused with a clear message. */
export const typedDate = (v: string) => (v.trim() ? (parseUsDate(v) ?? v) : null);
/** The medicines the patient still takes, as the reconciliation names them: what a problem can be about. */
export const takenMedicines = (lines: ReviewLine[]) =>
  lines.filter((l) => l.resolution !== 'stopped' && l.resolution !== 'notTaking').map((l) => l.medicine);
const words = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
/** An open problem already about the line's medicine (accepted from the checks, or recorded here). */
const problemFor = (l: ReviewLine, problems: DrugTherapyProblem[]) =>
  problems.find((p) => p.status === 'open' && words(p.title).includes(words(l.medicine)));

export function ReviewStep({ review: r, readOnly, update, save }: StepProps) {
  // Once the differing lines are settled, the rest usually are "as listed": one click for all of them, each still
  // changeable.
  const restOpen = r.reconciliation.filter((l) => l.status !== 'different' && !l.resolution);
  const [addingMedicine, setAddingMedicine] = useState(false);
  // Medicines and problems added here change the reconciliation and the problem list: read the review again.
  const refresh = () => save((cur) => call('reviews:get', { id: cur.id }));
  return (
    <>
      <section className="panel" aria-labelledby="encounter-title">
        <h2 id="encounter-title">Encounter</h2>
        <fieldset disabled={readOnly} className="plain-fieldset">
          <div className="form-grid">
            <SelectField
              label="Delivered"
              value={r.deliveryMethod ?? ''}
              onChange={(v) => void update({ deliveryMethod: (v || null) as Review['deliveryMethod'] })}
              options={[
                { value: '', label: 'Choose…' },
                ...DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_LABELS[m] })),
              ]}
            />
            {/* What every review records first, side by side; the rest is for who received it and the offer. */}
            <SavedText
              label="CMR date"
              value={r.cmrDate && formatIsoDate(r.cmrDate)}
              onSave={(v) => update({ cmrDate: typedDate(v) })}
              placeholder="MM/DD/YYYY"
            />
            <SelectField
              label="Received by"
              value={r.recipient}
              onChange={(v) => void update({ recipient: v as Review['recipient'] })}
              options={RECIPIENTS.map((x) => ({ value: x, label: RECIPIENT_LABELS[x] }))}
            />
            <SavedText
              label="Caregiver or representative"
              value={r.caregiverName}
              onSave={(v) => update({ caregiverName: v || null })}
            />
            <SavedText
              label="Relationship"
              value={r.caregiverRelationship}
              onSave={(v) => update({ caregiverRelationship: v || null })}
            />
            <div className="field">
              <span className="field-label">Participant</span>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={r.cognitiveImpairment}
                  onChange={(e) => void update({ cognitiveImpairment: e.target.checked })}
                />{' '}
                Cognitive impairment
              </label>
            </div>
            <SavedText
              label="CMR offered on"
              value={r.cmrOfferedDate && formatIsoDate(r.cmrOfferedDate)}
              onSave={(v) => update({ cmrOfferedDate: typedDate(v) })}
              placeholder="MM/DD/YYYY"
            />
            <SelectField
              label="Offered by"
              value={r.cmrOfferedMethod ?? ''}
              onChange={(v) => void update({ cmrOfferedMethod: (v || null) as Review['cmrOfferedMethod'] })}
              options={[
                { value: '', label: '—' },
                ...CMR_OFFER_METHODS.map((m) => ({ value: m, label: CMR_OFFER_LABELS[m] })),
              ]}
            />
            <SavedText
              label="Written summary sent"
              value={r.summarySentDate && formatIsoDate(r.summarySentDate)}
              onSave={(v) => update({ summarySentDate: typedDate(v) })}
              placeholder="MM/DD/YYYY"
            />
          </div>
        </fieldset>
      </section>
      {/* The bottles the patient brought, scanned: each lands on the reconciliation below. */}
      {!readOnly && <ScanBottles patientId={r.patientId} reviewId={r.id} onChanged={() => void refresh()} />}
      <section className="panel" aria-labelledby="reconcile-title">
        <div className="panel-head">
          <h2 id="reconcile-title">
            Medication reconciliation{' '}
            <span className="count-note">{r.reconciliation.filter((l) => !l.resolution).length} to resolve</span>
          </h2>
          {!readOnly && !addingMedicine && (
            <button
              type="button"
              title="A medicine the patient reports (an OTC, a sample, one from another pharmacy), added to the list"
              onClick={() => setAddingMedicine(true)}
            >
              + Add a medicine
            </button>
          )}
          {!readOnly && restOpen.length > 0 && (
            <button
              type="button"
              title="Lines that differ between sources are left for you to settle one by one"
              onClick={() =>
                void Promise.all(
                  restOpen.map((l) =>
                    save((cur) =>
                      call('reviews:resolveLine', {
                        id: cur.id,
                        version: cur.version,
                        lineKey: l.key,
                        resolution: 'asListed',
                      }),
                    ),
                  ),
                )
              }
            >
              Mark the other {restOpen.length} as taking as listed
            </button>
          )}
        </div>
        {addingMedicine && (
          <MedicationForm
            patientId={r.patientId}
            onDone={() => {
              setAddingMedicine(false);
              void refresh();
            }}
          />
        )}
        <table className="data-table compact reconcile-table">
          <thead>
            <tr>
              <th>Medicine</th>
              <th>What each source says</th>
              <th>Compared</th>
              <th>With the patient</th>
            </tr>
          </thead>
          <tbody>
            {r.reconciliation.map((l) => (
              <ReconcileRow
                key={l.key}
                line={l}
                readOnly={readOnly}
                patientId={r.patientId}
                medicines={takenMedicines(r.reconciliation)}
                problem={problemFor(l, r.problems)}
                onRecorded={() => void refresh()}
                onResolve={(resolution, note) =>
                  save((cur) =>
                    call('reviews:resolveLine', { id: cur.id, version: cur.version, lineKey: l.key, resolution, note }),
                  )
                }
                onReason={(reason) => save((cur) => call('reviews:saveReason', { id: cur.id, lineKey: l.key, reason }))}
              />
            ))}
          </tbody>
        </table>
      </section>
      {!readOnly && <ChartPanels patientId={r.patientId} />}
      <section className="panel" aria-labelledby="concerns-title">
        <h2 id="concerns-title">Patient’s concerns and questions</h2>
        <SavedArea
          label="Concerns and questions"
          value={r.concerns}
          disabled={readOnly}
          onSave={(v) => update({ concerns: v || null })}
          placeholder="In the patient’s words: what worries them, what they want to ask"
        />
      </section>
    </>
  );
}

function ReconcileRow({
  line: l,
  readOnly,
  patientId,
  medicines,
  problem,
  onRecorded,
  onResolve,
  onReason,
}: {
  line: ReviewLine;
  readOnly: boolean;
  patientId: string;
  medicines: string[];
  /** The open problem already about this medicine, if any. */
  problem: DrugTherapyProblem | undefined;
  onRecorded: () => void;
  onResolve: (resolution: ReviewLine['resolution'] & string, note: string) => Promise<void>;
  onReason: (reason: string) => Promise<void>;
}) {
  const [note, setNote] = useState(l.note ?? '');
  const [recording, setRecording] = useState(false);
  // Shown as chosen at once, and not reset by an earlier choice's save coming back while arrowing through them.
  const [choice, setChoice] = useState<string>(l.resolution ?? '');
  const sending = useRef<string | null>(null);
  useEffect(() => {
    if (sending.current === null) setChoice(l.resolution ?? '');
  }, [l.resolution]);
  const name = l.ingredients.join(' + ') || l.entries[0]!.product;
  const taking = l.resolution !== 'stopped' && l.resolution !== 'notTaking';
  // What the sources disagree on, and how the patient says she takes it: the problem's description to start from.
  const difference = [...l.differences, ...(note.trim() ? [`patient: ${note.trim()}`] : [])].join('; ');
  return (
    <>
      <tr className={l.resolution ? undefined : 'unresolved'}>
        <td>
          <span className="strong">{name}</span>
          {/* "Why I use it" prints on the patient's medication list: asked here for each medicine still taken. */}
          {taking && (
            <ReasonInput key={l.reason ?? ''} name={name} saved={l.reason} readOnly={readOnly} onReason={onReason} />
          )}
        </td>
        <td>
          {l.entries.map((e, i) => (
            <div key={i}>
              <span className="muted">{SOURCE_LABELS[e.source]}:</span>{' '}
              {[e.product, e.strength, e.sig].filter(Boolean).join(' · ')}
            </div>
          ))}
        </td>
        <td>
          <span className={`line-status line-${l.status}`}>{LINE_STATUS[l.status]}</span>
          {l.differences.map((d) => (
            <div key={d} className="muted small">
              {d}
            </div>
          ))}
          {l.status === 'different' &&
            (problem ? (
              <div className="small">On the problem list: {problem.title}</div>
            ) : (
              !readOnly &&
              !recording && (
                <button type="button" className="link" onClick={() => setRecording(true)}>
                  Record as a problem
                </button>
              )
            ))}
        </td>
        <td>
          <select
            aria-label={`How the patient takes ${name}`}
            disabled={readOnly}
            value={choice}
            onChange={(e) => {
              const v = e.target.value as ReviewLine['resolution'] & string;
              setChoice(v);
              if (!v) return;
              sending.current = v;
              void onResolve(v, note).finally(() => {
                if (sending.current === v) sending.current = null;
              });
            }}
          >
            <option value="">Choose…</option>
            {RESOLUTIONS.map((res) => (
              <option key={res} value={res}>
                {RESOLUTION_LABELS[res]}
              </option>
            ))}
          </select>
          {(choice === 'differently' || note) && (
            <input
              aria-label="Note"
              value={note}
              disabled={readOnly}
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => l.resolution && note !== (l.note ?? '') && void onResolve(l.resolution, note)}
              placeholder="How the patient takes it (prints on their list)"
            />
          )}
        </td>
      </tr>
      {recording && (
        <tr>
          <td colSpan={4}>
            <ProblemForm
              patientId={patientId}
              medicines={medicines}
              prefill={{ medicines: [l.medicine], description: `Medication reconciliation: ${difference}` }}
              onCancel={() => setRecording(false)}
              onDone={() => {
                setRecording(false);
                onRecorded();
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** Why the patient uses a medicine, saved on their medication list when the field is left. */
function ReasonInput({
  name,
  saved,
  readOnly,
  onReason,
}: {
  name: string;
  saved: string | null;
  readOnly: boolean;
  onReason: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState(saved ?? '');
  return (
    <div className="field">
      <input
        aria-label={`Why the patient uses ${name}`}
        className="reason-input"
        value={reason}
        disabled={readOnly}
        onChange={(e) => setReason(e.target.value)}
        onBlur={() => reason.trim() && reason.trim() !== (saved ?? '') && void onReason(reason.trim())}
        // Enter saves it (leaving the field) and goes on to the next medicine still without a reason.
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          focusNext(e.currentTarget, 'input.reason-input[aria-invalid="true"]');
        }}
        placeholder="Why they use it"
        aria-invalid={saved ? undefined : true}
      />
      <p className={saved ? 'field-hint' : 'field-hint attention'}>
        {saved ? 'Why they use it: prints on the medication list' : 'No reason yet: it prints on the medication list'}
      </p>
    </div>
  );
}

/** Conditions and labs to confirm with the patient (demographics and allergies are in the banner above). */
function ChartPanels({ patientId }: { patientId: string }) {
  const clinical = useCall('patients:clinical', { patientId });
  return (
    <Loaded result={clinical} loading={null}>
      {({ conditions, labs }) => (
        <div className="detail-grid clinical-grid">
          <ConditionsPanel patientId={patientId} conditions={conditions} onChanged={clinical.reload} />
          <LabsPanel patientId={patientId} labs={labs} onChanged={clinical.reload} />
        </div>
      )}
    </Loaded>
  );
}
