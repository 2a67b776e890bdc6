// Brown-bag review by scanner: the pharmacist turns the mode on and scans each bottle the patient brought; every
// scan becomes a line, matched against the medication list and the pharmacy's fills as it is read.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatIsoDate } from '../../preload/schemas/dates';
import { KIND_LABELS, MEDICATION_KINDS } from '../../preload/schemas/medications';
import { BAG_FLAG_LABELS, type Bag, type BagLine } from '../../preload/schemas/scanning';
import { call } from '../api/bridge';
import { CameraScan, useHasCamera } from './camera-scan';
import { playScanSound } from './scan-sound';
import { useWedge } from './use-wedge';

type Kind = (typeof MEDICATION_KINDS)[number];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "10 bottles scanned: 8 matched, 1 new, 1 expired, 0 twice; 2 on the list with no bottle". */
export function countsLine(c: Bag['counts']): string {
  return (
    `${plural(c.scanned, 'bottle')} scanned: ${c.matched} matched, ${c.new} new, ${c.expired} expired, ` +
    `${c.twice} twice; ${c.noBottle} on the list with no bottle`
  );
}

const expiry = (iso: string | null) => (iso ? formatIsoDate(iso) : '');

export function ScanBottles({
  patientId,
  reviewId,
  onChanged,
  startOn = false,
  onClose,
}: {
  patientId: string;
  reviewId?: string;
  /** After a medicine was added to the list from a scan: the list and the reconciliation read again. */
  onChanged?: () => void;
  /** Opens with the mode already on (the medication list's "Scan bottles" button). */
  startOn?: boolean;
  /** Shown as "Close" while the mode is off (the medication list hides the panel). */
  onClose?: () => void;
}) {
  const [on, setOn] = useState(startOn);
  const [bag, setBag] = useState<Bag | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [camera, setCamera] = useState(false);
  const [focused, setFocused] = useState(() => document.hasFocus());
  const hasCamera = useHasCamera();
  // What the pharmacy's scanners send for the GS1 separator, when it is not the standard one (Settings).
  const [groupSeparator, setGroupSeparator] = useState('');
  useEffect(() => {
    call('settings:get', {}).then(
      (s) => setGroupSeparator(s.scanner.groupSeparator),
      () => undefined,
    );
  }, []);
  const box = useRef<HTMLInputElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  // Scans are sent one after another, in the order read, even when the scanner is faster than the bridge.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const ids = reviewId ? { patientId, reviewId } : { patientId };
  const idsKey = JSON.stringify(ids);

  const readBag = useCallback(
    () =>
      call('scanning:bag', JSON.parse(idsKey) as { patientId: string; reviewId?: string }).then(
        (b) => setBag(b),
        (e: Error) => setError(e.message),
      ),
    [idsKey],
  );
  useEffect(() => {
    void readBag();
  }, [readBag]);

  useEffect(() => {
    const focus = () => setFocused(true);
    const blur = () => setFocused(false);
    window.addEventListener('focus', focus);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('focus', focus);
      window.removeEventListener('blur', blur);
    };
  }, []);

  const enqueue = (work: () => Promise<void>) => {
    queue.current = queue.current.then(work, work);
    return queue.current;
  };

  const send = (code: string) =>
    enqueue(async () => {
      try {
        const result = await call('scanning:scan', { ...ids, code });
        setBag(result.bag);
        setError(null);
        setNotice(result.message);
        playScanSound(result.line.place === 'new' || result.line.flags.length > 0 ? 'attention' : 'ok');
      } catch (e) {
        setError((e as Error).message);
        setNotice('');
        playScanSound('refused');
      }
    });

  const undo = () =>
    enqueue(async () => {
      try {
        const b = await call('scanning:undo', ids);
        setBag(b);
        setError(null);
        setNotice('Last scan undone.');
      } catch (e) {
        setError((e as Error).message);
      }
    });

  const stop = () => {
    setOn(false);
    setCamera(false);
    // Focus goes back to the button that turns the mode on again.
    window.setTimeout(() => startButton.current?.focus(), 0);
  };

  useWedge(
    on,
    { onScan: (code) => void send(code), onEscape: stop, onUndo: () => void undo() },
    box,
    groupSeparator ? { groupSeparator } : undefined,
  );

  const added = () => {
    void readBag();
    onChanged?.();
  };

  const lines = bag?.lines ?? [];
  return (
    <section className="panel scan-panel" aria-labelledby="scan-title">
      <div className="panel-head">
        <h2 id="scan-title">
          Brown bag: scan bottles{' '}
          {bag && bag.counts.scanned > 0 && <span className="count-note">{plural(bag.counts.scanned, 'bottle')}</span>}
        </h2>
        <div className="scan-head-actions">
          {on ? (
            <>
              {hasCamera && (
                <button type="button" onClick={() => setCamera((c) => !c)} aria-pressed={camera}>
                  {camera ? 'Stop the camera' : 'Use the camera'}
                </button>
              )}
              <button
                type="button"
                onClick={() => void undo()}
                disabled={lines.length === 0}
                title="Takes the last bottle scanned off the bag (Ctrl+Z)"
              >
                Undo last scan
              </button>
              <button type="button" className="primary" onClick={stop} title="Turns scanning off (Esc)">
                Done scanning
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                ref={startButton}
                className="primary"
                onClick={() => setOn(true)}
                title="Scan each bottle the patient brought: its barcode or the pharmacy label"
              >
                Scan bottles
              </button>
              {onClose && (
                <button type="button" onClick={onClose}>
                  Close
                </button>
              )}
            </>
          )}
        </div>
      </div>
      {on && (
        <div className={`scan-ready${focused ? '' : ' scan-not-ready'}`} data-testid="scan-ready">
          <span className="scan-ready-dot" aria-hidden="true" />
          <div>
            <p className="scan-ready-title">{focused ? 'Ready to scan' : 'Not ready: click in MTM Desk to scan'}</p>
            <p className="scan-ready-hint">
              Scan each bottle’s barcode or the pharmacy label, one after another. Esc or “Done scanning” stops.
            </p>
          </div>
          <form
            className="scan-type"
            onSubmit={(e) => {
              e.preventDefault();
              if (!typed.trim()) {
                setError('Type the code printed under the barcode, then press Enter');
                return;
              }
              void send(typed);
              setTyped('');
            }}
          >
            <label className="scan-type-label" htmlFor="scan-typed">
              Type a code
            </label>
            <input
              id="scan-typed"
              ref={box}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder="For a damaged barcode"
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit">Send</button>
          </form>
        </div>
      )}
      {on && camera && <CameraScan onCode={(code) => void send(code)} />}
      <div role="status" className="scan-status">
        {notice && <p className="alert alert-ok scan-notice">{notice}</p>}
      </div>
      {/* Put in only with a message (as every alert in the app), so it is announced and no empty alert stands. */}
      {error && (
        <div role="alert" className="scan-error">
          <p className="alert alert-error">{error}</p>
        </div>
      )}
      {lines.length > 0 && (
        <table className="data-table scan-table" aria-label="Bottles scanned">
          <thead>
            <tr>
              <th>#</th>
              <th>Medicine</th>
              <th>NDC or Rx</th>
              <th>Lot</th>
              <th>Expires</th>
              <th>Matched to</th>
              <th>To look at</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <ScanRow key={l.id} n={i + 1} line={l} patientId={patientId} onAdded={added} onError={setError} />
            ))}
          </tbody>
        </table>
      )}
      {bag && bag.noBottle.length > 0 && (
        <div className="scan-no-bottle">
          <p className="strong">No bottle for:</p>
          <ul>
            {bag.noBottle.map((m) => (
              <li key={m.medicationId}>{m.product}</li>
            ))}
          </ul>
          <p className="field-hint">Ask the patient whether they still take these and where the bottles are.</p>
        </div>
      )}
      {bag && (
        <p className="scan-counts" data-testid="scan-counts">
          {countsLine(bag.counts)}
        </p>
      )}
    </section>
  );
}

