import { pendingInvites } from '../../../lib/options/members/members';
import type { Invite } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { Empty } from '../common/States';
import { InviteCode } from './InviteCode';
import { useResendInvite, useRevokeInvite } from './use-members';

const day = (iso: string) => new Date(iso).toLocaleDateString();

export function InviteList({ invites }: { invites: readonly Invite[] }) {
  const resend = useResendInvite();
  const revoke = useRevokeInvite();
  const pending = pendingInvites(invites, new Date());
  return (
    <>
      {pending.length === 0 ? (
        <Empty>No invites are waiting.</Empty>
      ) : (
        <table className="data-table" data-testid="invite-table">
          <caption className="sr-only">Pending invites</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((i) => (
              <tr key={i.id} data-testid="invite-row" data-email={i.email}>
                <th scope="row">{i.email}</th>
                <td>{i.role}</td>
                <td>{day(i.createdAt)}</td>
                <td>{day(i.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={resend.isPending}
                    onClick={() => resend.mutate(i.id)}
                  >
                    Resend<span className="sr-only"> to {i.email}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(i.id)}
                  >
                    Revoke<span className="sr-only"> invite of {i.email}</span>
                  </button>
                  {resend.variables === i.id && <Problem error={resend.error} />}
                  {revoke.variables === i.id && <Problem error={revoke.error} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resend.data && (
        <div data-testid="invite-resent">
          <p role="status">A new code replaces the old one, which no longer works.</p>
          <InviteCode created={resend.data} />
        </div>
      )}
    </>
  );
}
