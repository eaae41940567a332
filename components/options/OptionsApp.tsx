import type { SessionState } from '../../lib/schema/messages';
import { useSessionState } from '../session/use-session-state';
import { OptionsLayout } from './OptionsLayout';
import type { SignedInSession } from './section-props';

const signedIn = (state: SessionState): SignedInSession | null =>
  state.workspace && state.member && state.role
    ? { ...state, workspace: state.workspace, member: state.member, role: state.role }
    : null;

function Message({ children }: { children: React.ReactNode }) {
  return (
    <main className="options options-message">
      <h1>Sidedesk settings</h1>
      {children}
    </main>
  );
}

/** The options page: a message until a workspace is chosen, then the sections of the role. */
export function OptionsApp() {
  const { data: state, error } = useSessionState();
  if (error) {
    return (
      <Message>
        <p className="error" role="alert">
          The extension did not answer: {error.message}
        </p>
      </Message>
    );
  }
  if (!state) {
    return (
      <Message>
        <p role="status">Loading…</p>
      </Message>
    );
  }
  const session = signedIn(state);
  if (!session) {
    return (
      <Message>
        <p data-testid="options-signed-out">
          {state.identity
            ? 'Choose a workspace from the Sidedesk toolbar button to manage it.'
            : 'Sign in from the Sidedesk toolbar button to manage your workspace.'}
        </p>
      </Message>
    );
  }
  return <OptionsLayout session={session} />;
}
