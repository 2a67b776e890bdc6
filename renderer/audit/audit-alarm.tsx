import { useState } from 'react';
import { call } from '../api/bridge';
import { FormActions, FormAlert, TextAreaField } from '../ui/field';
import { useForm } from '../ui/use-form';

/**
 * For administrators: the audit trail's integrity alarms (an anchor that does not match, entries
 * refused from the waiting file) stay on every screen until someone says what they found.
 */
export function AuditAlarm({ problem, onAcknowledged }: { problem: string; onAcknowledged: () => void }) {
  const [answering, setAnswering] = useState(false);
  const { values, set, errors, busy, submit } = useForm({ note: '' });
  const onSubmit = submit(async ({ note }) => {
    await call('audit:acknowledgeAlarms', { note });
    onAcknowledged();
  });
  return (
    <section className="alert alert-error audit-alarm" role="alert" aria-labelledby="audit-alarm-title">
      <h2 id="audit-alarm-title">The audit trail may have been tampered with</h2>
      <p>
        MTM Desk found this when the database was opened. Nothing was changed; find out who had access to the data
        folder before you acknowledge it.
      </p>
      <ul>
        {problem.split('\n').map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {answering ? (
        <form onSubmit={onSubmit} noValidate>
          <FormAlert message={errors.form} />
          <TextAreaField
            label="What you found (kept in the audit trail)"
            value={values.note}
            onChange={set('note')}
            error={errors.fields.note}
          />
          <FormActions submitLabel="Acknowledge" busy={busy} onCancel={() => setAnswering(false)} />
        </form>
      ) : (
        <button type="button" onClick={() => setAnswering(true)}>
          Acknowledge…
        </button>
      )}
    </section>
  );
}
