import { Fragment, useState } from 'react';
import { isAllowed, PERMISSIONS } from '../../preload/permissions';
import { CORE_CHRONIC_DISEASES } from '../../preload/schemas/clinical';
import { formatIsoDate, thisYear, todayIso } from '../../preload/schemas/dates';
import {
  CMR_OFFER_DAYS,
  CMR_OFFER_LABELS,
  DMP_SOURCE_LABELS,
  FIRST_CONTRACT_YEAR,
  neededLine,
  OPT_OUT_LABELS,
  SCREENING_VIEWS,
  STATUS_LABELS,
  TARGETING_REASON_LABELS,
  type ScreenedPatient,
  type ScreeningPage,
  type ScreeningSort,
  type ScreeningView,
  type YearCriteria,
} from '../../preload/schemas/eligibility';
import { PAGE_SIZE } from '../../preload/schemas/paging';
import type { SignedInUser } from '../../preload/schemas/security';
import { navigate } from '../app/use-hash-route';
import { startReview } from '../reviews/start-review';
import { Loaded } from '../ui/loaded';
import { PagedList, useKeptCall } from '../ui/paged-list';
import { CriteriaForm, Sources } from './criteria-form';
import { DmpForm, EnrollmentForm } from './enrollment-form';

const DISEASE_NAMES = new Map(CORE_CHRONIC_DISEASES.map((d) => [d.id, d.name]));
const resultLabel = (result: ScreenedPatient['result'], year: number) =>
  ({
    eligible: 'Eligible',
    thresholdNotSet: `Cost threshold not set for ${year}`,
    checkCost: 'Check cost',
    close: 'Close',
    notEligible: 'Not eligible',
  })[result];
/** Years next year back to four years ago, never before the first year MTM Desk has rules for. */
const YEAR_CHOICES = (current: number) =>
  [1, 0, -1, -2, -3, -4].map((d) => current + d).filter((y) => y >= FIRST_CONTRACT_YEAR);
/** #/eligibility/offers opens the CMR offers due (the Today screen links there). */
const OFFERS_ADDRESS = '/eligibility/offers';
const money = (n: number) =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

const setBy = (c: YearCriteria) =>
  c.origin === 'pharmacy' ? `Set by ${c.updatedBy}.` : 'MTM Desk defaults for the year.';
const ROW_HINT = 'Select a row for the reasons and to record a programme step.';

function criteriaLine(c: YearCriteria): string {
  const cost =
    c.costThreshold === null
      ? 'not set'
      : `at least ${money(c.costThreshold)}${c.bundledCostThreshold === null ? ' (your plans’ figure)' : ''}`;
  return [
    `At least ${c.minDiseases} of ${c.diseases.length} core chronic diseases`,
    `at least ${c.minDrugs} Part D maintenance drugs${c.allMaintenanceDrugsCount ? ' (all count)' : ''}`,
    `annual drug cost ${cost}`,
    ...(c.dmpAtRiskTargeted ? ['or at risk in the plan’s drug management programme'] : []),
  ].join(' · ');
}

