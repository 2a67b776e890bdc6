// The one way a worklist pages: a search box (name or date of birth), "Showing 1–50 of 641" always in view, and
// Previous / Next. The screen keeps the offset, so logging a call and coming back keeps the place.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../preload/contract';
import { parseUsDate } from '../../preload/schemas/dates';
import { showing, type Page } from '../../preload/schemas/paging';
import { useCall } from '../api/use-call';

/** Typing settles for this long before the list is asked again. */
const SEARCH_PAUSE_MS = 250;

/**
 * useCall that keeps the last answer on screen while the next page or search loads, so the list does not blink
 * away at every keystroke; `loading` says a newer answer is on its way.
 */
export function useKeptCall<C extends ChannelName>(channel: C, request: RequestOf<C>) {
  const result = useCall(channel, request);
  const [kept, setKept] = useState<ResponseOf<C> | null>(null);
  useEffect(() => {
    if (result.data) setKept(result.data);
  }, [result.data]);
  return {
    data: result.data ?? kept,
    error: result.error,
    reload: result.reload,
    loading: !result.data && !result.error,
  };
}

type PagedListProps = {
  /** The list's id prefix and what the search box finds in, e.g. "adherence". */
  id: string;
  page: Pick<Page<unknown>, 'total' | 'offset' | 'limit' | 'items'> | null;
  loading?: boolean;
  search: string;
  onSearch: (text: string) => void;
  onOffset: (offset: number) => void;
  /** Said when nothing matches the search (the screen says what an empty list means). */
  noMatch?: string;
  /** The screen's own filters, beside the search box. */
  filters?: ReactNode;
  children: ReactNode;
};

export function PagedList({
  id,
  page,
  loading,
  search,
  onSearch,
  onOffset,
  noMatch,
  filters,
  children,
}: PagedListProps) {
  const [text, setText] = useState(search);
  const latest = useRef(onSearch);
  latest.current = onSearch;
  useEffect(() => {
    if (text.trim() === search.trim()) return;
    const t = setTimeout(() => latest.current(text.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(t);
  }, [text, search]);
  const at = page ? `${showing(page)}${search ? ` matching “${search}”` : ''}` : 'Loading…';
  const pager = page && page.total > page.limit && (
    <div className="actions">
      <button
        type="button"
        disabled={page.offset === 0}
        onClick={() => onOffset(Math.max(0, page.offset - page.limit))}
      >
        ← Previous {page.limit}
      </button>
      <button
        type="button"
        disabled={page.offset + page.items.length >= page.total}
        onClick={() => onOffset(page.offset + page.limit)}
      >
        Next {Math.min(page.limit, page.total - page.offset - page.items.length)} →
      </button>
    </div>
  );
  return (
    <div className="paged-list" aria-busy={loading || undefined}>
      <div className="filter-bar elig-filters">
        <div className="field">
          <label htmlFor={`${id}-find`}>Find patient</label>
          <input
            id={`${id}-find`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onSearch(text.trim());
              if (e.key === 'Escape') setText('');
            }}
            placeholder="Name, or date of birth MM/DD/YYYY"
            autoComplete="off"
          />
        </div>
        {filters}
      </div>
      <p className="result-count" role="status" aria-live="polite">
        {at}
      </p>
      {page && page.total === 0 && search ? <p className="muted">{noMatch ?? 'Nobody matches.'}</p> : children}
      {pager}
    </div>
  );
}

/** A list the screen holds whole, searched as the worklists are: by date of birth (MM/DD/YYYY) or by name. */
export function matchesPatient(search: string, name: string, dateOfBirth: string): boolean {
  const text = search.trim();
  if (!text) return true;
  const dob = parseUsDate(text);
  if (dob) return dob === dateOfBirth;
  const words = name.toLowerCase().split(/[\s,]+/);
  return text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => words.some((n) => n.startsWith(w)));
}
