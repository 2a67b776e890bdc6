import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { lookupConditions, type IcdEntry } from '../../preload/schemas/clinical';

/** Type a code or words; arrows move, Enter picks. Only codes from the bundled list can be chosen. */
export function ConditionPicker({ onPick, error }: { onPick: (entry: IcdEntry) => void; error?: string | undefined }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => (query.trim() ? lookupConditions(query) : []), [query]);
  const id = useId();

  const pick = (entry: IcdEntry | undefined) => {
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
      <input id={id} value={query} onChange={(e) => { setQuery(e.target.value); setActive(0); }} onKeyDown={onKeyDown} placeholder="Code (I10) or words (heart failure)" role="combobox" aria-expanded={matches.length > 0} aria-controls={`${id}-list`} aria-invalid={error ? true : undefined} autoComplete="off" />
      {error ? <p className="field-error" role="alert">⚠ {error}</p> : null}
      {matches.length ? (
        <ul className="picker-list" id={`${id}-list`} role="listbox">
          {matches.map((m, i) => (
            <li key={m.code} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(m)}>
              <span className="mono">{m.code}</span> {m.title}
              {m.coreDiseases.length ? <span className="tag">CMS core</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
