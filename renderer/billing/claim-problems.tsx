// A claim's problems in words, with an icon as well as colour: what stops it being sent, and what to check first.
import type { ClaimProblem } from '../../preload/schemas/billing';

export function PlanWarning({ text }: { text: string }) {
  return <p className="claim-problem">⚠ {text}</p>;
}

export function ClaimProblems({ problems }: { problems: ClaimProblem[] }) {
  if (!problems.length) return <span className="muted">None</span>;
  return (
    <>
      {problems.map((p) => (
        <p key={p.message} className={p.blocking ? 'claim-problem blocking' : 'claim-problem'}>
          <strong>{p.blocking ? '✖ Cannot be sent: ' : '⚠ Check: '}</strong>
          {p.message}
        </p>
      ))}
    </>
  );
}
