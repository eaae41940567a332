import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useSessionState } from '../../components/session/use-session-state';
import '../../components/ui/base.css';

/** The admin app's shell; its pages arrive with later issues. */
function Options() {
  const { data: state } = useSessionState();
  return (
    <main className="options">
      <h1>Sidedesk settings</h1>
      {state?.workspace ? (
        <p data-testid="options-workspace">
          {state.workspace.name} · {state.member?.role}
        </p>
      ) : (
        <p>Sign in from the Sidedesk toolbar button to manage your workspace.</p>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Options />
    </QueryClientProvider>
  </StrictMode>,
);
