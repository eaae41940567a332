import type { PresenceView } from '../../lib/features/sidebar-presence';

/** Who else is on the conversation, and a warning when my reply may collide with theirs. */
export function PresenceSection({ view }: { view: PresenceView }) {
  return (
    <>
      {view.collision && (
        <p className="notice" role="alert" data-testid="collision-warning">
          {view.collision}
        </p>
      )}
      {view.line && (
        <p className="muted" role="status" data-testid="presence">
          {view.line}
        </p>
      )}
    </>
  );
}
