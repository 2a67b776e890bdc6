// A from–to date range typed as MM/DD/YYYY; until a date parses, the default stands in for it.
import { useState } from 'react';
import { formatIsoDate, isoDaysBefore, parseUsDate, todayIso } from '../../preload/schemas/dates';
import { TextField } from './field';

export function useDateRange(daysBack: number) {
  const [typed, setTyped] = useState({
    from: formatIsoDate(isoDaysBefore(todayIso(), daysBack)),
    to: formatIsoDate(todayIso()),
  });
  const range = {
    from: parseUsDate(typed.from) ?? isoDaysBefore(todayIso(), daysBack),
    to: parseUsDate(typed.to) ?? todayIso(),
  };
  return { typed, setTyped, range };
}

export function DateRangeFields({
  labels,
  typed,
  onChange,
}: {
  labels: [string, string];
  typed: { from: string; to: string };
  onChange: (typed: { from: string; to: string }) => void;
}) {
  return (
    <div className="panel">
      <div className="form-grid">
        <TextField
          label={labels[0]}
          value={typed.from}
          onChange={(from) => onChange({ ...typed, from })}
          placeholder="MM/DD/YYYY"
        />
        <TextField
          label={labels[1]}
          value={typed.to}
          onChange={(to) => onChange({ ...typed, to })}
          placeholder="MM/DD/YYYY"
        />
      </div>
    </div>
  );
}
