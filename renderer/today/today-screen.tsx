// The home screen: what to do now. Each count opens its list; a row opens the review or patient.
import { useState, type ReactNode } from 'react';
import { formatInstant, formatIsoDate, pharmacyTimeZone, thisYear } from '../../preload/schemas/dates';
import { CMR_OFFER_DAYS, type ScreenedPatient } from '../../preload/schemas/eligibility';
import { REVIEW_TYPE_LABELS, STATUS_LABELS, type TodayWork } from '../../preload/schemas/reviews';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { startReview } from '../reviews/start-review';
import { Loaded, type LoadResult } from '../ui/loaded';

type ListKey =
  'inProgress' | 'overdueResponses' | 'followUpsDue' | 'tmrsDue' | 'cmrOffersDue' | 'outreach' | 'notOffered';
const TITLES: Record<ListKey, string> = {
  inProgress: 'Reviews in progress',
  overdueResponses: 'Prescriber answers overdue',
  followUpsDue: 'Follow-ups due this week',
  tmrsDue: 'TMRs due this quarter',
  cmrOffersDue: 'CMR offers due',
  outreach: 'Adherence outreach due',
  notOffered: 'Eligible, CMR not yet offered',
};

/** One of the review lists, loaded with the others. */
const part = <K extends keyof TodayWork>(work: LoadResult<TodayWork>, key: K): LoadResult<TodayWork[K]> => ({
  data: work.data?.[key] ?? null,
  error: work.error,
});
const toOffer = (p: ScreenedPatient) =>
  p.result === 'eligible' &&
  !p.enrollment.cmrOfferedDate &&
  !p.enrollment.cmrCompletedDate &&
  p.enrollment.status !== 'optedOut';

