import type { ReactNode } from 'react';

/** What a call answered, once it has: a form starts from saved values only when they are there, so nothing typed is overwritten. */
export function Loaded<T>({ result, children }: { result: { data: T | null; error: string | null }; children: (data: T) => ReactNode }) {
  if (result.error) return <div className="alert alert-error" role="alert">{result.error}</div>;
  return result.data ? <>{children(result.data)}</> : <p aria-busy="true">Loading…</p>;
}
