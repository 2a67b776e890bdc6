// The claims an export will send, each with its problems, and the pharmacist's confirmation: exactly these are sent.
import { useEffect, useRef } from 'react';
import type { ClaimBatch, ExportPreview } from '../../preload/schemas/billing';
import { formatIsoDate } from '../../preload/schemas/dates';
import { ClaimProblems } from './claim-problems';
import { codesOf, dollars } from './money';

const FORMAT_NAMES: Record<ClaimBatch['format'], string> = {
  '837p': 'an 837P file',
  cms1500: 'CMS-1500 paper claims',
  cms1500red: 'CMS-1500 red-form data',
  csv: 'a CSV file',
};

export function ExportConfirmation({
  preview,
  format,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: ExportPreview;
  format: ClaimBatch['format'];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);
  const n = preview.claims.length;
  const all = [...preview.problems, ...preview.claims.flatMap((c) => c.problems)];
  const stops = all.filter((p) => p.blocking).length;
  const warnings = all.length - stops;
  return (
    <div
      className="export-confirm"
      role="region"
      aria-labelledby="export-confirm-title"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id="export-confirm-title" tabIndex={-1} ref={heading}>
        {n} claim{n === 1 ? '' : 's'} to {preview.payerName}, {dollars(preview.totalCents)}, as {FORMAT_NAMES[format]}
      </h3>
      {preview.problems.map((p) => (
        <div key={p.message} className="alert alert-error" role="alert">
          {p.message}
        </div>
      ))}
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Claim</th>
            <th>Patient</th>
            <th>Service</th>
            <th>Codes</th>
            <th>Charge</th>
            <th>Problems</th>
          </tr>
        </thead>
        <tbody>
          {preview.claims.map(({ claim: c, problems }) => (
            <tr key={c.id}>
              <td className="strong nowrap">{c.claimNumber}</td>
              <td>{c.patientName}</td>
              <td className="nowrap">{formatIsoDate(c.serviceDate)}</td>
              <td>{codesOf(c.lines)}</td>
              <td>{dollars(c.totalCents)}</td>
              <td>
                <ClaimProblems problems={problems} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stops > 0 ? (
        <div className="alert alert-error" role="alert">
          Nothing can be sent until {stops === 1 ? 'the problem marked' : `the ${stops} problems marked`} “Cannot be
          sent” {stops === 1 ? 'is' : 'are'} put right.
        </div>
      ) : warnings > 0 ? (
        <div className="alert alert-warning" role="alert">
          {warnings === 1 ? 'One warning needs' : `${warnings} warnings need`} checking: exporting confirms you have
          checked {warnings === 1 ? 'it' : 'them'}.
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || stops > 0 || !n} onClick={onConfirm}>
          {busy ? 'Exporting…' : `Confirm and export ${n} claim${n === 1 ? '' : 's'}`}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