export function TodayScreen() {
  const work = useCall('reviews:today', {});
  const year = thisYear();
  // The eligibility screen is the slower count, so it fills in on its own.
  const screen = useCall('eligibility:screen', { contractYear: year });
  const adherence = useCall('adherence:worklist', {});
  const settings = useCall('settings:get', {});
  const outreach = { data: adherence.data?.entries.filter((e) => e.due) ?? null, error: adherence.error };
  const backup = settings.data?.lastAutoBackup ?? null;
  const [open, setOpen] = useState<ListKey>('inProgress');
  const [failure, setFailure] = useState<string | null>(null);
  const notOffered = { data: screen.data?.patients.filter(toOffer) ?? null, error: screen.error };
  const counts: Record<ListKey, number | null> = {
    inProgress: work.data?.inProgress.length ?? null,
    overdueResponses: work.data?.overdueResponses.length ?? null,
    followUpsDue: work.data?.followUpsDue.length ?? null,
    tmrsDue: work.data?.tmrsDue.length ?? null,
    cmrOffersDue: work.data?.cmrOffersDue.length ?? null,
    outreach: outreach.data?.length ?? null,
    notOffered: notOffered.data?.length ?? null,
  };
  const openReview = (id: string) => navigate(`/reviews/${id}`);

  return (
    <section aria-labelledby="today-title">
      <div className="page-head">
        <h1 id="today-title">Today</h1>
        <p className="muted">
          {new Date().toLocaleDateString('en-US', {
            weekday: 'long',
            month: 'long',
            day: 'numeric',
            year: 'numeric',
            timeZone: pharmacyTimeZone(),
          })}
        </p>
      </div>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      <div className="summary-tiles today-tiles">
        {(Object.keys(TITLES) as ListKey[]).map((k) => (
          <button
            key={k}
            type="button"
            className={`tile tile-button${open === k ? ' tile-open' : ''}${counts[k] ? ' tile-attention' : ''}`}
            aria-pressed={open === k}
            onClick={() => setOpen(k)}
          >
            <span className="tile-number">{counts[k] ?? '…'}</span> {TITLES[k]}
          </button>
        ))}
        <div className={`tile${backup && !backup.ok ? ' tile-attention' : ''}`} role="status" aria-label="Last backup">
          <span className="tile-number tile-small">
            {backup ? (backup.ok ? formatInstant(backup.at) : 'Failed') : 'None'}
          </span>{' '}
          Last automatic backup{backup && !backup.ok ? `: ${backup.message}` : ''}
        </div>
      </div>
      <section className="panel" aria-labelledby="today-list">
        <h2 id="today-list">{TITLES[open]}</h2>
        {open === 'inProgress' && (
          <WorkTable
            rows={part(work, 'inProgress')}
            head={['Patient', 'Review', 'Status', 'Last change']}
            onOpen={(r) => openReview(r.reviewId)}
            empty="No open reviews."
          >
            {(r) => [
              r.patient,
              REVIEW_TYPE_LABELS[r.type],
              STATUS_LABELS[r.status],
              `${new Date(r.updatedAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })} · ${r.pharmacist}`,
            ]}
          </WorkTable>
        )}
        {open === 'overdueResponses' && (
          <WorkTable
            rows={part(work, 'overdueResponses')}
            head={['Patient', 'Prescriber', 'Answer was due', 'Unanswered']}
            onOpen={(r) => openReview(r.reviewId)}
            empty="No prescriber answers are overdue."
          >
            {(r) => [r.patient, r.prescriber, formatIsoDate(r.dueDate), String(r.pending)]}
          </WorkTable>
        )}
        {open === 'followUpsDue' && (
          <WorkTable
            rows={part(work, 'followUpsDue')}
            head={['Patient', 'Follow-up due']}
            onOpen={(r) => navigate(`/patients/${r.patientId}`)}
            empty="No follow-ups due this week."
          >
            {(r) => [r.patient, formatIsoDate(r.followUpDate)]}
          </WorkTable>
        )}
        {open === 'tmrsDue' && (
          <WorkTable
            rows={part(work, 'tmrsDue')}
            head={['Patient', 'Last TMR', '']}
            onOpen={(r) => navigate(`/patients/${r.patientId}`)}
            empty="Every enrolled patient has had a TMR this quarter."
          >
            {(r) => [
              r.patient,
              r.lastTmr ? formatIsoDate(r.lastTmr) : 'None',
              <button
                key="tmr"
                type="button"
                onClick={(e) => {
                  e.stopPropagation();
                  void startReview(r.patientId, 'tmr').catch((x: Error) => setFailure(x.message));
                }}
              >
                Start TMR
              </button>,
            ]}
          </WorkTable>
        )}
        {open === 'cmrOffersDue' && (
          <WorkTable
            rows={part(work, 'cmrOffersDue')}
            head={['Patient', 'Enrolled', 'Offer due', '']}
            onOpen={() => navigate('/eligibility/offers')}
            empty={`Every member enrolled for ${year} has been offered a CMR.`}
          >
            {(r) => [
              r.patient,
              formatIsoDate(r.enrolledDate),
              `${formatIsoDate(r.dueDate)}${r.overdue ? ' (overdue)' : ''}`,
              <button
                key="offer"
                type="button"
                onClick={(e) => {
                  e.stopPropagation();
                  navigate('/eligibility/offers');
                }}
              >
                Record offer
              </button>,
            ]}
          </WorkTable>
        )}
        {open === 'cmrOffersDue' && (
          <p className="muted">
            CMS guidance: offer the CMR within {CMR_OFFER_DAYS} days of enrolment. Overdue offers come first.
          </p>
        )}
        {open === 'outreach' && (
          <WorkTable
            rows={outreach}
            head={['Patient', 'Why', 'Last outreach']}
            onOpen={() => navigate('/adherence')}
            empty="Nobody to call about adherence."
          >
            {(r) => [r.name, r.reasons.join(' · '), r.lastOutreach ? formatIsoDate(r.lastOutreach.date) : 'None yet']}
          </WorkTable>
        )}
        {open === 'notOffered' && (
          <WorkTable
            rows={notOffered}
            head={['Patient', 'Born', 'Plan', '']}
            onOpen={(p) => navigate(`/patients/${p.patientId}`)}
            empty={`Every eligible patient has been offered a CMR for ${year}.`}
          >
            {(p) => [
              p.name,
              formatIsoDate(p.dateOfBirth),
              p.planName ?? '—',
              <button
                key="start"
                type="button"
                className="primary"
                onClick={(e) => {
                  e.stopPropagation();
                  void startReview(p.patientId, 'cmr').catch((x: Error) => setFailure(x.message));
                }}
              >
                Start CMR
              </button>,
            ]}
          </WorkTable>
        )}
      </section>
    </section>
  );
}

type WorkTableProps<T> = {
  rows: LoadResult<T[]>;
  head: string[];
  onOpen: (row: T) => void;
  empty: string;
  children: (row: T) => ReactNode[];
};

function WorkTable<T>({ rows, head, onOpen, empty, children }: WorkTableProps<T>) {
  return (
    <Loaded result={rows}>
      {(list) =>
        list.length === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.slice(0, 200).map((row, i) => (
                <tr
                  key={i}
                  className="clickable"
                  tabIndex={0}
                  onClick={() => onOpen(row)}
                  onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onOpen(row)}
                >
                  {children(row).map((cell, j) => (
                    <td key={j} className={j === 0 ? 'strong' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Loaded>
  );
}
