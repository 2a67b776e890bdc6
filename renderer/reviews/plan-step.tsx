// Step 3: for each problem, what should change, who acts, and the action-plan item the patient
// takes home ("What we talked about" / "What I need to do"), started from the pharmacy's phrases.
import { useMemo, useState } from 'react';
import { DTP_LABELS, SEVERITY_LABELS, type DrugTherapyProblem } from '../../preload/schemas/checks';
import { formatIsoDate } from '../../preload/schemas/dates';
import {
  ACTOR_LABELS,
  ACTORS,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_LABELS,
  type Recommendation,
  type RecommendationAction,
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
                <button type="button" onClick={() => setEditing({ problemId: p.id })}>
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
                    <span className="tag">{RECOMMENDATION_LABELS[x.action]}</span>{' '}
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
                      <dt>What we talked about</dt>
                      <dd>{x.talkedAbout}</dd>
                      <dt>What I need to do</dt>
                      <dd>{x.toDo}</dd>
                    </dl>
                  )}
                </div>
              ),
            )}
            {editing?.problemId === p.id && (
              <RecommendationForm
                problem={p}
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

function RecommendationForm({
  problem,
  initial,
  prescribers,
  onCancel,
  onSave,
}: {
  problem: DrugTherapyProblem;
  initial?: Recommendation;
  prescribers: { value: string; label: string; own: boolean }[];
  onCancel: () => void;
  onSave: (r: Saved) => Promise<void>;
}) {
  const phrases = useCall('phrases:list', {});
  const {
    values: v,
    set,
    setValues,
    errors,
    busy,
    submit,
  } = useForm(
    {
      action: initial?.action ?? '',
      actor: initial?.actor ?? '',
      prescriberId: initial?.prescriber?.id ?? '',
      detail: initial?.detail ?? '',
      talkedAbout: initial?.talkedAbout ?? '',
      toDo: initial?.toDo ?? '',
    },
    { draft: `recommendation:${problem.id}:${initial?.id ?? 'new'}` },
  );
  const fill = (text: string) => text.replaceAll('{medicine}', problem.title);
  const chooseAction = (action: string) =>
    setValues((cur) => {
      const actor = cur.actor || USUAL_ACTOR[action as RecommendationAction] || '';
      // The patient's only prescriber is the one to ask.
      const own = prescribers.filter((p) => p.own);
      return {
        ...cur,
        action,
        actor,
        prescriberId: cur.prescriberId || (actor === 'prescriber' && own.length === 1 ? own[0]!.value : ''),
      };
    });
  const onSubmit = submit(() =>
    onSave({
      ...(initial ? { id: initial.id } : {}),
      problemId: problem.id,
      action: v.action as RecommendationAction,
      actor: v.actor as Recommendation['actor'],
      prescriberId: v.actor === 'prescriber' ? v.prescriberId || null : null,
      detail: v.detail,
      talkedAbout: v.talkedAbout,
      toDo: v.toDo,
    }),
  );
  const options = (phrases.data ?? []).filter((p) => !v.action || p.action === v.action);
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
        <SelectField
          label="Recommendation"
          value={v.action}
          onChange={chooseAction}
          error={errors.fields['recommendation.action']}
          options={[
            { value: '', label: 'Choose…' },
            ...RECOMMENDATION_ACTIONS.map((a) => ({ value: a, label: RECOMMENDATION_LABELS[a] })),
          ]}
          autoFocus
        />
        <SelectField
          label="Who acts"
          value={v.actor}
          onChange={set('actor')}
          error={errors.fields['recommendation.actor']}
          options={[{ value: '', label: 'Choose…' }, ...ACTORS.map((a) => ({ value: a, label: ACTOR_LABELS[a] }))]}
        />
        {v.actor === 'prescriber' && (
          <SelectField
            label="Prescriber"
            span={2}
            value={v.prescriberId}
            onChange={set('prescriberId')}
            error={errors.fields['recommendation.prescriberId']}
            options={[{ value: '', label: 'Choose…' }, ...prescribers]}
          />
        )}
        <TextField
          label="Recommendation in clinical words (for the record and the prescriber)"
          span={4}
          value={v.detail}
          onChange={set('detail')}
          error={errors.fields['recommendation.detail']}
          placeholder="e.g. Consider switching to a once-daily product"
        />
        <SelectField
          label="Start the action-plan item from a phrase"
          span={4}
          value=""
          onChange={(id) => {
            const phrase = options.find((p) => p.id === id);
            if (phrase)
              setValues((cur) => ({ ...cur, talkedAbout: fill(phrase.talkedAbout), toDo: fill(phrase.toDo) }));
          }}
          options={[
            { value: '', label: options.length ? 'Choose a phrase (optional)…' : 'No phrases for this recommendation' },
            ...options.map((p) => ({ value: p.id, label: `${p.label}: ${fill(p.toDo)}` })),
          ]}
          hint="Leave both boxes empty when this recommendation is not for the patient's action plan."
        />
        <TextAreaField
          label="What we talked about"
          span={2}
          hint="Plain words, written to the patient"
          value={v.talkedAbout}
          onChange={set('talkedAbout')}
          error={errors.fields['recommendation.talkedAbout']}
        />
        <TextAreaField
          label="What I need to do"
          span={2}
          hint="Plain words, written to the patient"
          value={v.toDo}
          onChange={set('toDo')}
          error={errors.fields['recommendation.toDo']}
        />
      </div>
      <FormActions submitLabel="Save recommendation" busy={busy} onCancel={onCancel} />
    </form>
  );
}
