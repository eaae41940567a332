import type { SyncState } from '../../lib/schema/messages';

const time = (iso: string) => new Date(iso).toLocaleTimeString();

export function SyncStatus({ sync }: { sync: SyncState }) {
  return (
    <dl className="sync" aria-label="Sync status">
      <dt>Connection</dt>
      <dd data-testid="sync-status" data-online={sync.online}>
        <span className={sync.online ? 'dot on' : 'dot off'} aria-hidden="true" />
        {sync.online ? 'Online' : 'Offline'}
      </dd>
      <dt>Pending changes</dt>
      <dd data-testid="pending-count">{sync.pending}</dd>
      <dt>Last sync</dt>
      <dd data-testid="last-sync">{sync.lastSyncAt ? time(sync.lastSyncAt) : 'never'}</dd>
      {sync.lastError && (
        <>
          <dt>Last error</dt>
          <dd className="error" data-testid="last-error">
            {sync.lastError}
          </dd>
        </>
      )}
    </dl>
  );
}
