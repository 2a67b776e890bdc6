// Step 5: the SOAP note (drafted from the record until the pharmacist edits it), the next
// follow-up, what is still missing, and sign-off; after sign-off, dated addenda only.
import { useState } from 'react';
import { formatIsoDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { FormActions, FormAlert } from '../ui/field';
import { useAllowed } from '../app/user-context';
import { ReviewBillingPanel } from '../billing/review-billing-panel';
import { DocumentsPanel } from '../documents/documents-panel';
import { useForm } from '../ui/use-form';
import { typedDate } from './review-step';
import { SavedArea, SavedText } from './saved-fields';
import type { StepProps } from './step-props';

export const STEP_NAMES = ['Review', 'Assessment', 'Plan', 'Intervention', 'Documentation'] as const;

export function DocumentationStep({
  review: r,
  readOnly,
  update,
  save,
  submitChange,
  goTo,
}: StepProps & { goTo: (step: number) => void }) {
  const canBill = useAllowed('claims:create');
  return (
    <>
      <section className="panel" aria-labelledby="soap-title">
        <div className="panel-head">
          <h2 id="soap-title">
            SOAP note{' '}
            <span className="count-note">
              {r.soapNoteEdited || readOnly ? '' : 'drafted from the review — edit as needed'}
            </span>
          </h2>
          {!readOnly && r.soapNoteEdited && (
            <button type="button" onClick={() => void update({ soapNote: null })}>
              Redraft from the review
            </button>
          )}
        </div>
        <SavedArea
          label="SOAP note"
          rows={18}
          value={r.soapNote}
          disabled={readOnly}
          onSave={(v) => update({ soapNote: v || null })}
        />
      </section>
      <section className="panel" aria-labelledby="follow-title">
        <h2 id="follow-title">Follow-up</h2>
        <div className="form-grid">
          <SavedText
            label="Next follow-up"
            value={r.followUpDate && formatIsoDate(r.followUpDate)}
            onSave={(v) => update({ followUpDate: typedDate(v) })}
            placeholder="MM/DD/YYYY"
            disabled={readOnly}
          />
          {!readOnly && r.followUpDate !== r.suggestedFollowUp && (
            <div className="field field-button">
              <button type="button" onClick={() => void update({ followUpDate: r.suggestedFollowUp })}>
                Use {formatIsoDate(r.suggestedFollowUp)} (in 3 months)
              </button>
            </div>
          )}
        </div>
      </section>
      {readOnly ? <Signed {...{ review: r, submitChange }} /> : <SignOff review={r} goTo={goTo} />}
      <DocumentsPanel review={r} save={save} />
      {readOnly && canBill && <ReviewBillingPanel reviewId={r.id} />}
    </>
  );
}

function SignOff({ review: r, goTo }: { review: StepProps['review']; goTo: (step: number) => void }) {
  const list = (items: StepProps['review']['missing']) => (
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
  // Worth recording, not required (a TMR's medicines with no reason on the list).
  const warnings = r.warnings.length > 0 && (
    <section className="panel" aria-labelledby="warnings-title">
      <h2 id="warnings-title">Worth recording before you sign</h2>
      {list(r.warnings)}
    </section>
  );
  if (!r.missing.length)
    return (
      <>
        <section className="panel ok-panel">
          <p>
            <span className="ok-mark" aria-hidden="true">
              ✓
            </span>{' '}
            Everything is recorded. Sign and finalize below.
          </p>
        </section>
        {warnings}
      </>
    );
  return (
    <>
      <section className="panel attention-panel" aria-labelledby="missing-title">
        <h2 id="missing-title">Before you can sign</h2>
        {list(r.missing)}
      </section>
      {warnings}
    </>
  );
}

function Signed({ review: r, submitChange }: Pick<StepProps, 'review' | 'submitChange'>) {
  const [adding, setAdding] = useState(false);
  const { values, set, setValues, errors, busy, submit } = useForm({ text: '' }, { draft: `addendum:${r.id}` });
  const onSubmit = submit(async (v) => {
    await submitChange(() => call('reviews:addAddendum', { id: r.id, text: v.text }));
    setValues({ text: '' });
    setAdding(false);
  });
  return (
    <section className="panel" aria-labelledby="signed-title">
      <div className="panel-head">
        <h2 id="signed-title">
          Signed by {r.signedBy} on {formatIsoDate(r.completedAt!.slice(0, 10))}
        </h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            + Add an addendum
          </button>
        )}
      </div>
      {r.addenda.map((a) => (
        <div key={a.id} className="addendum">
          <p className="muted small">
            Addendum · {new Date(a.createdAt).toLocaleString()} · {a.createdBy}
          </p>
          <p className="pre">{a.text}</p>
        </div>
      ))}
      {adding && (
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label="Add an addendum"
          onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
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
          <FormActions submitLabel="Add addendum" busy={busy} onCancel={() => setAdding(false)} />
        </form>
      )}
    </section>
  );
}
