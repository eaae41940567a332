import { useMutation } from '@tanstack/react-query';
import { send } from '../../lib/messaging';
import type { SyncNotice } from '../../lib/schema/messages';

/** Changes the server refused, newest first, until dismissed. */
export function Notices({ notices }: { notices: SyncNotice[] }) {
  const dismiss = useMutation({ mutationFn: () => send({ type: 'dismissNotices' }) });
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" className="notices">
      <h2 id="notices-title">Not applied</h2>
      <ul data-testid="sync-notices">
        {notices.map((n) => (
          <li key={n.mutationId}>
            {n.message}
            {n.at && <span className="muted"> · {new Date(n.at).toLocaleString()}</span>}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dismiss.mutate()}>
        Dismiss
      </button>
    </section>
  );
}
