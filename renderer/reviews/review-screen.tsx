import { useCallback, useEffect, useRef, useState } from 'react';
import { REVIEW_TYPE_LABELS, STATUS_LABELS, type Review, type ReviewAction } from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { PatientBanner } from '../patients/patient-banner';
import { Loaded } from '../ui/loaded';
import { AssessmentStep } from './assessment-step';
import { DocumentationStep, STEP_NAMES } from './documentation-step';
import { InterventionStep } from './intervention-step';
import { PlanStep } from './plan-step';
import { ReviewStep } from './review-step';
import type { Changes, StepProps } from './step-props';

const ACTION_LABELS: Record<ReviewAction, string> = {
  start: 'Start review',
  awaitPrescriber: 'Waiting for prescriber',
  resume: 'Resume',
  complete: 'Sign and finalize',
};

const minutes = (t: Review['timer'], now: number) =>
  Math.floor((t.seconds + (t.runningSince ? Math.max(0, now - Date.parse(t.runningSince)) / 1000 : 0)) / 60);

/** One review encounter: every change saved as it is made, so leaving and coming back resumes here. */
export function ReviewScreen({ id }: { id: string }) {
  return <Loaded result={useCall('reviews:get', { id })}>{(r) => <ReviewView key={r.id} initial={r} />}</Loaded>;
}

function ReviewView({ initial }: { initial: Review }) {
  const [review, setReview] = useState(initial);
  const latest = useRef(initial);
  const queue = useRef(Promise.resolve());
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const patient = useCall('patients:get', { id: initial.patientId });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  const readOnly = review.status === 'completed';
  // Changes run one after another on the latest version, so a quick blur-then-click never conflicts with itself.
  // Only refs and state setters inside: the same function on every render.
  const run = useCallback((work: (r: Review) => Promise<Review>, rethrow: boolean) => {
    const done = queue.current.then(async () => {
      try {
        latest.current = await work(latest.current);
        setReview(latest.current);
        setSavedAt(new Date());
        setError(null);
      } catch (e) {
        if (rethrow) throw e;
        setError((e as Error).message);
      }
    });
    queue.current = done.catch(() => undefined);
    return done;
  }, []);
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
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
      e.preventDefault();
      goTo(step + (e.key === 'ArrowRight' ? 1 : -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, step]);

  const props: StepProps = { review, readOnly, update, save, submitChange: (work) => run(work, true) };
  const refresh = () => void save((r) => call('reviews:get', { id: r.id }));
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
                {review.timer.runningSince ? 'Pause timer' : 'Start timer'}
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
      <nav className="steps" aria-label="Review steps" title="Alt+← and Alt+→ move between steps">
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
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {step === 1 && <ReviewStep {...props} />}
      {step === 2 && <AssessmentStep {...props} onProblemsChanged={refresh} />}
      {step === 3 && <PlanStep {...props} />}
      {step === 4 && <InterventionStep {...props} />}
      {step === 5 && <DocumentationStep {...props} goTo={goTo} />}
      <div className="actions review-actions">
        <span className="save-status" role="status">
          {readOnly
            ? 'Signed — read-only'
            : savedAt
              ? `Saved ${savedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
              : 'Every change is saved as you make it'}
        </span>
        {step > 1 && (
          <button type="button" onClick={() => goTo(step - 1)}>
            ← {STEP_NAMES[step - 2]}
          </button>
        )}
        {step < STEP_NAMES.length && (
          <button type="button" onClick={() => goTo(step + 1)}>
            {STEP_NAMES[step]} →
          </button>
        )}
        {review.allowedActions.map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'complete' || a === 'start' ? 'primary' : undefined}
            onClick={() => void save((r) => call('reviews:act', { id: r.id, version: r.version, action: a }))}
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
