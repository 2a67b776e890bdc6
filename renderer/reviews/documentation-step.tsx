// Step 5: the SOAP note (drafted from the record until the pharmacist edits it), the next
// follow-up, what is still missing, and sign-off with the face-to-face minutes; after sign-off, dated addenda only.
import { useState } from 'react';
import { formatIsoDate } from '../../preload/schemas/dates';
import { useAllowed } from '../app/user-context';
import { ReviewBillingPanel } from '../billing/review-billing-panel';
import { DocumentsPanel } from '../documents/documents-panel';
import { typedDate } from './review-step';
import { SavedArea, SavedText } from './saved-fields';
import { Signed, SignOff } from './sign-off';
import type { StepProps } from './step-props';

export { STEP_NAMES } from './step-names';

export function DocumentationStep({
  review: r,
  readOnly,
  update,
  save,
  submitChange,
  goTo,
}: StepProps & { goTo: (step: number) => void }) {
  const canBill = useAllowed('claims:create');
  const [minutesCorrected, setMinutesCorrected] = useState(false);
  // Signed: on to the next thing to do, printing the summary (the first document, the patient's own).
  const toDocuments = () =>
    setTimeout(() => {
      const documents = document.getElementById('documents-title')?.closest('section');
      (documents?.querySelector<HTMLElement>('button.primary') ?? documents?.querySelector('button'))?.focus();
    });
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
      {readOnly ? (
        <Signed review={r} submitChange={submitChange} onMinutesCorrected={() => setMinutesCorrected(true)} />
      ) : (
        <SignOff review={r} goTo={goTo} submitChange={submitChange} onSigned={toDocuments} />
      )}
      <DocumentsPanel review={r} save={save} />
      {readOnly && canBill && (
        // Remade when the minutes change, so the preview and the flags follow the corrected minutes.
        <ReviewBillingPanel key={r.faceToFaceMinutes} review={r} takeFocus={minutesCorrected} />
      )}
    </>
  );
}
