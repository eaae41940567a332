import { useSessionState } from '../session/use-session-state';
import { ErrorLine } from './ErrorLine';
import { SessionPanel } from './SessionPanel';
import { SignInForm } from './SignInForm';
import { WorkspacePicker } from './WorkspacePicker';

export function Popup() {
  const { data: state, error } = useSessionState();
  return (
    <main className="popup">
      <h1>Sidedesk</h1>
      <ErrorLine error={error} />
      {state &&
        (state.workspace && state.member ? (
          <SessionPanel state={{ ...state, workspace: state.workspace, member: state.member }} />
        ) : state.identity ? (
          <WorkspacePicker identity={state.identity} />
        ) : (
          <SignInForm initialServerUrl={state.serverUrl} />
        ))}
    </main>
  );
}