function ScanRow({
  n,
  line: l,
  patientId,
  onAdded,
  onError,
}: {
  n: number;
  line: BagLine;
  patientId: string;
  onAdded: () => void;
  onError: (message: string) => void;
}) {
  const [kind, setKind] = useState<Kind>('rx');
  const [busy, setBusy] = useState(false);
  const add = async (source: 'patientReported' | 'otherPharmacy') => {
    setBusy(true);
    try {
      await call('medications:add', {
        patientId,
        medication: {
          product: l.product,
          ...(l.strength ? { strength: l.strength } : {}),
          ...(l.doseForm ? { doseForm: l.doseForm } : {}),
          kind,
          source,
        },
      });
      onAdded();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const form = [l.strength, l.doseForm].filter(Boolean).join(' · ');
  return (
    <tr className={l.place === 'new' || l.flags.length ? 'scan-line-attention' : undefined} data-testid="scan-line">
      <td className="scan-n">{n}</td>
      <td>
        <span className="strong">{l.product}</span>
        {form && <div className="scan-form">{form}</div>}
      </td>
      <td className="nowrap">
        {l.ndc && <div>{l.ndc}</div>}
        {l.rxNumber && <div>Rx {l.rxNumber}</div>}
      </td>
      <td>{l.lot ?? ''}</td>
      <td className={l.flags.includes('expired') ? 'nowrap scan-expired-date' : 'nowrap'}>{expiry(l.expiry)}</td>
      <td>
        {l.place === 'new' ? <span className="scan-badge scan-badge-new">New: not on the list</span> : l.matchedTo}
      </td>
      <td>
        {l.flags.map((f) => (
          <span key={f} className={`scan-badge scan-badge-${f}`}>
            ⚠ {BAG_FLAG_LABELS[f]}
          </span>
        ))}
        {l.proposals.length > 0 && (
          <ul className="scan-proposals">
            {l.proposals.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {l.place === 'new' && (
          <div className="scan-add">
            <select
              aria-label={`Kind of ${l.product}`}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              disabled={busy}
            >
              {MEDICATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy} onClick={() => void add('patientReported')}>
              Add as patient reported
            </button>
            <button type="button" disabled={busy} onClick={() => void add('otherPharmacy')}>
              Add as from another pharmacy
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
