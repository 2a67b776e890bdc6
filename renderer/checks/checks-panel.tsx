import { useState } from 'react';
import {
  DTP_LABELS,
  FILL_GRACE_DAYS,
  SEVERITIES,
  SEVERITY_LABELS,
  SOURCE_NAMES,
  type Finding,
  type PatientChecks,
} from '../../preload/schemas/checks';
import { formatPdc } from '../../preload/schemas/adherence';
import { formatInstant, formatIsoDate } from '../../preload/schemas/dates';
import { call } from '../api/bridge';
import { FormAlert, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';

const ADHERENCE_NAMES: Record<string, string> = {
  'pdc.diabetes': 'diabetes medicines',
  'pdc.ras': 'RAS antagonists',
  'pdc.statin': 'statins',
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const citationText = (c: Finding['citation']) =>
  `${c.document}${c.year && !c.document.includes(String(c.year)) ? `, ${c.year}` : ''}; ${c.locator}`;

type ChecksPanelProps = { patientId: string; checks: PatientChecks; onChanged: () => void };

/**
 * What the checks found in the patient's current medicines, most severe first, for the pharmacist to confirm or
 * dismiss.
 */
export function ChecksPanel({ patientId, checks, onChanged }: ChecksPanelProps) {
  const [showDismissed, setShowDismissed] = useState(false);
  const open = checks.findings.filter((f) => !f.dismissed && !f.accepted);
  const accepted = checks.findings.filter((f) => f.accepted);
  const dismissed = checks.findings.filter((f) => f.dismissed);
  const s = checks.summary;

  return (
    <section className="panel checks-panel" aria-labelledby="checks-title">
      <div className="panel-head">
        <h2 id="checks-title">
          Clinical checks{' '}
          <span className="count-note">{open.length ? `${open.length} to review` : 'nothing to review'}</span>
        </h2>
      </div>
      <p>
        {plural(s.activeDrugs, 'current medicine')} (medication list, and fills up to {FILL_GRACE_DAYS} days past their
        supply) checked against {s.rulesChecked} rules: interactions, duplications, AGS Beers 2023 and STOPP/START v3,
        disease–drug, kidney dosing, dose limits and care gaps.
        {open.length === 0 && ' Nothing to review from the checks that could run.'}
      </p>
      {s.notChecked.length > 0 ? (
        <div className="alert alert-warning not-checked" role="status" aria-label="What could not be checked">
          <strong>Not checked — complete the record to check these:</strong>
          <ul>
            {s.notChecked.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">
          Every check could run: products recognised, conditions, kidney function and doses known.
        </p>
      )}
      <p className="muted">
        Medication risk: {plural(s.cnsActive.length, 'CNS-active medicine')}
        {s.cnsActive.length ? ` (${s.cnsActive.join(', ')})` : ''} ·{' '}
        {plural(s.anticholinergic.length, 'strongly anticholinergic medicine')}
        {s.anticholinergic.length ? ` (${s.anticholinergic.join(', ')})` : ''}. Kidney function:{' '}
        {s.kidney.crcl !== null || s.kidney.egfr !== null
          ? [
              s.kidney.crcl !== null && `creatinine clearance ${s.kidney.crcl} mL/min (Cockcroft–Gault)`,
              s.kidney.egfr !== null && `eGFR ${s.kidney.egfr} mL/min/1.73 m² (CKD-EPI 2021)`,
            ]
              .filter(Boolean)
              .join(', ') +
            (s.kidney.scrDate ? ` from the serum creatinine of ${formatIsoDate(s.kidney.scrDate)}.` : '.')
          : 'not known.'}
        {s.adherence.length > 0 &&
          ` Adherence over 12 months (PQA PDC): ${s.adherence.map((a) => `${ADHERENCE_NAMES[a.ruleId] ?? a.ruleId} ${formatPdc(a.pdc)}`).join(', ')}.`}
        {s.adherenceByDrug.length > 0 &&
          ` By medicine: ${s.adherenceByDrug.map((a) => `${a.drug} ${formatPdc(a.pdc)}`).join(', ')}.`}
      </p>
      {s.couldCheckMore.length > 0 && <p className="muted">{s.couldCheckMore.join(' ')}</p>}
      {s.deliberate.length > 0 && (
        <p className="muted">Recognised as deliberate, not flagged: {s.deliberate.join('; ')}.</p>
      )}
      {checks.localRuleProblems.length > 0 && (
        <div className="alert alert-warning" role="status">
          Some of this pharmacy’s own rule files were skipped: {checks.localRuleProblems.join('; ')}
        </div>
      )}
      {SEVERITIES.map((severity) => {
        const group = open.filter((f) => f.severity === severity);
        return group.length ? (
          <div key={severity} className={`finding-group severity-${severity}`}>
            <h3>{SEVERITY_LABELS[severity]}</h3>
            {group.map((f) => (
              <FindingCard key={f.fingerprint} finding={f} patientId={patientId} onChanged={onChanged} />
            ))}
          </div>
        ) : null;
      })}
      {accepted.length > 0 && (
        <div className="finding-group">
          <h3>Accepted as drug-therapy problems</h3>
          <ul className="accepted">
            {accepted.map((f) => (
              <li key={f.fingerprint}>
                <strong>{f.title}</strong> — {DTP_LABELS[f.dtp]} ({SEVERITY_LABELS[f.severity].toLowerCase()}), by{' '}
                {f.accepted!.by} on {formatInstant(f.accepted!.at)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {dismissed.length > 0 && (
        <div className="dismissed">
          <button
            type="button"
            className="link"
            aria-expanded={showDismissed}
            onClick={() => setShowDismissed(!showDismissed)}
          >
            {dismissed.length} dismissed {showDismissed ? '▲' : '▼'}
          </button>
          {showDismissed && (
            <ul>
              {dismissed.map((f) => (
                <li key={f.fingerprint}>
                  <strong>{f.title}</strong> ({SEVERITY_LABELS[f.severity].toLowerCase()}): {f.dismissed!.reason} —{' '}
                  {f.dismissed!.by}, {formatInstant(f.dismissed!.at)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="field-hint">
        Knowledge base {checks.knowledgeVersion}. Findings support, never replace, the pharmacist’s judgement.
      </p>
    </section>
  );
}

function FindingCard({
  finding: f,
  patientId,
  onChanged,
}: {
  finding: Finding;
  patientId: string;
  onChanged: () => void;
}) {
  const [dismissing, setDismissing] = useState(false);
  const { values, set, errors, busy, submit } = useForm({ reason: '' });
  const onSubmit = submit(async ({ reason }) => {
    await call('checks:dismiss', { patientId, ruleId: f.ruleId, fingerprint: f.fingerprint, reason });
    onChanged();
  });
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const accept = async () => {
    try {
      await call('checks:accept', { patientId, ruleId: f.ruleId, fingerprint: f.fingerprint });
      onChanged();
    } catch (failure) {
      setAcceptError((failure as Error).message);
    }
  };
  return (
    <article className="finding" aria-label={`${SEVERITY_LABELS[f.severity]}: ${f.title}`}>
      <div className="finding-head">
        <span className={`severity-tag severity-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
        <strong className="finding-title">{f.title}</strong>
        <span className="tag tag-muted">{DTP_LABELS[f.dtp]}</span>
        {f.local && <span className="tag">Local rule</span>}
      </div>
      <p className="finding-products muted">
        {f.involved.map((i) => `${i.product} (${i.source === 'list' ? 'medication list' : 'fill'})`).join(' · ')}
      </p>
      <p>{f.explanation}</p>
      <p>
        <strong>Suggested action:</strong> {f.action}
      </p>
      <p>
        <strong>For the patient:</strong> “{f.patientText}”
      </p>
      <p className="citation">
        Source: {f.source && SOURCE_NAMES[f.source] ? `${SOURCE_NAMES[f.source]} — ` : ''}
        {citationText(f.citation)}
        {f.alsoCited.map((c) => (
          <span key={c.ruleId}>
            {' '}
            · Also: {c.source && SOURCE_NAMES[c.source] ? `${SOURCE_NAMES[c.source]} — ` : ''}
            {citationText(c.citation)}
          </span>
        ))}
      </p>
      {dismissing ? (
        <form
          onSubmit={onSubmit}
          noValidate
          className="dismiss-form"
          onKeyDown={(e) => e.key === 'Escape' && setDismissing(false)}
        >
          <FormAlert message={errors.form} />
          <TextField
            label="Why this does not apply"
            span={4}
            value={values.reason}
            onChange={set('reason')}
            error={errors.fields.reason}
            autoFocus
            placeholder="e.g. combination intended by cardiology; INR monitored weekly"
          />
          <div className="actions">
            <button type="button" onClick={() => setDismissing(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Dismiss finding
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          {acceptError && (
            <span className="field-error" role="alert">
              {acceptError}
            </span>
          )}
          <button type="button" onClick={() => setDismissing(true)}>
            Dismiss…
          </button>
          <button type="button" className="primary" onClick={() => void accept()}>
            Accept as a problem
          </button>
        </div>
      )}
    </article>
  );
}
