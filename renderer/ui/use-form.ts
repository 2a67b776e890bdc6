import { useState, type FormEvent } from 'react';
import { useDraft } from '../security/drafts';
import { useFormErrors } from './form-errors';

/**
 * A form's values, field setters and a submit wrapper that clears old messages, runs a local
 * check, calls the bridge, and spreads any failure over the fields (`prefix` strips the
 * request's wrapper from field paths). `draft` names the form so that unsaved input survives a lock.
 */
export function useForm<T extends Record<string, unknown>>(
  initial: T,
  opts: { check?: (v: T) => string | null; prefix?: string; draft?: string } = {},
) {
  const [values, setValues] = useDraft(opts.draft, initial);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const set =
    <K extends keyof T>(k: K) =>
    (value: T[K]) =>
      setValues((prev) => ({ ...prev, [k]: value }));

  const submit = (action: (v: T) => Promise<void>, onError?: () => void) => async (e?: FormEvent) => {
    e?.preventDefault();
    errors.clear();
    const problem = opts.check?.(values) ?? null;
    if (problem) return errors.setForm(problem);
    setBusy(true);
    try {
      await action(values);
    } catch (failure) {
      errors.show(failure, opts.prefix);
      onError?.();
    } finally {
      setBusy(false);
    }
  };
  return { values, set, setValues, errors, busy, submit };
}

export const passwordsMatch = (a: string, b: string) => (a === b ? null : 'The two passwords do not match.');
