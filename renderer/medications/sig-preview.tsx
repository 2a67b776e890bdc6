import { useEffect, useState } from 'react';
import type { SigTranslation } from '../../preload/schemas/medications';
import { call } from '../api/bridge';

// Long enough that typing is not interrupted, short enough to read back before moving on.
const PAUSE_MS = 400;

/**
 * What the patient's list will say for the directions being typed, in English and Spanish, with what
 * the pharmacist must confirm (error-prone abbreviations) or finish (words MTM Desk could not read).
 */
export function SigPreview({ sig }: { sig: string }) {
  const [shown, setShown] = useState<{ sig: string; t: SigTranslation } | null>(null);
  useEffect(() => {
    const text = sig.trim();
    if (!text) return;
    const timer = setTimeout(() => {
      call('medications:translateSig', { sig: text }).then(
        (t) => setShown({ sig: text, t }),
        () => setShown(null),
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [sig]);
  if (!shown || shown.sig !== sig.trim()) return null;
  const { t } = shown;
  return (
    <div className="field span-4 sig-preview" aria-live="polite" data-testid="sig-preview">
      {t.complete ? (
        <>
          <p>
            <strong>On the patient’s list:</strong> {t.en}
          </p>
          <p lang="es">
            <strong>En español:</strong> {t.es}
          </p>
        </>
      ) : (
        <p className="field-hint">
          <span aria-hidden="true">⚠ </span>
          {t.unknown.length
            ? `Not every word could be read (${t.unknown.join(', ')}): write the directions out in words.`
            : 'These directions are not complete (how much, or how often): write them out in full.'}
        </p>
      )}
      {t.flags.map((f) => (
        <p key={f} className="field-hint">
          <span aria-hidden="true">⚠ </span>
          {f}
        </p>
      ))}
    </div>
  );
}
