// Fields that save themselves when the user leaves them (if changed): the review's autosave.
import { useEffect, useId, useState } from 'react';

export function SavedText({
  label,
  value,
  onSave,
  placeholder,
  disabled,
}: {
  label: string;
  value: string | null | undefined;
  onSave: (v: string) => Promise<void>;
  placeholder?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== (value ?? '') && void onSave(text)}
      />
    </div>
  );
}

export function SavedArea({
  label,
  value,
  onSave,
  disabled,
  rows = 4,
  placeholder,
}: {
  label: string;
  value: string | null;
  onSave: (v: string) => Promise<void>;
  disabled: boolean;
  rows?: number;
  placeholder?: string;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <textarea
      aria-label={label}
      rows={rows}
      disabled={disabled}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== (value ?? '') && void onSave(text)}
      placeholder={placeholder}
    />
  );
}
