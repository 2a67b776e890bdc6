import { useState } from 'react';

/** Shown once after setup: the only way back in if every password is lost. */
export function RecoveryCodeScreen({ code, onContinue }: { code: string; onContinue: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <main className="centered-page">
      <section className="card" aria-labelledby="recovery-title">
        <h1 id="recovery-title">Your recovery code</h1>
        <p className="lead">
          If every pharmacist password is forgotten, this code is the only way to open the pharmacy’s data. It is shown <strong>only this once</strong>.
        </p>
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
            <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} autoFocus />
            I have printed or written down this code
          </label>
          <button type="button" className="primary" disabled={!kept} onClick={onContinue}>
            Continue
          </button>
        </div>
      </section>
    </main>
  );
}