/** Part D MTM targeting: who meets the plan's criteria, who nearly does, and where each stands in the programme. */
export function EligibilityScreen({ user }: { user: SignedInUser }) {
  const currentYear = thisYear();
  const [year, setYear] = useState(currentYear);
  const [editing, setEditing] = useState(false);
  const fromToday = window.location.hash.replace(/^#/, '') === OFFERS_ADDRESS;
  const [view, setView] = useState<ScreeningView>(fromToday ? 'offersDue' : 'worklist');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ScreeningSort>(fromToday ? 'due' : 'result');
  const [offset, setOffset] = useState(0);
  const screening = useKeptCall('eligibility:screen', {
    contractYear: year,
    view,
    sort,
    search,
    offset,
    limit: PAGE_SIZE,
  });
  const { reload } = screening;
  const [open, setOpen] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const canEdit = isAllowed(user, PERMISSIONS['eligibility:setCriteria']);
  const toggle = (patientId: string) => setOpen(open === patientId ? null : patientId);
  const startCmr = (patientId: string) =>
    void startReview(patientId, 'cmr').catch((e: Error) => setStartError(e.message));

  const header = (key: ScreeningSort, label: string) => (
    <th aria-sort={sort === key ? 'ascending' : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => {
          setSort(key);
          setOffset(0);
        }}
      >
        {label} {sort === key ? '▼' : ''}
      </button>
    </th>
  );

  return (
    <section aria-labelledby="eligibility-title">
      <div className="page-head">
        <h1 id="eligibility-title">MTM eligibility</h1>
        <div className="field inline-field">
          <label htmlFor="contract-year">Contract year</label>
          <select
            id="contract-year"
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setEditing(false);
              setOffset(0);
            }}
          >
            {YEAR_CHOICES(currentYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Loaded result={screening} loading="Screening patients…">
        {(data) => (
          <>
            <div className="panel">
              <div className="panel-head">
                <h2>{data.contractYear} targeting criteria</h2>
                {canEdit && !editing && (
                  <button type="button" onClick={() => setEditing(true)}>
                    Change criteria
                  </button>
                )}
              </div>
              <p className="strong">{criteriaLine(data.criteria)}</p>
              <p className="muted">
                {setBy(data.criteria)} Fills from {formatIsoDate(data.periodStart)} to {formatIsoDate(data.asOf)} count.
              </p>
              <Sources sources={data.criteria.sources} />
              {editing && (
                <CriteriaForm
                  criteria={data.criteria}
                  onDone={(saved) => {
                    setEditing(false);
                    if (saved) reload();
                  }}
                />
              )}
            </div>
            {data.criteria.costThreshold === null && (
              <div className="alert alert-warning" role="status">
                <p>
                  <strong>The {data.contractYear} cost threshold is not set.</strong>{' '}
                  {data.criteria.costThresholdNote ??
                    `MTM Desk has no verified CMS figure for ${data.contractYear}; enter your plans' figure.`}
                </p>
                <p>
                  Nobody is left out meanwhile: the {data.counts.thresholdNotSet} patient
                  {data.counts.thresholdNotSet === 1 ? ' who meets' : 's who meet'} the disease and drug criteria{' '}
                  {data.counts.thresholdNotSet === 1 ? 'is' : 'are'} listed as “Cost threshold not set for{' '}
                  {data.contractYear}”, not as not eligible.
                  {canEdit ? '' : ' Ask a pharmacist to enter the threshold your plans use.'}
                </p>
                {canEdit && !editing && (
                  <button type="button" className="primary" onClick={() => setEditing(true)}>
                    Enter your plans’ {data.contractYear} threshold
                  </button>
                )}
              </div>
            )}
            <Summary data={data} />
            <PagedList
              id="elig"
              page={{ ...data, items: data.patients }}
              loading={screening.loading}
              search={search}
              onSearch={(text) => {
                setSearch(text);
                setOffset(0);
              }}
              onOffset={setOffset}
              filters={
                <div className="field">
                  <label htmlFor="elig-view">Show</label>
                  <select
                    id="elig-view"
                    value={view}
                    onChange={(e) => {
                      const next = e.target.value as ScreeningView;
                      setView(next);
                      setOffset(0);
                      if (next === 'offersDue') setSort('due');
                    }}
                  >
                    {Object.entries(SCREENING_VIEWS).map(([k, label]) => (
                      <option key={k} value={k}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              }
            >
              {data.patients.length === 0 ? (
                <p className="muted">No patients to show.</p>
              ) : (
                <p className="field-hint">{ROW_HINT}</p>
              )}
              {data.patients.length > 0 && (
                <table className="data-table eligibility-table">
                  <thead>
                    <tr>
                      {header('name', 'Patient')}
                      {header('diseases', 'Core diseases')}
                      {header('drugs', 'Maintenance drugs')}
                      {header('cost', 'Est. annual cost')}
                      {header('result', 'Result')}
                      {header('status', 'Programme')}
                    </tr>
                  </thead>
                  <tbody>
                    {data.patients.map((p) => (
                      <Fragment key={p.patientId}>
                        <tr
                          className={open === p.patientId ? 'active' : undefined}
                          tabIndex={0}
                          aria-expanded={open === p.patientId}
                          onClick={() => toggle(p.patientId)}
                          onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && toggle(p.patientId)}
                        >
                          <td>
                            <span className="strong">{p.name}</span>
                            <span className="muted"> · born {formatIsoDate(p.dateOfBirth)}</span>
                          </td>
                          <td className={p.meets.diseases ? undefined : 'short'}>{p.diseases.length}</td>
                          <td className={p.meets.drugs ? undefined : 'short'}>{p.maintenanceDrugs.length}</td>
                          <td className={p.meets.cost === false ? 'short' : undefined}>
                            {p.annualCost === null ? '—' : money(p.annualCost)}
                          </td>
                          <td>
                            <span
                              className={`result result-${p.result === 'thresholdNotSet' ? 'checkCost' : p.result}`}
                            >
                              {resultLabel(p.result, data.contractYear)}
                            </span>
                            {p.enrollment.dmpAtRiskDate && <span className="muted"> · DMP at risk</span>}
                          </td>
                          <td>
                            {STATUS_LABELS[p.enrollment.status]}
                            <OfferDue due={p.enrollment.cmrOfferDueDate} />
                            {p.enrollment.cmrOfferDueDate && (
                              <button
                                type="button"
                                className="link"
                                onClick={(e) => {
                                  e.stopPropagation();
                                  setOpen(p.patientId);
                                }}
                              >
                                Record offer
                              </button>
                            )}
                          </td>
                        </tr>
                        {open === p.patientId && (
                          <tr className="detail-row">
                            <td colSpan={6}>
                              <Reasons patient={p} criteria={data.criteria} />
                              <div className="detail-actions">
                                <button type="button" className="primary" onClick={() => startCmr(p.patientId)}>
                                  Start CMR
                                </button>
                                <button type="button" onClick={() => navigate(`/patients/${p.patientId}`)}>
                                  Open patient record
                                </button>
                                {startError && (
                                  <span className="field-error" role="alert">
                                    {startError}
                                  </span>
                                )}
                              </div>
                              <EnrollmentForm
                                key={p.enrollment.version}
                                patient={p}
                                contractYear={data.contractYear}
                                onSaved={reload}
                              />
                              <DmpForm
                                key={`dmp-${p.enrollment.version}`}
                                patient={p}
                                contractYear={data.contractYear}
                                onSaved={reload}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    ))}
                  </tbody>
                </table>
              )}
            </PagedList>
          </>
        )}
      </Loaded>
    </section>
  );
}

/** "· offer due 03/01/2026", or overdue, while a CMR offer is outstanding. */
function OfferDue({ due }: { due: string | null }) {
  if (!due) return null;
  const overdue = due < todayIso();
  return (
    <span className={overdue ? 'strong' : 'muted'}>
      {' '}
      · CMR offer {overdue ? 'overdue since' : 'due by'} {formatIsoDate(due)}{' '}
    </span>
  );
}

function Summary({ data }: { data: ScreeningPage }) {
  const c = data.counts;
  const offers = data.offersDue;
  return (
    <div className="summary-tiles" role="status">
      <div className="tile tile-eligible">
        <span className="tile-number">{c.eligible}</span> eligible
      </div>
      {data.criteria.costThreshold === null && (
        <div className="tile tile-attention">
          <span className="tile-number">{c.thresholdNotSet}</span> cost threshold not set
        </div>
      )}
      <div className="tile">
        <span className="tile-number">{c.checkCost}</span> to check cost
      </div>
      <div className="tile">
        <span className="tile-number">{offers}</span> CMR offers due
      </div>
      <div className="tile">
        <span className="tile-number">{c.close}</span> close
      </div>
      <div className="tile tile-muted">
        <span className="tile-number">{data.screened}</span> screened in {(data.elapsedMs / 1000).toFixed(1)} s
      </div>
    </div>
  );
}

/** "other: moved away" → "Other: moved away". */
function optOutText(stored: string | null): string {
  const [code = '', ...note] = (stored ?? '').split(': ');
  return [OPT_OUT_LABELS[code] ?? code, ...note].join(': ');
}

function Reasons({ patient: p, criteria: c }: { patient: ScreenedPatient; criteria: YearCriteria }) {
  const mark = (ok: boolean | null) => (ok === null ? '?' : ok ? '✔' : '✘');
  const e = p.enrollment;
  const steps = [
    e.targetedDate && `targeted ${formatIsoDate(e.targetedDate)}`,
    e.enrolledDate && `enrolled ${formatIsoDate(e.enrolledDate)}`,
    e.cmrOfferedDate &&
      `CMR offered ${formatIsoDate(e.cmrOfferedDate)} (${e.cmrOfferedMethod ? CMR_OFFER_LABELS[e.cmrOfferedMethod].toLowerCase() : ''})`,
    e.cmrCompletedDate && `CMR completed ${formatIsoDate(e.cmrCompletedDate)}`,
    e.optOutDate && `opted out ${formatIsoDate(e.optOutDate)} (${optOutText(e.optOutReason)})`,
  ].filter(Boolean);
  return (
    <ul className="reasons">
      <li className={p.meets.diseases ? 'met' : 'unmet'}>
        {mark(p.meets.diseases)} {neededLine(p.diseases.length, c.minDiseases, 'core chronic disease')}:{' '}
        {p.diseases.map((d) => DISEASE_NAMES.get(d) ?? d).join(', ') || 'none on file'}
      </li>
      <li className={p.meets.drugs ? 'met' : 'unmet'}>
        {mark(p.meets.drugs)} {neededLine(p.maintenanceDrugs.length, c.minDrugs, 'Part D maintenance drug')}:{' '}
        {p.maintenanceDrugs.join(', ') || 'none filled in the period'}
        {p.unclassifiedFills > 0 && (
          <span className="muted">
            {' '}
            ({p.unclassifiedFills} fills for drugs the vocabulary does not know are not counted)
          </span>
        )}
      </li>
      <li className={p.meets.cost === null ? 'unknown' : p.meets.cost ? 'met' : 'unmet'}>
        {mark(p.meets.cost)} Estimated annual drug cost{' '}
        {p.annualCost === null ? 'unknown (no costs in the fill history)' : money(p.annualCost)}
        {c.costThreshold === null ? ', threshold not set' : ` against ${money(c.costThreshold)}`}
      </li>
      {e.dmpAtRiskDate && (
        <li className="met">
          ✔ At risk in the plan’s drug management programme since {formatIsoDate(e.dmpAtRiskDate)}
          {e.dmpAtRiskSource ? ` (${DMP_SOURCE_LABELS[e.dmpAtRiskSource].toLowerCase()})` : ''}: targeted whatever the
          criteria
        </li>
      )}
      <li className="steps">
        Targeting reason:{' '}
        {p.targetingReason
          ? `${p.targetingReason} · ${TARGETING_REASON_LABELS[p.targetingReason]}`
          : c.costThreshold === null
            ? `not yet known (cost threshold not set for ${c.contractYear})`
            : 'not yet known (no costs in the fill history)'}
      </li>
      {steps.length > 0 && <li className="steps">Programme: {steps.join(' · ')}</li>}
      {e.cmrOfferDueDate && (
        <li className={e.cmrOfferDueDate < todayIso() ? 'unmet' : 'unknown'}>
          CMR offer due by {formatIsoDate(e.cmrOfferDueDate)}: {CMR_OFFER_DAYS} days after{' '}
          {e.enrolledDate ? 'enrolment' : 'targeting'} (CMS guidance)
        </li>
      )}
    </ul>
  );
}
