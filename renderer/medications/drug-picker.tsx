// The medicine field: type three letters of a brand or generic name, pick from the vocabulary with
// the arrow keys and Enter, or keep typing for a product it does not know (saved as uncoded).
import { useEffect, useId, useState } from 'react';
import type { ClinicalDrug, DrugMatch } from '../../preload/schemas/drugs';
import { call } from '../api/bridge';
import { Shell } from '../ui/field';

export interface PickedDrug {
  match: DrugMatch;
  clinicalDrug: ClinicalDrug | null;
}

export function DrugPicker({
  value,
  onType,
  onPick,
  picked,
  error,
}: {
  value: string;
  onType: (v: string) => void;
  onPick: (p: PickedDrug) => void;
  picked: PickedDrug | null;
  error?: string | undefined;
}) {
  const id = useId();
  const [matches, setMatches] = useState<DrugMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = value.trim();

  useEffect(() => {
    if (query.length < 3 || picked) return setMatches([]);
    let current = true;
    const t = setTimeout(() => {
      call('drugs:search', { query }).then(
        (r) => current && (setMatches(r), setActive(0), setOpen(true)),
        () => current && setMatches([]),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [query, picked]);

  const choose = (m: DrugMatch) => {
    onPick({ match: m, clinicalDrug: null });
    setOpen(false);
  };
  const showList = open && matches.length > 0;
  const hint = picked
    ? undefined
    : query.length >= 3 && !matches.length
      ? 'Not in the drug list: it will be saved as typed and marked uncoded'
      : 'Type 3 letters of the brand or generic name; ↓ and Enter to pick';

  return (
    <Shell label="Medicine" span={2} id={id} error={error} hint={hint}>
      <div className="combo">
        <input
          id={id}
          role="combobox"
          aria-expanded={showList}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(e) => {
            onType(e.target.value);
            setOpen(true);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (!showList) return;
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') choose(matches[active]!);
            else if (e.key === 'Escape') setOpen(false);
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        />
        {showList && (
          <ul className="combo-list" role="listbox" id={`${id}-list`} aria-label="Medicines in the drug list">
            {matches.map((m, i) => (
              <li
                key={`${m.origin}-${m.name}`}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(m);
                }}
              >
                <span className="combo-name">{m.matchedBrand ? `${m.matchedBrand} → ${m.name}` : m.name}</span>
                <span className="combo-meta">
                  {m.className ?? 'RxNorm'}
                  {m.kind !== 'rx' ? ` · ${m.kind.toUpperCase()}` : m.alsoOtc ? ' · also OTC' : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {picked && <CodedNote picked={picked} />}
    </Shell>
  );
}

function CodedNote({ picked: { match, clinicalDrug } }: { picked: PickedDrug }) {
  const code = clinicalDrug?.rxcui ?? match.rxcui;
  return (
    <p className="coded-note">
      <span className="tag">{code ? `RxNorm ${code}` : 'From the drug list'}</span>
      {match.className && <span className="tag tag-muted">{match.className}</span>}
      {match.maintenance && <span className="tag tag-muted">Part D maintenance</span>}
    </p>
  );
}
