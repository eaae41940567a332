import { type FormEvent, useId, useState } from 'react';
import { send } from '../../lib/messaging';
import type { SessionState } from '../../lib/schema/messages';
import { ErrorLine } from './ErrorLine';
import { useSessionAction } from './use-action';

type Identity = NonNullable<SessionState['identity']>;

/** Signed in as a person but not into a workspace: pick one, accept an invite, or create one. */
export function WorkspacePicker({ identity }: { identity: Identity }) {
  const [name, setName] = useState('');
  const nameId = useId();
  const choose = useSessionAction((workspaceId: string) =>
    send({ type: 'chooseWorkspace', workspaceId }),
  );
  const accept = useSessionAction((code: string) => send({ type: 'acceptInvite', code }));
  const create = useSessionAction((n: string) => send({ type: 'createWorkspace', name: n }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name);
  };

  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title">Choose a workspace</h2>
      <p className="muted">Signed in as {identity.email}</p>
      <ul className="choices">
        {identity.memberships.map((m) => (
          <li key={m.workspaceId}>
            <button
              type="button"
              onClick={() => choose.mutate(m.workspaceId)}
              data-testid="workspace-choice"
            >
              {m.workspaceName} <span className="muted">({m.role})</span>
            </button>
          </li>
        ))}
        {identity.invites.map((i) => (
          <li key={i.code}>
            <button type="button" onClick={() => accept.mutate(i.code)} data-testid="invite-accept">
              Join {i.workspaceName} <span className="muted">as {i.role}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <label htmlFor={nameId}>New workspace name</label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="workspace-name-input"
          required
        />
        <button type="submit" disabled={create.isPending} data-testid="create-workspace-button">
          Create workspace
        </button>
      </form>
      <ErrorLine error={choose.error ?? accept.error ?? create.error} />
    </section>
  );
}
