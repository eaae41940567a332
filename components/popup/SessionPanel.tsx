import { send } from '../../lib/messaging';
import type { SessionState } from '../../lib/schema/messages';
import { ErrorLine } from './ErrorLine';
import { Notices } from './Notices';
import { PageError } from './PageError';
import { SyncStatus } from './SyncStatus';
import { useSessionAction } from './use-action';

type SignedIn = SessionState & {
  workspace: NonNullable<SessionState['workspace']>;
  member: NonNullable<SessionState['member']>;
};

export function SessionPanel({ state }: { state: SignedIn }) {
  const signOut = useSessionAction(() => send({ type: 'signOut' }));
  return (
    <section aria-labelledby="workspace-name">
      <h2 id="workspace-name" data-testid="workspace-name">
        {state.workspace.name}
      </h2>
      <p className="muted">
        {state.member.name} · <span data-testid="role">{state.member.role}</span>
      </p>
      <SyncStatus sync={state.sync} />
      <Notices notices={state.sync.notices} />
      <PageError error={state.sync.pageError} />
      <button
        type="button"
        className="secondary"
        onClick={() => signOut.mutate(undefined)}
        disabled={signOut.isPending}
        data-testid="sign-out-button"
      >
        Sign out
      </button>
      <ErrorLine error={signOut.error} />
    </section>
  );
}
