import { useEffect, useState, type KeyboardEvent } from 'react';

/** Keyboard for a search box over a result list: ↑/↓ move the highlight, Enter opens it, Esc clears. */
export function useListKeys<T>(items: readonly T[], open: (item: T) => void, clear: () => void) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [items]);
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, items.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && items[active] !== undefined) open(items[active]);
    else if (e.key === 'Escape') clear();
    else return;
    e.preventDefault();
  }
  return { active, onKeyDown };
}
