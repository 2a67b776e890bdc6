// The review's documents: the CMR summary for the patient (in their language, or the other), a
// fax per prescriber, and the pharmacist's note. Printing or saving records that they went out.
import { useState } from 'react';
import type { DocumentRequest, PrintedDocument } from '../../preload/schemas/documents';
import { formatIsoDate } from '../../preload/schemas/dates';
import type { Review } from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import type { StepProps } from '../reviews/step-props';
import { useAllowed } from '../app/user-context';
import { downloadText } from '../ui/download';
import { DocumentPreview } from './document-preview';

export function DocumentsPanel({ review: r, save }: Pick<StepProps, 'review' | 'save'>) {
  const [open, setOpen] = useState<{ doc: PrintedDocument; req: DocumentRequest } | null>(null);
  const canExportCarePlan = useAllowed('documents:carePlan');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = async (req: DocumentRequest) => {
    setBusy(true);
    setError(null);
    try {
      setOpen({ doc: await call('documents:make', req), req });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // Only documents that leave the pharmacy are recorded, and only once the review is signed.
  const recordOut = (req: DocumentRequest) => {
    if (r.status !== 'completed' || req.kind === 'pharmacistNote') return;
    if (req.kind === 'cmrSummary' && r.summarySentDate) return;
    if (req.kind === 'prescriberLetter' && r.communications.find((c) => c.prescriber.id === req.prescriberId)?.sentDate)
      return;
    void save((cur: Review) =>
      call(
        'documents:sent',
        req.kind === 'cmrSummary'
          ? { kind: 'cmrSummary', reviewId: cur.id, version: cur.version }
          : { kind: 'prescriberLetter', reviewId: cur.id, version: cur.version, prescriberId: req.prescriberId },
      ),
    );
  };
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="document-buttons">
        {r.type === 'cmr' && (
          <>
            <button type="button" disabled={busy} onClick={() => void show({ kind: 'cmrSummary', reviewId: r.id })}>
              CMR summary for the patient
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void show({ kind: 'cmrSummary', reviewId: r.id, language: 'es' })}
            >
              CMR summary in Spanish
            </button>
          </>
        )}
        {r.communications.map((c) => (
          <button
            key={c.prescriber.id}
            type="button"
            disabled={busy}
            onClick={() => void show({ kind: 'prescriberLetter', reviewId: r.id, prescriberId: c.prescriber.id })}
          >
            Fax to {c.prescriber.name}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => void show({ kind: 'pharmacistNote', reviewId: r.id })}>
          {r.type === 'cmr' ? 'Pharmacist note' : 'Review summary'}
        </button>
        {canExportCarePlan && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void call('documents:carePlan', { reviewId: r.id }).then(
                (f) => downloadText(f.fileName, f.json, 'application/fhir+json'),
                (e: Error) => setError(e.message),
              )
            }
          >
            eCare Plan (FHIR)
          </button>
        )}
      </div>
      {r.type === 'cmr' && (
        <p className="muted">
          {r.summarySentDate
            ? `Written summary given or sent on ${formatIsoDate(r.summarySentDate)}.`
            : 'Give the summary at the counter or mail it within 14 days; printing or saving it records the date.'}
        </p>
      )}
      {open && <DocumentPreview doc={open.doc} onClose={() => setOpen(null)} onOut={() => recordOut(open.req)} />}
    </section>
  );
}
