import type { Member } from '../../../lib/schema';
import { LoadFailed, Loading } from '../common/States';
import { InviteForm } from './InviteForm';
import { InviteList } from './InviteList';
import { useInvites } from './use-members';

/** Admins only, and only online: the cache keeps no invites. */
export function InvitesSection({ members }: { members: readonly Member[] }) {
  const invites = useInvites();
  return (
    <section aria-labelledby="invites-title">
      <InviteForm members={members} />
      <h3 id="invites-title">Pending invites</h3>
      {invites.isPending ? (
        <Loading what="invites" />
      ) : invites.isError ? (
        <LoadFailed what="invites" error={invites.error} retry={() => void invites.refetch()} />
      ) : (
        <InviteList invites={invites.data} />
      )}
    </section>
  );
}
