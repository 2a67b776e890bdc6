// The document-wide keyboard listener of the scan mode: a keyboard-wedge scanner's burst becomes one scan, a
// person's typing goes on as typed (never held back or prevented), and a burst that landed in a form field is
// taken back out of it.
import { useEffect, useRef } from 'react';
import { WedgeReader, type WedgeOptions } from './wedge';

const GS = '\x1d';

/** A field a person types into (a burst that lands there is taken back out). */
type Editable = HTMLInputElement | HTMLTextAreaElement;

function editableTarget(target: EventTarget | null): Editable | HTMLElement | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement)
    return ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
      ? null
      : target;
  if (target instanceof HTMLSelectElement || target.isContentEditable) return target;
  return null;
}

/** Sets a field's value the way typing does, so React's onChange sees it. */
function restoreValue(field: Editable, value: string, caret: number | null): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  if (!setter || field.value === value) return;
  setter.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (caret !== null)
    try {
      field.setSelectionRange(caret, caret);
    } catch {
      // Some input types have no selection (email, number): the value is what matters.
    }
}

export interface WedgeHandlers {
  /** One complete scan (group separators as \x1d). */
  onScan: (code: string) => void;
  /** Esc while the mode is on. */
  onEscape?: () => void;
  /** Ctrl+Z while the mode is on and focus is not in a text field (there it undoes the typing). */
  onUndo?: () => void;
}

/**
 * While `active`, listens to every key on the page. `ownBox` is the "Type a code" field, which sends on Enter by
 * itself and is left alone here.
 */
export function useWedge(
  active: boolean,
  handlers: WedgeHandlers,
  ownBox: React.RefObject<HTMLElement | null>,
  options?: WedgeOptions,
): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const optionsKey = JSON.stringify(options ?? {});
  useEffect(() => {
    if (!active) return;
    const reader = new WedgeReader(JSON.parse(optionsKey) as WedgeOptions);
    // The field a burst started in and its value before the burst, to put back when the burst was a scan.
    let snapshot: { field: Editable; value: string; caret: number | null } | null = null;
    // No flush timer: keys are never held back here (a person's typing lands as typed), and the next key's own time
    // stamp tells the reader the previous ones were typing. Only event time stamps are compared, never the clock.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const inOwnBox = ownBox.current !== null && e.target instanceof Node && ownBox.current.contains(e.target);
      const field = editableTarget(e.target);
      if (e.key === 'Escape') {
        // Esc ends the scan mode (and nothing else: not the page's own Esc, e.g. back to the patient list); in another
        // field it stays that field's (cancel its form).
        if (field && !inOwnBox) return;
        e.preventDefault();
        e.stopPropagation();
        latest.current.onEscape?.();
        return;
      }
      if (inOwnBox) return;
      let key = e.key;
      if ((e.ctrlKey && (e.key === ']' || e.code === 'BracketRight')) || e.key === 'GroupSeparator') {
        key = GS;
        e.preventDefault();
      } else if ((e.ctrlKey || e.metaKey || e.altKey) && key.length === 1) {
        if (!field && e.ctrlKey && !e.shiftKey && key.toLowerCase() === 'z') {
          e.preventDefault();
          latest.current.onUndo?.();
        }
        return;
      }
      const wasPending = reader.pending;
      const out = reader.push(key, e.timeStamp);
      // A key that starts a new run of fast keys: the field as it was before it, in case the run is a scan.
      if (out.scan === undefined && reader.pending && (!wasPending || out.typed !== undefined))
        snapshot =
          field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement
            ? { field, value: field.value, caret: field.selectionStart }
            : null;
      if (out.scan !== undefined) {
        // The Enter or Tab that ended the scan must not submit a form, press a button or move focus.
        e.preventDefault();
        e.stopPropagation();
        if (snapshot) restoreValue(snapshot.field, snapshot.value, snapshot.caret);
        snapshot = null;
        latest.current.onScan(out.scan);
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [active, ownBox, optionsKey]);
}
