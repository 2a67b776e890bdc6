import { useEffect, useRef, useState } from 'react';
import { CMR_OFFER_LABELS, CMR_OFFER_METHODS } from '../../preload/schemas/eligibility';
import { formatIsoDate, parseUsDate } from '../../preload/schemas/dates';
import { SOURCE_LABELS } from '../../preload/schemas/medications';
import { DELIVERY_LABELS, DELIVERY_METHODS, RESOLUTION_LABELS, RESOLUTIONS, REVIEW_TYPE_LABELS, STATUS_LABELS, type Review, type ReviewAction, type ReviewLine } from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { ChecksPanel } from '../checks/checks-panel';
import { ProblemsPanel } from '../checks/problems-panel';
import { PatientBanner } from '../patients/patient-banner';
import { SelectField } from '../ui/field';

type Changes = Parameters<typeof call<'reviews:update'>>[1]['changes'];
const STEPS = ['Review', 'Assessment'] as const;
const ACTION_LABELS: Record<ReviewAction, string> = { start: 'Start review', awaitPrescriber: 'Waiting for prescriber', resume: 'Resume', complete: 'Complete review' };
const LINE_STATUS = { matched: 'Matched', onlyOne: 'One source only', different: 'Differs' } as const;

const minutes = (t: Review['timer'], now: number) => Math.floor((t.seconds + (t.runningSince ? Math.max(0, now - Date.parse(t.runningSince)) / 1000 : 0)) / 60);

/** One review encounter: every change saved as it is made, so leaving and coming back resumes here. */
export function ReviewScreen({ id }: { id: string }) {
  const loaded = useCall('reviews:get', { id });
  if (loaded.error) return <div className="alert alert-error" role="alert">{loaded.error}</div>;
  return loaded.data ? <ReviewView key={loaded.data.id} initial={loaded.data} /> : <p aria-busy="true">Loading…</p>;
}

function ReviewView({ initial }: { initial: Review }) {
  const [review, setReview] = useState(initial);
  const latest = useRef(initial);
  const queue = useRef(Promise.resolve());
  const [error, setError] = useState<string | null>(null);
  const patient = useCall('patients:get', { id: initial.patientId });
  const checks = useCall('checks:patient', { patientId: initial.patientId });
  const problems = useCall('problems:list', { patientId: initial.patientId });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  const readOnly = review.status === 'completed';
  // Saves run one after another on the latest version, so a quick blur-then-click never conflicts with itself.
  const save = (work: (r: Review) => Promise<Review>) => {
    queue.current = queue.current.then(async () => {
      try {
        latest.current = await work(latest.current);
        setReview(latest.current);
        setError(null);
      } catch (e) {
        setError((e as Error).message);
      }
    });
    return queue.current;
  };
  const update = (changes: Changes) => save((r) => call('reviews:update', { id: r.id, version: r.version, changes }));
  const step = Math.min(review.currentStep, STEPS.length);

  return (
    <article>
      {patient.data && <PatientBanner patient={patient.data} />}
      <div className="page-head review-head">
        <div>
          <a href={`#/patients/${review.patientId}`} className="back">
            ← Patient
          </a>
          <h1>
            {REVIEW_TYPE_LABELS[review.type]} <span className="tag">{STATUS_LABELS[review.status]}</span>
          </h1>
        </div>
        <div className="review-timer" role="timer" aria-label="Time spent">
          <span className="tile-number">{minutes(review.timer, now)} min</span>
          {!readOnly && (
            <>
              <button type="button" onClick={() => void save((r) => call('reviews:timer', { id: r.id, version: r.version, timer: r.timer.runningSince ? 'pause' : 'start' }))}>
                {review.timer.runningSince ? 'Pause timer' : 'Start timer'}
              </button>
              <CorrectTime onCorrect={(m) => void save((r) => call('reviews:timer', { id: r.id, version: r.version, timer: { correctMinutes: m } }))} />
            </>
          )}
        </div>
      </div>
      {error && <div className="alert alert-error" role="alert">{error}</div>}
      <nav className="steps" aria-label="Review steps">
        {STEPS.map((label, i) => (
          <button key={label} type="button" className={i + 1 === step ? 'step current' : 'step'} aria-current={i + 1 === step ? 'step' : undefined} onClick={() => (readOnly ? setReview({ ...review, currentStep: i + 1 }) : void update({ currentStep: i + 1 }))}>
            <span className="step-number">{i + 1}</span> {label}
          </button>
        ))}
      </nav>
      {step === 1 ? (
        <ReviewStep review={review} readOnly={readOnly} update={update} save={save} />
      ) : (
        <>
          <ChecksPanel patientId={review.patientId} checks={checks.data} error={checks.error} onChanged={() => (checks.reload(), problems.reload())} />
          <ProblemsPanel patientId={review.patientId} problems={problems.data} onChanged={problems.reload} />
        </>
      )}
      <div className="actions review-actions">
        {review.allowedActions.map((a) => (
          <button key={a} type="button" className={a === 'complete' || a === 'start' ? 'primary' : undefined} onClick={() => void save((r) => call('reviews:act', { id: r.id, version: r.version, action: a }))}>
            {ACTION_LABELS[a]}
          </button>
        ))}
      </div>
    </article>
  );
}

function CorrectTime({ onCorrect }: { onCorrect: (minutes: number) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="correct-time"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onCorrect(Number(value));
        setValue('');
      }}
    >
      <label htmlFor="correct-minutes">Correct to</label>
      <input id="correct-minutes" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} placeholder="min" size={4} />
    </form>
  );
}

