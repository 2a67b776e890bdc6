// Focus never drops to the page body: after a save re-renders the screen, or a step opens, the keyboard user is
// on the next logical control rather than back at the top of the page.
import { useEffect, type RefObject } from 'react';

const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

const usable = (el: Element | null | undefined): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && !el.matches(':disabled') && el.getClientRects().length > 0;

const tabbables = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(usable);

/**
 * Moves the focus on from `from` (Enter in a field that saves itself): to the next control in Tab order matching
 * `like` (the next field of the same kind still to fill), else the control right after it.
 */
export function focusNext(from: HTMLElement, like?: string): void {
  const all = tabbables(document);
  const after = all.slice(all.indexOf(from) + 1);
  (after.find((el) => like && el.matches(like)) ?? after[0])?.focus();
}

const lost = () => !document.activeElement || document.activeElement === document.body;

const matching = (root: HTMLElement, selector: string) => [...root.querySelectorAll(selector)].find(usable) ?? null;
const firstOf = (root: HTMLElement, selectors: string[]) => selectors.map((s) => matching(root, s)).find(Boolean);

/**
 * Whenever `key` changes (a step opened), focuses the first element in `root` matching the first of `selectors`
 * that matches. Content that loads after the step shows (the checks' findings) takes the focus over from a later
 * choice when it comes, for a few seconds — unless the user has moved the focus meanwhile.
 */
export function useFocusFirst(root: RefObject<HTMLElement | null>, key: unknown, selectors: readonly string[]): void {
  const wanted = selectors.join('\n');
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const list = wanted.split('\n');
    let placed: Element | null = document.activeElement;
    let best = list.length;
    const watch = new MutationObserver(() => place());
    const timer = setTimeout(() => watch.disconnect(), 3000);
    const stop = () => {
      watch.disconnect();
      clearTimeout(timer);
    };
    function place() {
      if (document.activeElement !== placed && !lost()) return stop();
      const i = list.findIndex((s) => matching(el!, s));
      if (i === -1 || i >= best) return;
      const target = matching(el!, list[i]!)!;
      target.focus();
      placed = target;
      best = i;
      if (i === 0) stop();
    }
    place();
    watch.observe(el, { childList: true, subtree: true });
    return stop;
  }, [root, key, wanted]);
}

/**
 * Inside `root`, when the focused control disappears or is disabled (an accepted finding, a saved form), the
 * control that followed it takes the focus; failing that, the first match of the first of `fallback` that matches.
 */
export function useKeepFocus(root: RefObject<HTMLElement | null>, fallback: readonly string[]): void {
  const wanted = fallback.join('\n');
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let current: HTMLElement | null = null;
    let following: HTMLElement[] = [];
    const onFocus = (e: FocusEvent) => {
      current = e.target as HTMLElement;
      const all = tabbables(el);
      const at = all.indexOf(current);
      // The few controls after it, and the one before (the last control of a list that shrank).
      following = [...all.slice(at + 1, at + 6), ...(at > 0 ? [all[at - 1]!] : [])];
    };
    const watch = new MutationObserver(() => {
      if (!current || usable(current) || !lost()) return;
      const next = following.find(usable) ?? firstOf(el, wanted.split('\n'));
      current = null;
      next?.focus();
    });
    el.addEventListener('focusin', onFocus);
    watch.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    return () => {
      el.removeEventListener('focusin', onFocus);
      watch.disconnect();
    };
  }, [root, wanted]);
}
