import type { LiveRecordState } from './use-live-record';

/** useLiveRecord's notice in a polite live region (present while empty, so the next notice is announced). */
export function LiveNotice({ live }: { live: LiveRecordState }) {
  return (
    <div role="status">
      {live.notice && (
        <p className="alert live-notice">
          {live.notice}{' '}
          <button type="button" className="small" onClick={live.dismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