/** Step 1: who took part and how, the CMS dates, the reconciliation, and the patient's concerns. */
function ReviewStep({ review: r, readOnly, update, save }: { review: Review; readOnly: boolean; update: (c: Changes) => Promise<void>; save: (w: (r: Review) => Promise<Review>) => Promise<void> }) {
  const date = (v: string) => (v.trim() ? (parseUsDate(v) ?? v) : null);
  return (
    <>
      <section className="panel" aria-labelledby="encounter-title">
        <h2 id="encounter-title">Encounter</h2>
        <fieldset disabled={readOnly} className="plain-fieldset">
          <div className="form-grid">
            <SelectField label="Delivered" value={r.deliveryMethod ?? ''} onChange={(v) => void update({ deliveryMethod: (v || null) as Review['deliveryMethod'] })} options={[{ value: '', label: 'Choose…' }, ...DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_LABELS[m] }))]} />
            <SavedText label="Caregiver or representative" value={r.caregiverName} onSave={(v) => update({ caregiverName: v || null })} />
            <SavedText label="Relationship" value={r.caregiverRelationship} onSave={(v) => update({ caregiverRelationship: v || null })} />
            <div className="field">
              <span className="field-label">Participant</span>
              <label className="checkbox">
                <input type="checkbox" checked={r.cognitiveImpairment} onChange={(e) => void update({ cognitiveImpairment: e.target.checked })} /> Cognitive impairment
              </label>
            </div>
            <SavedText label="CMR offered on" value={r.cmrOfferedDate && formatIsoDate(r.cmrOfferedDate)} onSave={(v) => update({ cmrOfferedDate: date(v) })} placeholder="MM/DD/YYYY" />
            <SelectField label="Offered by" value={r.cmrOfferedMethod ?? ''} onChange={(v) => void update({ cmrOfferedMethod: (v || null) as Review['cmrOfferedMethod'] })} options={[{ value: '', label: '—' }, ...CMR_OFFER_METHODS.map((m) => ({ value: m, label: CMR_OFFER_LABELS[m] }))]} />
            <SavedText label="CMR date" value={r.cmrDate && formatIsoDate(r.cmrDate)} onSave={(v) => update({ cmrDate: date(v) })} placeholder="MM/DD/YYYY" />
            <SavedText label="Written summary sent" value={r.summarySentDate && formatIsoDate(r.summarySentDate)} onSave={(v) => update({ summarySentDate: date(v) })} placeholder="MM/DD/YYYY" />
          </div>
        </fieldset>
      </section>
      <section className="panel" aria-labelledby="reconcile-title">
        <h2 id="reconcile-title">
          Medication reconciliation <span className="count-note">{r.reconciliation.filter((l) => !l.resolution).length} to resolve</span>
        </h2>
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
              <ReconcileRow key={l.key} line={l} readOnly={readOnly} onResolve={(resolution, note) => save((cur) => call('reviews:resolveLine', { id: cur.id, version: cur.version, lineKey: l.key, resolution, note }))} />
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="concerns-title">
        <h2 id="concerns-title">Patient’s concerns and questions</h2>
        <SavedArea value={r.concerns} disabled={readOnly} onSave={(v) => update({ concerns: v || null })} />
      </section>
    </>
  );
}

function ReconcileRow({ line: l, readOnly, onResolve }: { line: ReviewLine; readOnly: boolean; onResolve: (resolution: ReviewLine['resolution'] & string, note: string) => Promise<void> }) {
  const [note, setNote] = useState(l.note ?? '');
  return (
    <tr className={l.resolution ? undefined : 'unresolved'}>
      <td className="strong">{l.ingredients.join(' + ') || l.entries[0]!.product}</td>
      <td>
        {l.entries.map((e, i) => (
          <div key={i}>
            <span className="muted">{SOURCE_LABELS[e.source]}:</span> {[e.product, e.strength, e.sig].filter(Boolean).join(' · ')}
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
        <select aria-label={`How the patient takes ${l.ingredients.join(' + ') || l.entries[0]!.product}`} disabled={readOnly} value={l.resolution ?? ''} onChange={(e) => e.target.value && void onResolve(e.target.value as ReviewLine['resolution'] & string, note)}>
          <option value="">Choose…</option>
          {RESOLUTIONS.map((res) => (
            <option key={res} value={res}>
              {RESOLUTION_LABELS[res]}
            </option>
          ))}
        </select>
        {(l.resolution === 'differently' || note) && <input aria-label="Note" value={note} disabled={readOnly} onChange={(e) => setNote(e.target.value)} onBlur={() => l.resolution && note !== (l.note ?? '') && void onResolve(l.resolution, note)} placeholder="How, exactly" />}
      </td>
    </tr>
  );
}

/** A text field saved when the user leaves it (if changed). */
function SavedText({ label, value, onSave, placeholder }: { label: string; value: string | null | undefined; onSave: (v: string) => Promise<void>; placeholder?: string }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const id = `saved-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={() => text !== (value ?? '') && void onSave(text)} />
    </div>
  );
}

function SavedArea({ value, onSave, disabled }: { value: string | null; onSave: (v: string) => Promise<void>; disabled: boolean }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return <textarea aria-label="Concerns and questions" rows={4} disabled={disabled} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => text !== (value ?? '') && void onSave(text)} placeholder="In the patient’s words: what worries them, what they want to ask" />;
}
