import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { lookupConditions, type ConditionMatch } from '../../preload/schemas/clinical';
import { call } from '../api/bridge';

/** A typed code ("E78.5", "e785") stays the first match when the release's results replace the bundled ones, so Enter picks it. */
function exactCodeFirst(matches: ConditionMatch[], query: string): ConditionMatch[] {
  const code = (c: string) => c.replace('.', '').toUpperCase();
  const exact = matches.filter((m) => code(m.code) === code(query));
  return exact.length ? [...exact, ...matches.filter((m) => !exact.includes(m))] : matches;
}

/**
 * Type a code, words, or an everyday term ("afib", "sugar"); arrows move, Enter picks. The bundled
 * list answers at once; the pharmacy's loaded ICD-10-CM release, when there is one, a moment later.
 */
export function ConditionPicker({
  onPick,
  error,
}: {
  onPick: (entry: ConditionMatch) => void;
  error?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [matches, setMatches] = useState<ConditionMatch[]>([]);
  const id = useId();
  useEffect(() => {
    const q = query.trim();
    setMatches(q ? exactCodeFirst(lookupConditions(q), q) : []);
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      call('conditions:search', { query: q })
        .then((found) => current && setMatches(exactCodeFirst(found, q)))
        .catch(() => undefined);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const pick = (entry: ConditionMatch | undefined) => {
    if (!entry) return;
    onPick(entry);
    setQuery('');
  };
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter') pick(matches[active]);
    else if (e.key === 'Escape') setQuery('');
    else return;
    e.preventDefault();
  }
  return (
    <div className={`field picker${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>Add a condition</label>
      <input
        id={id}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Code (I10), words (heart failure) or everyday terms (afib, sugar)"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-list`}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
      />
      {error ? (
        <p className="field-error" role="alert">
          ⚠ {error}
        </p>
      ) : null}
      {matches.length ? (
        <ul className="picker-list" id={`${id}-list`} role="listbox">
          {matches.map((m, i) => (
            <li
              key={m.code}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m)}
            >
              <span className="mono">{m.code}</span> {m.title}
              {m.plain && m.plain.en.toLowerCase() !== m.title.toLowerCase() ? (
                <span className="muted"> — {m.plain.en}</span>
              ) : null}
              {m.coreDiseases.length ? <span className="tag">CMS core</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
