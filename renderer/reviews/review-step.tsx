// Step 1: who took part and how, the CMS dates, the reconciliation, and the patient's concerns.
import { useState } from 'react';
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
import { ConditionsPanel } from '../conditions/conditions-panel';
import { LabsPanel } from '../conditions/labs-panel';
import { SelectField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { SavedArea, SavedText } from './saved-fields';
import type { StepProps } from './step-props';

const LINE_STATUS = { matched: 'Matched', onlyOne: 'One source only', different: 'Differs' } as const;
/** A typed US date becomes ISO; anything else goes to the bridge as typed, to be refused with a clear message. */
export const typedDate = (v: string) => (v.trim() ? (parseUsDate(v) ?? v) : null);

export function ReviewStep({ review: r, readOnly, update, save }: StepProps) {
  // Once the differing lines are settled, the rest usually are "as listed": one click for all of them, each still
  // changeable.
  const restOpen = r.reconciliation.filter((l) => l.status !== 'different' && !l.resolution);
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
              label="CMR date"
              value={r.cmrDate && formatIsoDate(r.cmrDate)}
              onSave={(v) => update({ cmrDate: typedDate(v) })}
              placeholder="MM/DD/YYYY"
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
      <section className="panel" aria-labelledby="reconcile-title">
        <div className="panel-head">
          <h2 id="reconcile-title">
            Medication reconciliation{' '}
            <span className="count-note">{r.reconciliation.filter((l) => !l.resolution).length} to resolve</span>
          </h2>
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
  onResolve,
  onReason,
}: {
  line: ReviewLine;
  readOnly: boolean;
  onResolve: (resolution: ReviewLine['resolution'] & string, note: string) => Promise<void>;
  onReason: (reason: string) => Promise<void>;
}) {
  const [note, setNote] = useState(l.note ?? '');
  const name = l.ingredients.join(' + ') || l.entries[0]!.product;
  const taking = l.resolution !== 'stopped' && l.resolution !== 'notTaking';
  return (
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
      </td>
      <td>
        <select
          aria-label={`How the patient takes ${name}`}
          disabled={readOnly}
          value={l.resolution ?? ''}
          onChange={(e) => e.target.value && void onResolve(e.target.value as ReviewLine['resolution'] & string, note)}
        >
          <option value="">Choose…</option>
          {RESOLUTIONS.map((res) => (
            <option key={res} value={res}>
              {RESOLUTION_LABELS[res]}
            </option>
          ))}
        </select>
        {(l.resolution === 'differently' || note) && (
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
        value={reason}
        disabled={readOnly}
        onChange={(e) => setReason(e.target.value)}
        onBlur={() => reason.trim() && reason.trim() !== (saved ?? '') && void onReason(reason.trim())}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
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
