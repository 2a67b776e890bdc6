// The pharmacy's plain-language phrases for action-plan items, in English and Spanish: add, edit, remove.
import { useState } from 'react';
import {
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_LABELS,
  type Phrase,
  type RecommendationAction,
} from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { FormActions, FormAlert, SelectField, TextAreaField, TextField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { RowActions } from '../ui/row-actions';
import { useForm } from '../ui/use-form';

export function PhrasesScreen() {
  const phrases = useCall('phrases:list', {});
  const { reload } = phrases;
  const [editing, setEditing] = useState<Phrase | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = (p: Phrase) =>
    void call('phrases:delete', { id: p.id }).then(reload, (e: Error) => setFailure(e.message));
  return (
    <section aria-labelledby="phrases-title">
      <div className="page-head">
        <div>
          <h1 id="phrases-title">Action-plan phrases</h1>
          <p className="muted">
            Starting points for “What we talked about” and “What I need to do”, in English and Spanish (the summary
            prints in the patient’s language). {'{medicine}'} is replaced by the one medicine the recommendation acts
            on: name it in every step the patient takes.
          </p>
        </div>
        {!editing && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            + New phrase
          </button>
        )}
      </div>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      {editing && (
        <PhraseForm
          key={editing === 'new' ? 'new' : editing.id}
          phrase={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <Loaded result={phrases} loading={null}>
        {(list) => (
          <table className="data-table">
            <thead>
              <tr>
                <th>Recommendation</th>
                <th>Phrase</th>
                <th>What we talked about</th>
                <th>What I need to do</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>{RECOMMENDATION_LABELS[p.action]}</td>
                  <td className="strong">{p.label}</td>
                  <td>
                    {p.talkedAbout}
                    <Spanish text={p.talkedAboutEs} />
                  </td>
                  <td>
                    {p.toDo}
                    <Spanish text={p.toDoEs} />
                  </td>
                  <RowActions>
                    <button type="button" className="link" onClick={() => setEditing(p)}>
                      Edit
                    </button>
                    <button type="button" className="link" onClick={() => remove(p)}>
                      Remove
                    </button>
                  </RowActions>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}

function PhraseForm({ phrase, onDone }: { phrase: Phrase | null; onDone: () => void }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    action: phrase?.action ?? '',
    label: phrase?.label ?? '',
    talkedAbout: phrase?.talkedAbout ?? '',
    toDo: phrase?.toDo ?? '',
    talkedAboutEs: phrase?.talkedAboutEs ?? '',
    toDoEs: phrase?.toDoEs ?? '',
  });
  const onSubmit = submit(async () => {
    await call('phrases:save', {
      ...(phrase ? { id: phrase.id } : {}),
      action: v.action as RecommendationAction,
      label: v.label,
      talkedAbout: v.talkedAbout,
      toDo: v.toDo,
      talkedAboutEs: v.talkedAboutEs,
      toDoEs: v.toDoEs,
    });
    onDone();
  });
  return (
    <form
      className="panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={phrase ? `Edit phrase ${phrase.label}` : 'New phrase'}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <SelectField
          label="Recommendation"
          value={v.action}
          onChange={set('action')}
          error={errors.fields.action}
          options={[
            { value: '', label: 'Choose…' },
            ...RECOMMENDATION_ACTIONS.map((a) => ({ value: a, label: RECOMMENDATION_LABELS[a] })),
          ]}
          autoFocus
        />
        <TextField
          label="Name of the phrase"
          span={3}
          value={v.label}
          onChange={set('label')}
          error={errors.fields.label}
        />
        <TextAreaField
          label="What we talked about"
          span={2}
          value={v.talkedAbout}
          onChange={set('talkedAbout')}
          error={errors.fields.talkedAbout}
        />
        <TextAreaField
          label="What I need to do"
          span={2}
          value={v.toDo}
          onChange={set('toDo')}
          error={errors.fields.toDo}
          hint="Name {medicine} here: the plan refuses an item about one medicine that does not name it"
        />
        <TextAreaField
          label="Lo que hablamos (Spanish)"
          span={2}
          value={v.talkedAboutEs}
          onChange={set('talkedAboutEs')}
          error={errors.fields.talkedAboutEs}
          hint="The same in Spanish, for a patient who reads Spanish"
        />
        <TextAreaField
          label="Lo que tengo que hacer (Spanish)"
          span={2}
          value={v.toDoEs}
          onChange={set('toDoEs')}
          error={errors.fields.toDoEs}
        />
      </div>
      <FormActions submitLabel="Save phrase" busy={busy} onCancel={onDone} />
    </form>
  );
}

/** A phrase's Spanish wording under its English one; said when there is none yet. */
function Spanish({ text }: { text: string }) {
  return text ? (
    <div className="muted small" lang="es">
      {text}
    </div>
  ) : (
    <div className="attention small">No Spanish yet</div>
  );
}
