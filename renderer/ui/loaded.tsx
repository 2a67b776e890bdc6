import type { ReactNode } from 'react';

/** A load's state: what useCall returns, or the same two fields kept by hand (a type-ahead search). */
export type LoadResult<T> = { data: T | null; error: string | null };

type LoadedProps<T> = {
  result: LoadResult<T>;
  children: (data: T) => ReactNode;
  /** The busy line's words until the answer comes ("Counting…"); null shows nothing (a panel that fills in). */
  loading?: string | null;
  /** Inside a small panel of its own (a medicine's history): the failure as one line, not a box. */
  compact?: boolean;
};

/**
 * The one way a screen or panel shows data it fetched: the failure as an alert, a busy line while
 * it loads, then the content. A form starts from saved values only when they are there, so nothing
 * typed is overwritten.
 */
export function Loaded<T>({ result, children, loading = 'Loading…', compact = false }: LoadedProps<T>) {
  if (result.error) {
    return compact ? (
      <p className="field-error" role="alert">
        ⚠ {result.error}
      </p>
    ) : (
      <div className="alert alert-error" role="alert">
        {result.error}
      </div>
    );
  }
  if (result.data !== null) return <>{children(result.data)}</>;
  return loading === null ? null : <p aria-busy="true">{loading}</p>;
}
