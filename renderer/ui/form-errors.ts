import { useCallback, useState } from 'react';
import { BridgeFailure } from '../api/bridge';

/** Field messages keyed by the contract's field path (e.g. "address.zip"), plus one form-level message. */
export function useFormErrors() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState<string | null>(null);

  /** Spreads a bridge failure over the fields; `prefix` strips the request's wrapper ("patient."). */
  const show = useCallback((err: unknown, prefix = '') => {
    if (err instanceof BridgeFailure && err.error.code === 'validation' && err.error.issues?.length) {
      const next: Record<string, string> = {};
      for (const issue of err.error.issues) {
        const key = issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
        next[key] ??= issue.message;
      }
      setFields(next);
      setForm(
        `Please correct the ${Object.keys(next).length === 1 ? 'highlighted field' : `${Object.keys(next).length} highlighted fields`}.`,
      );
    } else {
      setFields({});
      setForm(err instanceof BridgeFailure ? err.error.message : 'Something went wrong. Try again.');
    }
  }, []);

  const clear = useCallback(() => {
    setFields({});
    setForm(null);
  }, []);

  return { fields, form, show, clear, setForm };
}
