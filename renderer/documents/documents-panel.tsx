// The review’s documents: the CMR summary for the patient (in their language, the other, or both; with a cc: line
// when a copy goes to the prescribers the review wrote to), a
// fax per prescriber, the pharmacist's note and the pill card. Printing or saving the summary or a fax
// records that it went out.
import { useState } from 'react';
import {
  LANGUAGE_NAMES,
  type DocumentRequest,
  type PrintedDocument,
  type SUMMARY_LANGUAGES,
} from '../../preload/schemas/documents';
import { formatIsoDate } from '../../preload/schemas/dates';
import type { Review } from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import type { StepProps } from '../reviews/step-props';
import { useAllowed } from '../app/user-context';
import { downloadText } from '../ui/download';
import { DocumentPreview } from './document-preview';

type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number];

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
  // Only documents that leave the pharmacy are recorded: the summary once the review is signed (before, it is a
  // draft), the prescriber fax whenever it is printed or saved for an e-fax service, signed or not.
  const recordOut = (req: DocumentRequest) => {
    if (req.kind === 'pharmacistNote' || req.kind === 'pillCard') return;
    if (req.kind === 'cmrSummary' && (r.status !== 'completed' || r.summarySentDate)) return;
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
          <SummaryButtons
            reviewId={r.id}
            patientId={r.patientId}
            prescribers={r.communications.map((c) => c.prescriber.name)}
            busy={busy}
            show={show}
          />
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
        <button type="button" disabled={busy} onClick={() => void show({ kind: 'pillCard', reviewId: r.id })}>
          Pill card
        </button>
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

/** The summary in the patient's language (the usual one), the other language, or both for a caregiver who reads the other. */
function SummaryButtons({
  reviewId,
  patientId,
  prescribers,
  busy,
  show,
}: {
  reviewId: string;
  patientId: string;
  /** The prescribers the review wrote to: a copy of the summary may go to them. */
  prescribers: string[];
  busy: boolean;
  show: (req: DocumentRequest) => Promise<void>;
}) {
  const patient = useCall('patients:get', { id: patientId });
  const [cc, setCc] = useState(false);
  const own = patient.data?.preferredLanguage === 'es' ? 'es' : 'en';
  const other = own === 'es' ? 'en' : 'es';
  const summary = (language: SummaryLanguage | undefined) =>
    void show({
      kind: 'cmrSummary',
      reviewId,
      ...(language ? { language } : {}),
      ...(cc && prescribers.length ? { ccPrescribers: true } : {}),
    });
  return (
    <>
      {prescribers.length > 0 && (
        // On a line of its own above the summary buttons it applies to.
        <label className="checkbox" style={{ flexBasis: '100%' }}>
          <input type="checkbox" checked={cc} onChange={(e) => setCc(e.target.checked)} /> A copy goes to{' '}
          {prescribers.join(', ')} (prints “cc:” on the cover letter)
        </label>
      )}
      <button type="button" className="primary" disabled={busy || !patient.data} onClick={() => summary(undefined)}>
        CMR summary ({LANGUAGE_NAMES[own]}, the patient’s language)
      </button>
      <button type="button" disabled={busy || !patient.data} onClick={() => summary(other)}>
        CMR summary in {LANGUAGE_NAMES[other]}
      </button>
      <button type="button" disabled={busy || !patient.data} onClick={() => summary('both')}>
        CMR summary in both languages
      </button>
    </>
  );
}
