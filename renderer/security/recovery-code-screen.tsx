import { useState, type ReactNode } from 'react';

/** The recovery code, shown once: after setup, and whenever the data key is replaced (re-key). */
export function RecoveryCodeCard({
  code,
  lead,
  onContinue,
}: {
  code: string;
  lead: ReactNode;
  onContinue: () => void;
}) {
  const [kept, setKept] = useState(false);
  return (
    <section className="card" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Your recovery code</h1>
      <p className="lead">{lead}</p>
      <p className="recovery-code" data-testid="recovery-code" aria-label="Recovery code">
        {code}
      </p>
      <ul className="plain-list">
        <li>Print it or write it down, and keep it locked away from the counter.</li>
        <li>Do not store it on this computer or send it by email.</li>
      </ul>
      <div className="actions split">
        <button type="button" onClick={() => window.print()}>
          Print code
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} autoFocus />I have printed
          or written down this code
        </label>
        <button type="button" className="primary" disabled={!kept} onClick={onContinue}>
          Continue
        </button>
      </div>
    </section>
  );
}

/** Shown once after setup: the only way back in if every password is lost. */
export function RecoveryCodeScreen({ code, onContinue }: { code: string; onContinue: () => void }) {
  return (
    <main className="centered-page">
      <RecoveryCodeCard
        code={code}
        onContinue={onContinue}
        lead={
          <>
            If every pharmacist password is forgotten, this code is the only way to open the pharmacy’s data. It is
            shown <strong>only this once</strong>.
          </>
        }
      />
    </main>
  );
}

/**
 * After a re-key: the new recovery code (the old one no longer opens anything) and anyone who needs a new temporary
 * password.
 */
export function RekeyNotice({
  report,
  why,
  onDone,
}: {
  report: { recoveryCode: string; dropped: string[] };
  why: string;
  onDone: () => void;
}) {
  return (
    <div className="rekey-notice">
      <RecoveryCodeCard
        code={report.recoveryCode}
        onContinue={onDone}
        lead={
          <>
            {why} The pharmacy’s data key was replaced: old keyrings, old backups’ passwords and the{' '}
            <strong>old recovery code no longer open today’s data</strong>. This is the new recovery code, shown only
            this once.
            {report.dropped.length
              ? ` ${report.dropped.join(', ')} need${report.dropped.length === 1 ? 's' : ''} a new temporary password (their accounts predate this version).`
              : ''}
          </>
        }
      />
    </div>
  );
}
