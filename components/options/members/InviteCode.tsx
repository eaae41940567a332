import { useState } from 'react';
import type { CreatedInvite } from '../../../lib/schema';

/** The code is shown once, to the admin, to pass on to the invitee. */
export function InviteCode({ created }: { created: CreatedInvite }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(created.code).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div className="card" data-testid="invite-created">
      <p>
        Invite for <strong>{created.invite.email}</strong> as {created.invite.role}, valid until{' '}
        {new Date(created.invite.expiresAt).toLocaleDateString()}. When they sign in to Sidedesk
        with that address the popup offers to join; or share this code:
      </p>
      <div className="code-box">
        <code data-testid="invite-code">{created.code}</code>
        <button type="button" className="secondary" onClick={copy}>
          Copy code
        </button>
      </div>
      <p className={copied === 'failed' ? 'error' : 'muted'} role="status">
        {copied === 'yes' && 'Copied.'}
        {copied === 'failed' && 'Could not copy: select the code and copy it.'}
      </p>
    </div>
  );
}
