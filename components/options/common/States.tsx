import type { ReactNode } from 'react';
import { Problem } from './Problem';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state muted" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function LoadFailed({
  what,
  error,
  retry,
}: {
  what: string;
  error: unknown;
  retry: () => void;
}) {
  return (
    <div className="state" data-testid="load-failed">
      <p>Could not load {what}.</p>
      <Problem error={error} />
      <button type="button" className="secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="state muted" data-testid="empty">
      {children}
    </p>
  );
}

/** The API cannot be reached: what the page shows comes from the cache and cannot change. */
export function OfflineBanner({ what, retry }: { what: string; retry?: () => void }) {
  return (
    <div className="banner" role="status" data-testid="offline-banner">
      <p>
        <strong>Offline.</strong> These {what} are the copy this browser keeps; changes need the API
        and are off until it can be reached.
      </p>
      {retry && (
        <button type="button" className="secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Nothing is kept offline for this page: explain rather than show an empty page. */
export function OfflineNothingCached({ what, retry }: { what: string; retry: () => void }) {
  return (
    <div className="banner" role="status" data-testid="offline-banner">
      <p>
        <strong>Offline.</strong> {what} are read from the API only, and this browser keeps no copy
        of them. They will show as soon as the API can be reached.
      </p>
      <button type="button" className="secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
