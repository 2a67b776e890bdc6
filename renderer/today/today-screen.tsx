// The home screen: what to do now. "Do these first" ranks what is overdue or due this week, each one action away;
// each count opens its list (searchable, paged); the backup line can back up at once.
import { useState, type ReactNode } from 'react';
import { formatInstant, formatIsoDate, pharmacyTimeZone, thisYear } from '../../preload/schemas/dates';
import { CMR_OFFER_DAYS } from '../../preload/schemas/eligibility';
import { pageOf, PAGE_SIZE } from '../../preload/schemas/paging';
import type { PharmacySettings } from '../../preload/schemas/settings';
import { REVIEW_TYPE_LABELS, STATUS_LABELS, type TodayTask, type TodayWork } from '../../preload/schemas/reviews';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { startReview } from '../reviews/start-review';
import { Loaded } from '../ui/loaded';
import { matchesPatient, PagedList } from '../ui/paged-list';

type ListKey = Exclude<keyof TodayWork, 'queue'>;
const TITLES: Record<ListKey, string> = {
  inProgress: 'Reviews in progress',
  summariesDue: 'Written CMR summaries to give or send',
  unsentRecommendations: 'Recommendations to send to prescribers',
  overdueResponses: 'Prescriber answers overdue',
  followUpsDue: 'Follow-ups due this week',
  tmrsDue: 'TMRs due this quarter',
  cmrOffersDue: 'CMR offers due',
  outreach: 'Adherence outreach due',
};
const OFFERS = '/eligibility/offers';

/** Who a line is about: the name, and the date of birth that tells two of the same name apart. */
const who = (r: { patient: string; dateOfBirth: string }) => (
  <>
    {r.patient}
    <div className="muted small">born {formatIsoDate(r.dateOfBirth)}</div>
  </>
);
const due = (date: string | null, overdue: boolean) =>
  date === null ? 'Today' : overdue ? <strong>{formatIsoDate(date)} (overdue)</strong> : formatIsoDate(date);

