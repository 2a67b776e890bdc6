// A document on screen before it goes out: the PDF itself (the browser's viewer), then Print or
// Save as PDF. Either records that the document went out, when that matters.
import { useEffect, useMemo, useRef } from 'react';
import { LANGUAGE_NAMES, type PrintedDocument } from '../../preload/schemas/documents';
import { base64Blob, downloadBlob } from '../ui/download';

const pdfBlob = (doc: PrintedDocument) => base64Blob(doc.base64, 'application/pdf');

export function DocumentPreview({
  doc,
  onClose,
  onOut,
}: {
  doc: PrintedDocument;
  onClose: () => void;
  onOut: () => void;
}) {
  const url = useMemo(() => URL.createObjectURL(pdfBlob(doc)), [doc]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const frame = useRef<HTMLIFrameElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="preview-backdrop">
      <section
        className="panel document-preview"
        role="dialog"
        aria-modal="true"
        aria-label={`Preview: ${doc.title}`}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <div className="panel-head">
          <div>
            <h2>{doc.title}</h2>
            <p className="muted">
              {doc.pages} page{doc.pages === 1 ? '' : 's'} ·{' '}
              {doc.language === 'both' ? 'English and Spanish' : LANGUAGE_NAMES[doc.language]} · {doc.fileName}
            </p>
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                frame.current?.contentWindow?.print();
                onOut();
              }}
            >
              Print…
            </button>
            <button
              type="button"
              onClick={() => {
                downloadBlob(doc.fileName, pdfBlob(doc));
                onOut();
              }}
            >
              Save as PDF
            </button>
            <button type="button" ref={close} onClick={onClose}>
              Close
            </button>
          </div>
        </div>
        {doc.draft && (
          <div className="alert alert-warning">
            This review is not signed yet: every page is marked DRAFT. Sign it before giving documents to the patient.
          </div>
        )}
        {!doc.officialText && (
          <div className="alert alert-warning">
            The Spanish fixed text is MTM Desk’s plain-language translation, not the official CMS Spanish form text.
            Check it before use.
          </div>
        )}
        {doc.notes.length > 0 && (
          <div className="alert alert-warning preview-notes">
            <ul>
              {doc.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        )}
        {doc.warnings.length > 0 && (
          <div className="alert alert-warning preview-warnings" role="status">
            <p>Check before printing — these words print as they were typed:</p>
            <ul>
              {doc.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        <iframe ref={frame} title={doc.title} src={url} className="pdf-frame" />
      </section>
    </div>
  );
}
