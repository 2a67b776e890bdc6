// Step 3: for each problem, what should change, who acts, and the action-plan item the patient
// takes home ("What we talked about" / "What I need to do"). A recommendation acts on one medicine;
// its kind is chosen deliberately (no choice until one is made), and the item is built from the
// pharmacy's phrase for that kind with that one medicine, shown in English and Spanish exactly as
// it will print, before it is saved.
import { useMemo, useState } from 'react';
import { DTP_LABELS, SEVERITY_LABELS, type DrugTherapyProblem } from '../../preload/schemas/checks';
import { formatIsoDate } from '../../preload/schemas/dates';
import {
  ACTOR_LABELS,
  ACTORS,
  DEFAULT_PHRASES,
  fillPhrase,
  MEDICINE_QUESTION,
  needsMedicine,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_LABELS,
  type Phrase,
  type PlanSuggestion,
  type Recommendation,
  type RecommendationAction,
  type ReviewLine,
} from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { FormActions, FormAlert, SelectField, TextAreaField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import type { StepProps } from './step-props';

/** Who usually acts on each kind of recommendation; the pharmacist can change it. */
const USUAL_ACTOR: Record<RecommendationAction, Recommendation['actor']> = {
  start: 'prescriber',
  stop: 'prescriber',
  changeDose: 'prescriber',
  changeProduct: 'prescriber',
  monitor: 'patient',
  educate: 'patient',
  refer: 'pharmacist',
};

/** The Standardized Format's headings, as the action plan prints them in each language. */
const HEADINGS = {
  en: { talked: 'What we talked about', todo: 'What I need to do' },
  es: { talked: 'Lo que hablamos', todo: 'Lo que tengo que hacer' },
} as const;

export function PlanStep({ review: r, readOnly, save, submitChange }: StepProps) {
  const [editing, setEditing] = useState<{ problemId: string; recommendation?: Recommendation } | null>(null);
  const prescribers = usePrescriberOptions(r.patientId);
  if (!r.problems.length)
    return (
      <section className="panel">
        <p className="muted">
          No drug-therapy problems on the list. Add them in step 2 (Assessment); each needs a plan here.
        </p>
      </section>
    );
  return (
    <>
      {r.problems.map((p) => {
        const plans = r.plan.filter((x) => x.problemId === p.id);
        return (
          <section key={p.id} className="panel problem-plan" aria-label={`Plan for ${p.title}`}>
            <div className="panel-head">
              <div>
                <h2>{p.title}</h2>
                <p className="muted">
                  {DTP_LABELS[p.category]} ·{' '}
                  <span className={`severity severity-${p.severity}`}>{SEVERITY_LABELS[p.severity]}</span> —{' '}
                  {p.description}
                </p>
              </div>
              {!readOnly && editing?.problemId !== p.id && (
                <button
                  type="button"
                  // The step opens on the first problem still without a plan.
                  data-unplanned={
                    plans.length === 0 && p.status === 'open' && !r.plannedBefore.includes(p.id) ? '' : undefined
                  }
                  onClick={() => setEditing({ problemId: p.id })}
                >
                  + Add a recommendation
                </button>
              )}
            </div>
            {plans.length === 0 &&
              editing?.problemId !== p.id &&
              (p.status === 'resolved' ? (
                <p className="muted">
                  Resolved {formatIsoDate(p.resolvedOn!)}: {p.resolution}. No plan needed.
                </p>
              ) : r.plannedBefore.includes(p.id) ? (
                <p className="muted">Planned in an earlier review; add a recommendation only if the plan changes.</p>
              ) : (
                <p className="attention">No plan yet.</p>
              ))}
            {plans.map((x) =>
              editing?.recommendation?.id === x.id ? null : (
                <div key={x.id} className="plan-item">
                  <div className="plan-line">
                    <span className="tag">
                      {RECOMMENDATION_LABELS[x.action]}
                      {x.medicine ? ` ${x.medicine}` : ''}
                    </span>{' '}
                    <span className="strong">{x.detail}</span>
                    <span className="muted"> — {x.prescriber ? x.prescriber.name : ACTOR_LABELS[x.actor]}</span>
                    {!readOnly && (
                      <span className="plan-tools">
                        <button
                          type="button"
                          className="link"
                          onClick={() => setEditing({ problemId: p.id, recommendation: x })}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="link"
                          onClick={() =>
                            void save((cur) =>
                              call('reviews:removeRecommendation', {
                                id: cur.id,
                                version: cur.version,
                                recommendationId: x.id,
                              }),
                            )
                          }
                        >
                          Remove
                        </button>
                      </span>
                    )}
                  </div>
                  {x.talkedAbout && (
                    <dl className="map-item">
                      <dt>{HEADINGS.en.talked}</dt>
                      <dd>{x.talkedAbout}</dd>
                      <dt>{HEADINGS.en.todo}</dt>
                      <dd>{x.toDo}</dd>
                      {x.talkedAboutEs && (
                        <>
                          <dt lang="es">{HEADINGS.es.talked}</dt>
                          <dd lang="es">{x.talkedAboutEs}</dd>
                          <dt lang="es">{HEADINGS.es.todo}</dt>
                          <dd lang="es">{x.toDoEs}</dd>
                        </>
                      )}
                    </dl>
                  )}
                </div>
              ),
            )}
            {editing?.problemId === p.id && (
              <RecommendationForm
                problem={p}
                suggestion={r.suggestions.find((s) => s.problemId === p.id)}
                lines={r.reconciliation}
                started={r.plan.flatMap((x) => (x.action === 'start' && x.medicine ? [x.medicine] : []))}
                initial={editing.recommendation}
                prescribers={prescribers}
                onCancel={() => setEditing(null)}
                onSave={async (recommendation) => {
                  await submitChange((cur) =>
                    call('reviews:saveRecommendation', { id: cur.id, version: cur.version, recommendation }),
                  );
                  setEditing(null);
                }}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

/** Every prescriber, the patient's own first (they are the likely ones to act). */
function usePrescriberOptions(patientId: string) {
  const all = useCall('prescribers:search', { query: '', limit: 200 });
  const meds = useCall('medications:list', { patientId });
  return useMemo(() => {
    const own = new Set((meds.data?.active ?? []).flatMap((m) => (m.prescriber ? [m.prescriber.id] : [])));
    const list = (all.data?.prescribers ?? []).map((p) => ({
      value: p.id,
      label: `${p.firstName} ${p.lastName}${p.credentials ? `, ${p.credentials}` : ''}${own.has(p.id) ? ' (prescribes for this patient)' : ''}`,
      own: own.has(p.id),
    }));
    return list.sort((a, b) => Number(b.own) - Number(a.own));
  }, [all.data, meds.data]);
}

type Saved = Parameters<typeof call<'reviews:saveRecommendation'>>[1]['recommendation'];
type Texts = { talkedAbout: string; toDo: string; talkedAboutEs: string; toDoEs: string };
const NO_TEXT: Texts = { talkedAbout: '', toDo: '', talkedAboutEs: '', toDoEs: '' };

/** The medicine radio's special choices: another of the patient's medicines, or none in particular. */
const OTHER = '(other)';
const NONE = '(none)';
const words = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;

/** The one medicine the form's choice names (null for none), and whether a choice was made at all. */
function chosen(x: { action: string; choice: string; other: string }): { medicine: string | null; made: boolean } {
  if (x.action === 'start') return { medicine: x.choice.trim() || null, made: Boolean(x.choice.trim()) };
  if (x.choice === NONE) return { medicine: null, made: true };
  const medicine = (x.choice === OTHER ? x.other : x.choice) || null;
  return { medicine, made: Boolean(medicine) };
}

/** A typed new medicine the patient already takes: the line whose medicine it names. */
function alreadyTaken(typed: string, lines: ReviewLine[]): ReviewLine | undefined {
  const t = words(typed);
  if (!typed.trim()) return undefined;
  return lines
    .filter((l) => l.resolution !== 'stopped' && l.resolution !== 'notTaking')
    .find((l) => [l.medicine, ...l.ingredients].some((n) => t.includes(words(n))));
}

function RecommendationForm({
  problem,
  suggestion,
  lines,
  started,
  initial,
  prescribers,
  onCancel,
  onSave,
}: {
  problem: DrugTherapyProblem;
  suggestion: PlanSuggestion | undefined;
  lines: ReviewLine[];
  /** Medicines this plan starts: monitor, educate and refer may be about one of them. */
  started: string[];
  initial?: Recommendation;
  prescribers: { value: string; label: string; own: boolean }[];
  onCancel: () => void;
  onSave: (r: Saved) => Promise<void>;
}) {
  const phrases = useCall('phrases:list', {});
  const ofProblem = suggestion?.medicines ?? [];
  const current = lines.map((l) => l.medicine);
  // An edited recommendation keeps its medicine and its text; a new one starts from the finding's suggestion.
  const startAction = initial?.action ?? suggestion?.action ?? '';
  const startMedicine = initial ? initial.medicine : (suggestion?.medicine ?? null);
  const own = prescribers.filter((p) => p.own);
  const startActor = initial?.actor ?? (startAction ? USUAL_ACTOR[startAction] : '');
  const {
    values: v,
    set,
    setValues,
    errors,
    busy,
    submit,
  } = useForm(
    {
      action: startAction as RecommendationAction | '',
      /** For start: the new medicine as typed. Otherwise one of the problem's medicines, OTHER or NONE. */
      choice:
        startAction === 'start'
          ? (startMedicine ?? '')
          : startMedicine
            ? ofProblem.includes(startMedicine)
              ? startMedicine
              : OTHER
            : initial && !initial.medicine
              ? NONE
              : '',
      other: startMedicine && !ofProblem.includes(startMedicine) ? startMedicine : '',
      actor: startActor,
      /** Who acts was set from the kind of recommendation, not by the pharmacist: it follows a change of kind. */
      actorFromAction: !initial,
      /** As chosen; while '', the medicine's prescriber (or the patient's only one) is offered. */
      prescriberId: initial?.prescriber?.id ?? '',
      detail: initial?.detail ?? suggestion?.detail ?? '',
      onPlan: initial ? Boolean(initial.talkedAbout) : true,
      phraseId: '',
      /** The wording as the pharmacist edited it; null while it is the phrase's, filled in. */
      edited: initial?.talkedAbout
        ? ({
            talkedAbout: initial.talkedAbout,
            toDo: initial.toDo,
            talkedAboutEs: initial.talkedAboutEs,
            toDoEs: initial.toDoEs,
          } as Texts | null)
        : null,
      /** The action and medicine the edited wording was written for. */
      editedFor: initial ? `${initial.action}|${initial.medicine ?? ''}` : '',
    },
    {
      draft: `recommendation:${problem.id}:${initial?.id ?? 'new'}`,
      // Monitor, educate and refer may be about no single medicine, but only by choosing so.
      check: (x) =>
        x.action && !needsMedicine(x.action) && !chosen(x).made
          ? 'Choose the medicine this is about, or “No single medicine”.'
          : null,
    },
  );

  const action = v.action || null;
  const { medicine, made: medicineChosen } = chosen(v);
  const others = [...current, ...(action && !needsMedicine(action) ? started : [])].filter(
    (m, i, all) => !ofProblem.includes(m) && all.indexOf(m) === i,
  );
  const taken = action === 'start' ? alreadyTaken(v.choice, lines) : undefined;
  // The prescriber of the medicine the recommendation is about, when on file; else the patient's only prescriber.
  const ofMedicine = lines.find((l) => l.medicine === medicine)?.entries.find((e) => e.prescriberId)?.prescriberId;
  const prescriberId =
    v.prescriberId ||
    (ofMedicine && prescribers.some((p) => p.value === ofMedicine)
      ? ofMedicine
      : own.length === 1
        ? own[0]!.value
        : '');

  // The pharmacy's wordings for this kind of recommendation (MTM Desk's own when it has none).
  const wordings: Omit<Phrase, 'updatedBy'>[] = useMemo(() => {
    if (!action) return [];
    const mine = (phrases.data ?? []).filter((p) => p.action === action);
    return mine.length
      ? mine
      : DEFAULT_PHRASES.filter((p) => p.action === action).map((p, i) => ({ ...p, id: `default:${i}` }));
  }, [action, phrases.data]);
  const wording = wordings.find((p) => p.id === v.phraseId) ?? wordings[0];
  const filled: Texts =
    wording && action && medicineChosen
      ? {
          talkedAbout: fillPhrase(wording.talkedAbout, medicine, 'en'),
          toDo: fillPhrase(wording.toDo, medicine, 'en'),
          talkedAboutEs: wording.talkedAboutEs ? fillPhrase(wording.talkedAboutEs, medicine, 'es') : '',
          toDoEs: wording.toDoEs ? fillPhrase(wording.toDoEs, medicine, 'es') : '',
        }
      : NO_TEXT;
  // What the patient will read: exactly what is saved.
  const texts: Texts = !v.onPlan ? NO_TEXT : (v.edited ?? filled);
  const stale = v.edited && v.editedFor !== `${action ?? ''}|${medicine ?? ''}`;
  const textError = (['talkedAbout', 'toDo', 'talkedAboutEs', 'toDoEs'] as const).some(
    (k) => errors.fields[`recommendation.${k}`],
  );
  const [showText, setShowText] = useState(false);

  const chooseAction = (next: RecommendationAction) =>
    setValues((cur) => {
      const actor = cur.actor && !cur.actorFromAction ? cur.actor : USUAL_ACTOR[next];
      // A new medicine is typed; a current one is chosen (the problem's only medicine, when it has one).
      const choice =
        next === 'start'
          ? cur.action === 'start'
            ? cur.choice
            : ''
          : cur.action && cur.action !== 'start'
            ? cur.choice === NONE && needsMedicine(next)
              ? ''
              : cur.choice
            : ofProblem.length === 1
              ? ofProblem[0]!
              : '';
      return {
        ...cur,
        action: next,
        choice,
        actor,
        phraseId: '',
      };
    });
  const chooseActor = (actor: string) => setValues((cur) => ({ ...cur, actor, actorFromAction: false }));
  const editText = (k: keyof Texts) => (value: string) =>
    setValues((cur) => ({
      ...cur,
      edited: { ...(cur.edited ?? filled), [k]: value },
      editedFor: cur.edited ? cur.editedFor : `${action ?? ''}|${medicine ?? ''}`,
    }));
  const rewrite = () => setValues((cur) => ({ ...cur, edited: null, editedFor: '' }));

  const onSubmit = submit(() =>
    onSave({
      ...(initial ? { id: initial.id } : {}),
      problemId: problem.id,
      action: v.action as RecommendationAction,
      actor: v.actor as Recommendation['actor'],
      prescriberId: v.actor === 'prescriber' ? prescriberId || null : null,
      medicine,
      detail: v.detail,
      ...texts,
    }),
  );
  const err = (k: string) => errors.fields[`recommendation.${k}`];
  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Recommendation for ${problem.title}`}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <fieldset className={`field span-4 plain-fieldset${err('action') ? ' has-error' : ''}`}>
          <legend className="field-label">Recommendation</legend>
          <div className="row-end" style={{ flexWrap: 'wrap', gap: '0.5rem 1.25rem' }}>
            {RECOMMENDATION_ACTIONS.map((a, i) => (
              <label key={a} className="checkbox">
                <input
                  type="radio"
                  name={`action-${problem.id}`}
                  value={a}
                  checked={v.action === a}
                  onChange={() => chooseAction(a)}
                  // The form opens on its first choice (arrows move between the kinds).
                  autoFocus={startAction ? startAction === a : i === 0}
                />
                {RECOMMENDATION_LABELS[a]}
              </label>
            ))}
          </div>
          {err('action') ? (
            <p className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {err('action')}
            </p>
          ) : (
            !initial &&
            suggestion?.action &&
            v.action === suggestion.action && (
              <p className="field-hint">Suggested by the finding; choose another if it fits better.</p>
            )
          )}
        </fieldset>
        {action === 'start' && (
          <TextField
            label="New medicine to start"
            span={2}
            value={v.choice}
            onChange={set('choice')}
            error={
              err('medicine') ??
              (taken
                ? `${v.choice.trim()} is already on the patient’s list${words(taken.medicine) === words(v.choice) ? '' : ` (in ${taken.medicine})`} — choose Change dose or Change product, or start a different medicine.`
                : undefined)
            }
            hint="One medicine the patient does not take now, by its name (or a combination product by its brand)"
            placeholder="e.g. empagliflozin"
          />
        )}
        {action && action !== 'start' && (
          <fieldset className={`field span-4 plain-fieldset${err('medicine') ? ' has-error' : ''}`}>
            <legend className="field-label">
              {needsMedicine(action) ? MEDICINE_QUESTION[action as keyof typeof MEDICINE_QUESTION] : 'Medicine'}
            </legend>
            <div className="row-end" style={{ flexWrap: 'wrap', gap: '0.5rem 1.25rem' }}>
              {ofProblem.map((m) => (
                <label key={m} className="checkbox">
                  <input
                    type="radio"
                    name={`medicine-${problem.id}`}
                    checked={v.choice === m}
                    onChange={() => set('choice')(m)}
                  />
                  {m}
                </label>
              ))}
              {others.length > 0 && (
                <label className="checkbox">
                  <input
                    type="radio"
                    name={`medicine-${problem.id}`}
                    checked={v.choice === OTHER}
                    onChange={() => set('choice')(OTHER)}
                  />
                  {ofProblem.length ? 'Another of the patient’s medicines' : 'One of the patient’s medicines'}
                </label>
              )}
              {!needsMedicine(action) && (
                <label className="checkbox">
                  <input
                    type="radio"
                    name={`medicine-${problem.id}`}
                    checked={v.choice === NONE}
                    onChange={() => set('choice')(NONE)}
                  />
                  No single medicine (all the patient’s medicines)
                </label>
              )}
            </div>
            {v.choice === OTHER && (
              <select
                aria-label="Which medicine"
                value={v.other}
                onChange={(e) => set('other')(e.target.value)}
                style={{ marginTop: '0.5rem', maxWidth: '24rem' }}
              >
                <option value="">Choose…</option>
                {others.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
            {err('medicine') && (
              <p className="field-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {err('medicine')}
              </p>
            )}
          </fieldset>
        )}
        <SelectField
          label="Who acts"
          value={v.actor}
          onChange={chooseActor}
          error={err('actor')}
          options={[{ value: '', label: 'Choose…' }, ...ACTORS.map((a) => ({ value: a, label: ACTOR_LABELS[a] }))]}
        />
        {v.actor === 'prescriber' && (
          <SelectField
            label="Prescriber"
            span={2}
            value={prescriberId}
            onChange={set('prescriberId')}
            error={err('prescriberId')}
            hint={
              prescriberId && !v.prescriberId && prescriberId === ofMedicine
                ? `Prescribes ${medicine ?? 'this medicine'}`
                : undefined
            }
            options={[{ value: '', label: 'Choose…' }, ...prescribers]}
          />
        )}
        <TextField
          label="Recommendation in clinical words (for the record and the prescriber)"
          span={4}
          value={v.detail}
          onChange={set('detail')}
          error={err('detail')}
          placeholder="e.g. Consider switching to a once-daily product"
        />
        <div className="field span-4">
          <label className="checkbox">
            <input type="checkbox" checked={v.onPlan} onChange={(e) => set('onPlan')(e.target.checked)} />
            Put it on the patient’s Medication Action Plan
          </label>
        </div>
        {v.onPlan && action && wordings.length > 0 && !v.edited && (
          <SelectField
            label="Wording"
            span={4}
            value={wording?.id ?? ''}
            onChange={set('phraseId')}
            options={wordings.map((p) => ({
              value: p.id,
              label: `${p.label}${p.talkedAboutEs ? '' : ' (no Spanish yet)'}`,
            }))}
            hint="The pharmacy’s phrases for this recommendation (Action-plan phrases, Alt+A)"
          />
        )}
      </div>
      {v.onPlan && (
        <section className="map-preview" aria-label="What the patient reads">
          <h3 className="field-label">What the patient reads</h3>
          {!action || !medicineChosen ? (
            <p className="muted">
              {!action
                ? 'Choose the recommendation and its medicine: the sentence appears here, in English and Spanish.'
                : 'Choose the medicine: the sentence names it.'}
            </p>
          ) : (
            <div className="form-grid">
              {(['en', 'es'] as const).map((l) => {
                const talked = l === 'en' ? texts.talkedAbout : texts.talkedAboutEs;
                const todo = l === 'en' ? texts.toDo : texts.toDoEs;
                return (
                  <div
                    key={l}
                    className="field span-2"
                    lang={l}
                    role="group"
                    aria-label={l === 'en' ? 'English' : 'Spanish'}
                  >
                    <span className="muted small">{l === 'en' ? 'English' : 'Español (Spanish)'}</span>
                    {talked || todo ? (
                      <dl className="map-item">
                        <dt>{HEADINGS[l].talked}</dt>
                        <dd>{talked}</dd>
                        <dt>{HEADINGS[l].todo}</dt>
                        <dd>{todo}</dd>
                      </dl>
                    ) : (
                      <p className="attention">
                        {l === 'es'
                          ? 'No Spanish wording in this phrase: write it below, or choose another wording.'
                          : 'No wording: write it below.'}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          )}
          {stale && (
            <p className="attention" role="status">
              The wording was edited for an earlier choice: check it says what is now chosen, or{' '}
              <button type="button" className="link" onClick={rewrite}>
                write it again from the phrase
              </button>
              .
            </p>
          )}
          {action && medicineChosen && (
            <p>
              {showText || textError || v.edited ? (
                v.edited && (
                  <button type="button" className="link" onClick={rewrite}>
                    Undo my changes to the wording
                  </button>
                )
              ) : (
                <button type="button" className="link" onClick={() => setShowText(true)}>
                  Change the wording
                </button>
              )}
            </p>
          )}
          {action && medicineChosen && (showText || textError || v.edited) && (
            <div className="form-grid">
              <TextAreaField
                label={HEADINGS.en.talked}
                span={2}
                value={texts.talkedAbout}
                onChange={editText('talkedAbout')}
                error={err('talkedAbout')}
              />
              <TextAreaField
                label={HEADINGS.en.todo}
                span={2}
                value={texts.toDo}
                onChange={editText('toDo')}
                error={err('toDo')}
              />
              <TextAreaField
                label={`${HEADINGS.es.talked} (Spanish)`}
                span={2}
                value={texts.talkedAboutEs}
                onChange={editText('talkedAboutEs')}
                error={err('talkedAboutEs')}
              />
              <TextAreaField
                label={`${HEADINGS.es.todo} (Spanish)`}
                span={2}
                value={texts.toDoEs}
                onChange={editText('toDoEs')}
                error={err('toDoEs')}
              />
            </div>
          )}
        </section>
      )}
      <FormActions submitLabel="Save recommendation" busy={busy} onCancel={onCancel} />
    </form>
  );
}
