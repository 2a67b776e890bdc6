import { useCallback, useEffect, useRef, useState } from 'react';
import { REVIEW_TYPE_LABELS, STATUS_LABELS, type Review, type ReviewAction } from '../../preload/schemas/reviews';
import { BridgeFailure, call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { PatientBanner } from '../patients/patient-banner';
import { useFocusFirst, useKeepFocus } from '../ui/focus-after';
import { Loaded } from '../ui/loaded';
import { LiveNotice } from '../ui/live-notice';
import { useLiveRecord } from '../ui/use-live-record';
import { AssessmentStep } from './assessment-step';
import { DocumentationStep, STEP_NAMES } from './documentation-step';
import { InterventionStep } from './intervention-step';
import { PlanStep } from './plan-step';
import { ReviewStep } from './review-step';
import type { Changes, StepProps } from './step-props';

/** The actions of the row under the steps; signing is step 5's sign-off, where the minutes are confirmed. */
type RowAction = Exclude<ReviewAction, 'complete'>;
const ACTION_LABELS: Record<RowAction, string> = {
  start: 'Start review',
  awaitPrescriber: 'Waiting for prescriber',
  resume: 'Resume',
};
const isRowAction = (a: ReviewAction): a is RowAction => a !== 'complete';

/** Where the focus goes when a step opens: the step's first thing to do, in the order tried. */
const STEP_START: Record<number, readonly string[]> = {
  1: ['.step-body select'],
  2: ['.step-body .finding button.primary', '.step-body button.primary'],
  3: ['.step-body [data-unplanned]', '.step-body button'],
  4: ['.step-body button.primary', '.step-body button, .step-body select'],
  5: [
    // The follow-up the step suggests, when none is set yet: one key away from settling it.
    '.step-body section[aria-labelledby="follow-title"] button',
    '.step-body .attention-panel button',
    // The minutes to confirm before signing, never straight onto Sign (Enter would sign the timer's count).
    '.step-body input[name="faceToFaceMinutes"]',
    '.step-body button.primary',
    '.step-body button',
  ],
};

/**
 * Alt+Enter: the main action of the part of the step that has the focus (the focused finding's Accept, the open
 * form's Save), the first of the step's when the focus is elsewhere.
 */
function mainActionHere(root: HTMLElement): HTMLButtonElement | null {
  const inPart = document.activeElement?.closest('form, article, .panel');
  const scope = inPart && root.contains(inPart) ? inPart : root.querySelector('.step-body');
  return (
    scope?.querySelector<HTMLButtonElement>('button.primary:not(:disabled), button[type="submit"]:not(:disabled)') ??
    null
  );
}

const minutes = (t: Review['timer'], now: number) =>
  Math.floor((t.seconds + (t.runningSince ? Math.max(0, now - Date.parse(t.runningSince)) / 1000 : 0)) / 60);

/** The review without what changes on every save (a step moved to elsewhere changes nothing on this screen). */
const withoutBookkeeping = ({ version: _v, updatedAt: _u, ...rest }: Review) => rest;

/** One review encounter: every change saved as it is made, so leaving and coming back resumes here. */
export function ReviewScreen({ id }: { id: string }) {
  return <Loaded result={useCall('reviews:get', { id })}>{(r) => <ReviewView key={r.id} initial={r} />}</Loaded>;
}

function ReviewView({ initial }: { initial: Review }) {
  const [review, setReview] = useState(initial);
  const latest = useRef(initial);
  const queue = useRef(Promise.resolve());
  // This screen's changes queued or running: while any is, a newer version may be its own.
  const pending = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const patient = useCall('patients:get', { id: initial.patientId });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  const readOnly = review.status === 'completed';
  const dismissNotice = useRef(() => {});
  /**
   * A change refused because the review changed elsewhere (the message says by whom): the review as saved now
   * replaces this screen's, so the person sees what was done and can make their change again.
   */
  const reloadAfterConflict = useCallback(async (e: unknown): Promise<Error> => {
    if (!(e instanceof BridgeFailure) || e.error.code !== 'conflict') return e as Error;
    let fresh: Review;
    try {
      fresh = await call('reviews:get', { id: latest.current.id });
    } catch {
      return e;
    }
    if (fresh.version === latest.current.version) return e;
    latest.current = fresh;
    setReview(fresh);
    // An earlier "updated from another workstation" notice is old news beside this message.
    dismissNotice.current();
    return new BridgeFailure({
      ...e.error,
      message: `${e.error.message} This screen now shows the review as last saved: make your change again if it is still needed.`,
    });
  }, []);
  // Changes run one after another on the latest version, so a quick blur-then-click never conflicts with itself.
  // Only refs and state setters inside: the same function on every render.
  const run = useCallback(
    (work: (r: Review) => Promise<Review>, rethrow: boolean) => {
      pending.current++;
      const done = queue.current
        .then(async () => {
          try {
            latest.current = await work(latest.current);
            setReview(latest.current);
            setSavedAt(new Date());
            setError(null);
            dismissNotice.current();
          } catch (e) {
            const failure = await reloadAfterConflict(e);
            if (rethrow) throw failure;
            setError(failure.message);
          }
        })
        .finally(() => pending.current--);
      queue.current = done.catch(() => undefined);
      return done;
    },
    [reloadAfterConflict],
  );
  // Saves from other workstations on the same database appear here within seconds, never under a save of this screen's.
  const live = useLiveRecord({
    current: () => latest.current,
    version: () => call('reviews:version', { id: latest.current.id }),
    read: () => call('reviews:get', { id: latest.current.id }),
    busy: () => pending.current > 0,
    apply: (fresh) => {
      // The step open here stays open: the other workstation moving between steps is not this person's move.
      const mine = { ...fresh, currentStep: latest.current.currentStep };
      const seen = JSON.stringify(withoutBookkeeping(mine)) !== JSON.stringify(withoutBookkeeping(latest.current));
      latest.current = mine;
      setReview(mine);
      setError(null);
      return seen;
    },
  });
  dismissNotice.current = live.dismiss;
  const save = useCallback((work: (r: Review) => Promise<Review>) => run(work, false), [run]);
  const update = (changes: Changes) => save((r) => call('reviews:update', { id: r.id, version: r.version, changes }));
  // A completed review is read-only, so moving between its steps is only a view change.
  const [viewStep, setViewStep] = useState(initial.currentStep);
  useEffect(() => {
    if (review.status !== 'completed') setViewStep(review.currentStep);
  }, [review.status, review.currentStep]);
  const step = readOnly ? viewStep : review.currentStep;
  const goTo = useCallback(
    (n: number) => {
      const target = Math.min(Math.max(n, 1), STEP_NAMES.length);
      if (latest.current.status === 'completed') setViewStep(target);
      else void save((r) => call('reviews:update', { id: r.id, version: r.version, changes: { currentStep: target } }));
    },
    [save],
  );
  const act = useCallback(
    (a: RowAction) => void save((r) => call('reviews:act', { id: r.id, version: r.version, action: a })),
    [save],
  );
  const root = useRef<HTMLElement>(null);
  // A step opened, or the review started or signed: the focus goes to what there is to do first.
  useFocusFirst(root, `${step}|${review.status}`, STEP_START[step]!);
  useKeepFocus(root, [...STEP_START[step]!, '.review-actions button']);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') goTo(step + (e.key === 'ArrowRight' ? 1 : -1));
      else if (n >= 1 && n <= STEP_NAMES.length) goTo(n);
      else if (e.key === 'Enter' && root.current) mainActionHere(root.current)?.click();
      else if (e.key.toLowerCase() === 's' && latest.current.allowedActions.includes('start')) act('start');
      else return;
      e.preventDefault();
    };
    // Before the focused control sees the keys (Alt+↓ and Alt+→ would open a focused list box).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [goTo, step, act]);

  const props: StepProps = { review, readOnly, update, save, submitChange: (work) => run(work, true) };
  const refresh = () => void save((r) => call('reviews:get', { id: r.id }));
  return (
    <article ref={root}>
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
          {/* Signed: the face-to-face minutes confirmed (and billed), not what the timer happened to count. */}
          <span className="tile-number">{review.faceToFaceMinutes ?? minutes(review.timer, now)} min</span>
          {/* Before the review starts there is only Start review, which starts the clock. */}
          {!readOnly && review.status !== 'draft' && (
            <>
              <button
                type="button"
                onClick={() =>
                  void save((r) =>
                    call('reviews:timer', {
                      id: r.id,
                      version: r.version,
                      timer: r.timer.runningSince ? 'pause' : 'start',
                    }),
                  )
                }
              >
                {review.timer.runningSince ? 'Pause timer' : 'Resume timer'}
              </button>
              <CorrectTime
                onCorrect={(m) =>
                  void save((r) =>
                    call('reviews:timer', { id: r.id, version: r.version, timer: { correctMinutes: m } }),
                  )
                }
              />
            </>
          )}
        </div>
      </div>
      <nav
        className="steps"
        aria-label="Review steps"
        aria-describedby="review-keys"
        title="Alt+← and Alt+→ move between steps, Alt+1 to Alt+5 open one"
      >
        {STEP_NAMES.map((label, i) => {
          const open = review.missing.filter((m) => m.step === i + 1).length;
          // A later step is only "done" once the steps it builds on are.
          const done = !review.missing.some((m) => m.step <= i + 1);
          return (
            <button
              key={label}
              type="button"
              className={`step${i + 1 === step ? ' current' : ''}`}
              aria-current={i + 1 === step ? 'step' : undefined}
              aria-keyshortcuts={`Alt+${i + 1}`}
              title={`${label} (Alt+${i + 1})`}
              onClick={() => goTo(i + 1)}
            >
              <span className="step-number">{i + 1}</span> {label}
              {!readOnly &&
                (open ? (
                  <span className="step-todo">{open} to do</span>
                ) : done ? (
                  <span className="step-done" aria-label="complete">
                    ✓
                  </span>
                ) : null)}
            </button>
          );
        })}
      </nav>
      <p className="key-hint" id="review-keys">
        Keys: <kbd>Alt</kbd>+<kbd>←</kbd> <kbd>→</kbd> previous or next step · <kbd>Alt</kbd>+<kbd>1</kbd>–<kbd>5</kbd>{' '}
        a step
        {!readOnly && (
          <>
            {' '}
            · <kbd>Alt</kbd>+<kbd>Enter</kbd> the main action where you are (Accept, Save)
            {review.status === 'draft' && (
              <>
                {' '}
                · <kbd>Alt</kbd>+<kbd>S</kbd> start the review and its timer
              </>
            )}
          </>
        )}
      </p>
      <LiveNotice live={live} />
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="step-body">
        {step === 1 && <ReviewStep {...props} />}
        {step === 2 && <AssessmentStep {...props} onProblemsChanged={refresh} />}
        {step === 3 && <PlanStep {...props} />}
        {step === 4 && <InterventionStep {...props} />}
        {step === 5 && <DocumentationStep {...props} goTo={goTo} />}
      </div>
      <div className="actions review-actions">
        <span className="save-status" role="status">
          {readOnly
            ? 'Signed — read-only'
            : savedAt
              ? `Saved ${savedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
              : 'Every change is saved as you make it'}
        </span>
        {step > 1 && (
          <button type="button" onClick={() => goTo(step - 1)} aria-keyshortcuts="Alt+ArrowLeft" title="Alt+←">
            ← {STEP_NAMES[step - 2]}
          </button>
        )}
        {step < STEP_NAMES.length && (
          <button type="button" onClick={() => goTo(step + 1)} aria-keyshortcuts="Alt+ArrowRight" title="Alt+→">
            {STEP_NAMES[step]} →
          </button>
        )}
        {review.allowedActions.filter(isRowAction).map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'start' ? 'primary' : undefined}
            aria-keyshortcuts={a === 'start' ? 'Alt+S' : undefined}
            title={a === 'start' ? 'Start the review and its timer (Alt+S)' : undefined}
            onClick={() => act(a)}
          >
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
      <input
        id="correct-minutes"
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="min"
        size={4}
      />
    </form>
  );
}