export function TodayScreen() {
  const work = useCall('reviews:today', {});
  const settings = useCall('settings:get', {});
  const [open, setOpen] = useState<ListKey>('summariesDue');
  const [failure, setFailure] = useState<string | null>(null);
  const fail = (x: Error) => setFailure(x.message);
  const counts = (k: ListKey): number | null => {
    const d = work.data;
    if (!d) return null;
    return k === 'outreach' ? d.outreach.total : d[k].length;
  };

  /** The one action a line of "Do these first" offers. */
  const act = (t: TodayTask): { label: string; run: () => void } => {
    if (t.reviewId && (t.kind === 'summary' || t.kind === 'send' || t.kind === 'answer'))
      return { label: 'Open review', run: () => navigate(`/reviews/${t.reviewId}`) };
    if (t.kind === 'offer') return { label: 'Record offer', run: () => navigate(OFFERS) };
    if (t.kind === 'tmr') return { label: 'Start TMR', run: () => void startReview(t.patientId, 'tmr').catch(fail) };
    return { label: 'Open patient', run: () => navigate(`/patients/${t.patientId}`) };
  };

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
      <section className="panel" aria-labelledby="today-first">
        <h2 id="today-first">Do these first</h2>
        <p className="field-hint">Overdue and due within the week, soonest first; then the first adherence calls.</p>
        <Loaded result={{ data: work.data?.queue ?? null, error: work.error }}>
          {(queue) =>
            queue.length === 0 ? (
              <p className="muted">Nothing is overdue or due this week, and nobody is waiting for a call.</p>
            ) : (
              <table className="data-table today-queue">
                <thead>
                  <tr>
                    <th>Patient</th>
                    <th>What and why</th>
                    <th>Due</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {queue.map((t) => {
                    const action = act(t);
                    return (
                      <tr key={`${t.kind}-${t.reviewId ?? t.patientId}`}>
                        <td className="strong">{who(t)}</td>
                        <td>{t.reason}</td>
                        <td className="nowrap">{due(t.dueDate, t.overdue)}</td>
                        <td className="row-actions">
                          <button type="button" className={t.overdue ? 'primary' : undefined} onClick={action.run}>
                            {action.label}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </section>
      <div className="summary-tiles today-tiles">
        {(Object.keys(TITLES) as ListKey[]).map((k) => (
          <button
            key={k}
            type="button"
            className={`tile tile-button${open === k ? ' tile-open' : ''}${counts(k) ? ' tile-attention' : ''}`}
            aria-pressed={open === k}
            onClick={() => setOpen(k)}
          >
            <span className="tile-number">{counts(k) ?? '…'}</span> {TITLES[k]}
          </button>
        ))}
        <BackupTile settings={settings.data} onFailure={setFailure} />
      </div>
      <section className="panel" aria-labelledby="today-list">
        <h2 id="today-list">{TITLES[open]}</h2>
        <Loaded result={work}>
          {(w) => <TodayList key={open} list={open} work={w} onTmr={(id) => void startReview(id, 'tmr').catch(fail)} />}
        </Loaded>
        {open === 'cmrOffersDue' && (
          <p className="muted">
            CMS guidance: offer the CMR within {CMR_OFFER_DAYS} days of enrolment. Overdue offers come first.
          </p>
        )}
        {open === 'summariesDue' && (
          <p className="muted">
            CMS: the written summary is given at the CMR or sent within 14 days. Printing the summary records it as
            given.
          </p>
        )}
      </section>
    </section>
  );
}

/** One of Today's lists, searchable and paged (the adherence calls page on their own screen). */
function TodayList({ list, work, onTmr }: { list: ListKey; work: TodayWork; onTmr: (patientId: string) => void }) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const openReview = (id: string) => navigate(`/reviews/${id}`);
  const openPatient = (id: string) => navigate(`/patients/${id}`);
  const year = thisYear();
  const table = <T extends { patient: string; dateOfBirth: string }>(
    rows: T[],
    head: string[],
    onOpen: (row: T) => void,
    empty: string,
    cells: (row: T) => ReactNode[],
  ) => {
    const found = rows.filter((r) => matchesPatient(search, r.patient, r.dateOfBirth));
    const page = pageOf(found, offset, PAGE_SIZE);
    return (
      <PagedList
        id={`today-${list}`}
        page={page}
        search={search}
        onSearch={(t) => {
          setSearch(t);
          setOffset(0);
        }}
        onOffset={setOffset}
      >
        <WorkTable rows={page.items} head={head} onOpen={onOpen} empty={empty}>
          {cells}
        </WorkTable>
      </PagedList>
    );
  };
  if (list === 'inProgress')
    return table(
      work.inProgress,
      ['Patient', 'Review', 'Status', 'Last change'],
      (r) => openReview(r.reviewId),
      'No open reviews.',
      (r) => [
        who(r),
        REVIEW_TYPE_LABELS[r.type],
        STATUS_LABELS[r.status],
        `${new Date(r.updatedAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })} · ${r.pharmacist}`,
      ],
    );
  if (list === 'summariesDue')
    return table(
      work.summariesDue,
      ['Patient', 'CMR held', 'Summary due'],
      (r) => openReview(r.reviewId),
      'Every CMR’s written summary has been given or sent.',
      (r) => [who(r), formatIsoDate(r.cmrDate), due(r.dueDate, r.overdue)],
    );
  if (list === 'unsentRecommendations')
    return table(
      work.unsentRecommendations,
      ['Patient', 'Prescriber', 'Review signed', 'Recommendations'],
      (r) => openReview(r.reviewId),
      'Every signed review’s recommendations have been sent.',
      (r) => [who(r), r.prescriber, formatIsoDate(r.dueDate), String(r.count)],
    );
  if (list === 'overdueResponses')
    return table(
      work.overdueResponses,
      ['Patient', 'Prescriber', 'Answer was due', 'Unanswered'],
      (r) => openReview(r.reviewId),
      'No prescriber answers are overdue.',
      (r) => [who(r), r.prescriber, formatIsoDate(r.dueDate), String(r.pending)],
    );
  if (list === 'followUpsDue')
    return table(
      work.followUpsDue,
      ['Patient', 'Follow-up due'],
      (r) => openPatient(r.patientId),
      'No follow-ups due this week.',
      (r) => [who(r), formatIsoDate(r.followUpDate)],
    );
  if (list === 'tmrsDue')
    return table(
      work.tmrsDue,
      ['Patient', 'Last TMR', 'Due by', ''],
      (r) => openPatient(r.patientId),
      'Every enrolled patient has had a TMR this quarter.',
      (r) => [
        who(r),
        r.lastTmr ? formatIsoDate(r.lastTmr) : 'None',
        formatIsoDate(r.dueDate),
        <button
          key="tmr"
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            onTmr(r.patientId);
          }}
        >
          Start TMR
        </button>,
      ],
    );
  if (list === 'cmrOffersDue')
    return table(
      work.cmrOffersDue,
      ['Patient', 'Enrolled', 'Offer due', ''],
      () => navigate(OFFERS),
      `Every member enrolled for ${year} has been offered a CMR.`,
      (r) => [
        who(r),
        formatIsoDate(r.enrolledDate),
        due(r.dueDate, r.overdue),
        <button
          key="offer"
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            navigate(OFFERS);
          }}
        >
          Record offer
        </button>,
      ],
    );
  const calls = work.outreach;
  return (
    <>
      <p className="result-count">
        {calls.total === 0
          ? 'Nobody to call about adherence.'
          : `The first ${calls.items.length} of ${calls.total}, most at risk first.`}{' '}
        {calls.updating &&
          "These are the figures last worked out; today's are being worked out now and show when you next open Today."}{' '}
        <a href="#/adherence">Open the adherence worklist</a> to search, page and log calls.
      </p>
      <WorkTable
        rows={calls.items.map((e) => ({ ...e, patient: e.name }))}
        head={['Patient', 'Why', 'Last outreach']}
        onOpen={(e) => openPatient(e.patientId)}
        empty="Nobody to call about adherence."
      >
        {(e) => [who(e), e.reasons.join(' · '), e.lastOutreach ? formatIsoDate(e.lastOutreach.date) : 'None yet']}
      </WorkTable>
    </>
  );
}

