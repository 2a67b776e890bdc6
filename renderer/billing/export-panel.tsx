// Export the ready claims of one payer and date range (837P for the clearinghouse, CSV for a
// vendor portal), and keep every export to download again. Nothing is written until the pharmacist
// has seen the list of claims it will send, with any problems, and confirmed it.
import { useEffect, useState } from 'react';
import type { ClaimBatch, ExportPreview, Payer } from '../../preload/schemas/billing';
import { formatInstantTime, formatIsoDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { useAllowed } from '../app/user-context';
import { base64Blob, downloadBlob, downloadText } from '../ui/download';
import { SelectField } from '../ui/field';
import { Cms1500OffsetForm } from './cms1500-offset-form';
import { ExportConfirmation } from './export-confirmation';
import { dollars } from './money';

export function ExportPanel({
  payers,
  range,
  onExported,
}: {
  payers: Payer[];
  range: { from: string; to: string };
  onExported: () => void;
}) {
  const [payerId, setPayerId] = useState(payers[0]?.id ?? '');
  const [format, setFormat] = useState<ClaimBatch['format']>('837p');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  // A list shown for other choices is not the one to confirm.
  useEffect(() => setPreview(null), [payerId, format, range.from, range.to]);
  const ready = useCall('claims:list', {
    from: range.from,
    to: range.to,
    payerId: payerId || undefined,
    status: 'ready',
  });
  const batches = useCall('claims:batches', {});
  const canAlign = useAllowed('settings:update');
  const settings = useCall('settings:get', {});
  const save = (b: Pick<ClaimBatch, 'fileName' | 'content' | 'format'>) =>
    b.format === 'cms1500' || b.format === 'cms1500red'
      ? downloadBlob(b.fileName, base64Blob(b.content, 'application/pdf'))
      : downloadText(
          b.fileName,
          b.content,
          b.format === 'csv' ? 'text/csv;charset=utf-8' : 'text/plain;charset=us-ascii',
        );
  const request = { format, from: range.from, to: range.to, payerId };
  const review = async () => {
    setMessage(null);
    try {
      setPreview(await call('claims:exportPreview', request));
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  const run = async (confirmed: ExportPreview) => {
    setBusy(true);
    setMessage(null);
    try {
      const b = await call('claims:export', {
        ...request,
        claims: confirmed.claims.map(({ claim }) => ({ id: claim.id, version: claim.version })),
      });
      setPreview(null);
      save(b);
      setMessage({
        ok: true,
        text: `Exported ${b.claimCount} claim${b.claimCount === 1 ? '' : 's'} to ${b.fileName}.`,
      });
      ready.reload();
      batches.reload();
      onExported();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const count = ready.data?.length ?? 0;
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Export claims</h2>
      <div className="form-grid">
        <SelectField
          label="Payer"
          value={payerId}
          onChange={setPayerId}
          options={payers.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          label="Format"
          value={format}
          onChange={(v) => setFormat(v as ClaimBatch['format'])}
          options={[
            { value: '837p', label: 'ASC X12 837P (clearinghouse)' },
            { value: 'cms1500', label: 'CMS-1500 paper claims (PDF)' },
            { value: 'cms1500red', label: 'CMS-1500 on pre-printed red forms (PDF, data only)' },
            { value: 'csv', label: 'CSV (vendor portal)' },
          ]}
        />
        <div className="field field-button">
          <button type="button" className="primary" disabled={busy || !count} onClick={() => void review()}>
            {`Review ${count} ready claim${count === 1 ? '' : 's'} to export…`}
          </button>
        </div>
      </div>
      {format === 'cms1500red' && (
        <div className="row-end">
          <p className="muted">
            Load red CMS-1500 (02/12) forms and print at actual size. Check the alignment first with the calibration
            page.
          </p>
          <button
            type="button"
            onClick={() =>
              void call('claims:calibrationPage', {})
                .then((p) => downloadBlob(p.fileName, base64Blob(p.content, 'application/pdf')))
                .catch((e: Error) => setMessage({ ok: false, text: e.message }))
            }
          >
            Print calibration page
          </button>
        </div>
      )}
      {format === 'cms1500red' && canAlign && settings.data && (
        <Cms1500OffsetForm saved={settings.data.cms1500Offset} />
      )}
      {preview && (
        <ExportConfirmation
          preview={preview}
          format={format}
          busy={busy}
          onConfirm={() => void run(preview)}
          onCancel={() => setPreview(null)}
        />
      )}
      {busy && <progress aria-label="Exporting claims" className="export-progress" />}
      <p className="muted">
        {count
          ? `${count} claim${count === 1 ? '' : 's'} ready, ${dollars((ready.data ?? []).reduce((s, c) => s + c.totalCents, 0))}, service dates ${formatIsoDate(range.from)}–${formatIsoDate(range.to)}.`
          : 'No claims are ready for this payer and date range: mark drafts Ready first.'}
      </p>
      {message && (
        <div className={message.ok ? 'alert alert-ok' : 'alert alert-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      <h3>Past exports</h3>
      {batches.data && batches.data.length === 0 && <p className="muted">None yet.</p>}
      {batches.data && batches.data.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>When</th>
              <th>Payer</th>
              <th>Service dates</th>
              <th>Claims</th>
              <th>File</th>
            </tr>
          </thead>
          <tbody>
            {batches.data.map((b) => (
              <tr key={b.id}>
                <td className="nowrap">
                  {formatInstantTime(b.createdAt)} · {b.createdBy}
                </td>
                <td>{b.payerName}</td>
                <td className="nowrap">
                  {formatIsoDate(b.from)}–{formatIsoDate(b.to)}
                </td>
                <td>{b.claimCount}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => void call('claims:batchFile', { id: b.id }).then(save)}
                  >
                    {b.fileName}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
