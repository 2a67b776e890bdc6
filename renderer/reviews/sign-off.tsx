// Signing a review: what is missing or worth recording, the face-to-face minutes confirmed (prefilled from the
// timer), and after sign-off the signed record with its dated addenda — a note, or a correction of the minutes.
import { useRef, useState } from 'react';
import { formatIsoDate, localIsoDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { FormActions, FormAlert, TextAreaField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { STEP_NAMES } from './step-names';
import type { StepProps } from './step-props';

type Review = StepProps['review'];

/** When an addendum was written, as every screen shows dates: MM/DD/YYYY and the time. */
const stamp = (at: string) =>
  `${formatIsoDate(localIsoDate(new Date(at)))} ${new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}`;

/** The timer's count so far, in whole minutes (running or paused). */
const timerMinutes = (t: Review['timer']) =>
  Math.round((t.seconds + (t.runningSince ? Math.max(0, Date.now() - Date.parse(t.runningSince)) / 1000 : 0)) / 60);

/** The minutes as typed; the bridge says what is wrong with anything but a whole number from 1 (blank is 0). */
const typedMinutes = (v: string) => Number(v.trim());

export function SignOff({
  review: r,
  goTo,
  submitChange,
  onSigned,
}: Pick<StepProps, 'review' | 'submitChange'> & { goTo: (step: number) => void; onSigned: () => void }) {
  const list = (items: Review['missing']) => (
    <ul className="missing-list">
      {items.map((m) => (
        <li key={`${m.step}-${m.message}`}>
          <button type="button" className="link" onClick={() => goTo(m.step)}>
            Step {m.step} · {STEP_NAMES[m.step - 1]}
          </button>{' '}
          {m.message}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {r.missing.length ? (
        <section className="panel attention-panel" aria-labelledby="missing-title">
          <h2 id="missing-title">Before you can sign</h2>
          {list(r.missing)}
        </section>
      ) : (
        <section className="panel ok-panel">
          <p>
            <span className="ok-mark" aria-hidden="true">
              ✓
            </span>{' '}
            Everything is recorded. Sign and finalize below.
          </p>
        </section>
      )}
      {/* Worth recording, not required: a TMR's medicines with no reason, a fax not sent yet. */}
      {r.warnings.length > 0 && (
        <section className="panel" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Worth recording before you sign</h2>
          {list(r.warnings)}
        </section>
      )}
      {r.allowedActions.includes('complete') && <SignForm review={r} submitChange={submitChange} onSigned={onSigned} />}
    </>
  );
}

function SignForm({
  review: r,
  submitChange,
  onSigned,
}: Pick<StepProps, 'review' | 'submitChange'> & { onSigned: () => void }) {
  const counted = timerMinutes(r.timer);
  // Prefilled from the timer (a review delivered took at least a minute); the pharmacist confirms or corrects it.
  const { values, set, errors, busy, submit } = useForm(
    { minutes: String(Math.max(1, counted)) },
    { draft: `sign:${r.id}` },
  );
  const onSubmit = submit(async (v) => {
    await submitChange((cur) =>
      call('reviews:act', {
        id: cur.id,
        version: cur.version,
        action: 'complete',
        minutes: typedMinutes(v.minutes),
      }),
    );
    onSigned();
  });
  return (
    <section className="panel" aria-labelledby="sign-title">
      <h2 id="sign-title">Sign and finalize</h2>
      <p className="muted">
        The timer has counted {counted} min since the review started. Confirm the minutes spent with the patient, face
        to face or on the call: the claim bills these, not the timer.
      </p>
      <form onSubmit={onSubmit} noValidate aria-label="Sign and finalize">
        <FormAlert message={errors.form} />
        <div className="form-grid">
          <TextField
            label="Face-to-face minutes"
            value={values.minutes}
            onChange={set('minutes')}
            error={errors.fields.minutes}
            name="faceToFaceMinutes"
            inputMode="numeric"
            required
          />
          <div className="field field-button">
            <button type="submit" className="primary" disabled={busy}>
              Sign and finalize
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}

export function Signed({
  review: r,
  submitChange,
  onMinutesCorrected,
}: Pick<StepProps, 'review' | 'submitChange'> & {
  /** The minutes changed: billing, which follows them, takes the focus once it has read the claims. */
  onMinutesCorrected: () => void;
}) {
  const [adding, setAdding] = useState<'note' | 'minutes' | null>(null);
  const addNote = useRef<HTMLButtonElement>(null);
  const correct = useRef<HTMLButtonElement>(null);
  const corrected = r.minutesAddenda.at(-1);
  const entries = [
    ...r.addenda.map((a) => ({ at: a.createdAt, key: a.id, node: <NoteEntry key={a.id} addendum={a} /> })),
    ...r.minutesAddenda.map((a) => ({ at: a.createdAt, key: a.id, node: <MinutesEntry key={a.id} addendum={a} /> })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="panel" aria-labelledby="signed-title">
      <div className="panel-head">
        <h2 id="signed-title">
          Signed by {r.signedBy} on {formatIsoDate(r.completedAt!.slice(0, 10))}
        </h2>
        {!adding && (
          <div className="actions">
            <button type="button" ref={correct} onClick={() => setAdding('minutes')}>
              Correct the minutes
            </button>
            <button type="button" ref={addNote} onClick={() => setAdding('note')}>
              + Add an addendum
            </button>
          </div>
        )}
      </div>
      <p className="signed-minutes">
        <span className="strong">Face-to-face: {r.faceToFaceMinutes} min</span>{' '}
        <span className="muted">
          {corrected
            ? `(corrected on ${formatIsoDate(localIsoDate(new Date(corrected.createdAt)))}; the claim bills these)`
            : '(as signed; the claim bills these)'}
        </span>
      </p>
      {entries.map((e) => e.node)}
      {adding === 'note' && (
        <NoteForm
          review={r}
          submitChange={submitChange}
          onDone={() => {
            setAdding(null);
            // Back on the button that opened the form (saved or not), for the next addendum.
            setTimeout(() => addNote.current?.focus());
          }}
        />
      )}
      {adding === 'minutes' && (
        <MinutesForm
          review={r}
          submitChange={submitChange}
          onDone={(saved) => {
            setAdding(null);
            // Back on the button (never the page body) until billing takes the focus over.
            setTimeout(() => correct.current?.focus());
            if (saved) onMinutesCorrected();
          }}
        />
      )}
    </section>
  );
}

function NoteEntry({ addendum: a }: { addendum: Review['addenda'][number] }) {
  return (
    <div className="addendum">
      <p className="muted small">
        Addendum · {stamp(a.createdAt)} · {a.createdBy}
      </p>
      <p className="pre">{a.text}</p>
    </div>
  );
}

function MinutesEntry({ addendum: a }: { addendum: Review['minutesAddenda'][number] }) {
  return (
    <div className="addendum">
      <p className="muted small">
        Minutes corrected · {stamp(a.createdAt)} · {a.createdBy}
      </p>
      <p>
        <span className="strong">
          {a.oldMinutes} → {a.newMinutes} min face to face.
        </span>{' '}
        {a.reason}
      </p>
    </div>
  );
}

type FormProps = Pick<StepProps, 'review' | 'submitChange'> & { onDone: (saved: boolean) => void };

function NoteForm({ review: r, submitChange, onDone }: FormProps) {
  const { values, set, setValues, errors, busy, submit } = useForm({ text: '' }, { draft: `addendum:${r.id}` });
  const onSubmit = submit(async (v) => {
    await submitChange(() => call('reviews:addAddendum', { id: r.id, text: v.text }));
    setValues({ text: '' });
    onDone(true);
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Add an addendum"
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <FormAlert message={errors.form} />
      <textarea
        aria-label="Addendum"
        rows={4}
        value={values.text}
        onChange={(e) => set('text')(e.target.value)}
        autoFocus
      />
      {errors.fields.text && (
        <p className="field-error" role="alert">
          {errors.fields.text}
        </p>
      )}
      <FormActions submitLabel="Add addendum" busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

function MinutesForm({ review: r, submitChange, onDone }: FormProps) {
  const { values, set, setValues, errors, busy, submit } = useForm(
    { minutes: String(r.faceToFaceMinutes ?? ''), reason: '' },
    { draft: `minutes:${r.id}` },
  );
  const onSubmit = submit(async (v) => {
    await submitChange((cur) =>
      call('reviews:correctMinutes', {
        id: cur.id,
        version: cur.version,
        minutes: typedMinutes(v.minutes),
        reason: v.reason,
      }),
    );
    setValues({ minutes: '', reason: '' });
    onDone(true);
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Correct the face-to-face minutes"
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Face-to-face minutes"
          value={values.minutes}
          onChange={set('minutes')}
          error={errors.fields.minutes}
          hint={`Now ${r.faceToFaceMinutes} min. The signed note keeps what it said; this addendum records the change.`}
          inputMode="numeric"
          required
          autoFocus
        />
        <TextAreaField
          label="Why the minutes change"
          value={values.reason}
          onChange={set('reason')}
          error={errors.fields.reason}
          span={3}
          rows={2}
        />
      </div>
      <FormActions submitLabel="Save the correction" busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
