import { useId, type ComponentPropsWithRef, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldShell {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Grid columns the field spans in a .form-grid (1–4). */
  span?: 1 | 2 | 3 | 4;
}

export function Shell({
  label,
  error,
  hint,
  span = 1,
  id,
  children,
}: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field span-${span}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-msg`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-msg`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = FieldShell &
  Omit<ComponentPropsWithRef<'input'>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextField({ label, error, hint, span, value, onChange, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <Shell label={label} error={error} hint={hint} span={span} id={id}>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        {...input}
      />
    </Shell>
  );
}

type SelectFieldProps = FieldShell &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string }[];
  };

export function SelectField({ label, error, hint, span, value, onChange, options, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <Shell label={label} error={error} hint={hint} span={span} id={id}>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>Not saved.</strong> {message}
    </div>
  );
}

type TextAreaFieldProps = FieldShell & { value: string; onChange: (value: string) => void; rows?: number };

export function TextAreaField({ label, error, hint, span, value, onChange, rows = 3 }: TextAreaFieldProps) {
  const id = useId();
  return (
    <Shell label={label} error={error} hint={hint} span={span} id={id}>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
      />
    </Shell>
  );
}

/** The end of a form: Cancel, then the one primary action (disabled while it runs). */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