type WorkTableProps<T> = {
  rows: T[];
  head: string[];
  onOpen: (row: T) => void;
  empty: string;
  children: (row: T) => ReactNode[];
};

function WorkTable<T>({ rows, head, onOpen, empty, children }: WorkTableProps<T>) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
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
  );
}

/** The last automatic backup, and "Back up now" to the backup folder (or the Backup screen to choose one). */
function BackupTile({
  settings,
  onFailure,
}: {
  settings: PharmacySettings | null;
  onFailure: (m: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const last = settings?.lastAutoBackup ?? null;
  const folder = settings?.autoBackup.folder ?? '';
  const backUp = async () => {
    onFailure(null);
    setBusy(true);
    try {
      const r = await call('backup:create', { folder });
      setDone(formatInstant(r.createdAt));
    } catch (x) {
      onFailure((x as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`tile${last && !last.ok ? ' tile-attention' : ''}`} role="status" aria-label="Last backup">
      <span className="tile-number tile-small">
        {done ?? (last ? (last.ok ? formatInstant(last.at) : 'Failed') : 'None')}
      </span>{' '}
      {done ? 'Backed up just now' : `Last automatic backup${last && !last.ok ? `: ${last.message}` : ''}`}
      <div>
        {folder ? (
          <button type="button" disabled={busy} onClick={() => void backUp()}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        ) : (
          <a href="#/backup">Back up now</a>
        )}
      </div>
    </div>
  );
}
