import { may } from '../../../lib/options/capabilities';
import '../common/pages.css';
import { Empty, LoadFailed, Loading, OfflineBanner } from '../common/States';
import type { SectionProps } from '../section-props';
import { InvitesSection } from './InvitesSection';
import { MemberTable } from './MemberTable';
import { useMembers } from './use-members';

export function MembersPage({ session }: SectionProps) {
  const members = useMembers();
  const offline = members.data?.offline ?? false;
  const admin = may(session.role, 'manageMembers');
  return (
    <section className="page" aria-labelledby="members-title" data-testid="members-page">
      <h2 id="members-title">Members</h2>
      {!admin && (
        <p className="muted" data-testid="read-only-note">
          Only admins invite, change roles and capacity, or deactivate members; leads set skills and
          working hours.
        </p>
      )}
      {members.isPending ? (
        <Loading what="members" />
      ) : members.isError ? (
        <LoadFailed what="members" error={members.error} retry={() => void members.refetch()} />
      ) : (
        <>
          {offline && <OfflineBanner what="members" retry={() => void members.refetch()} />}
          {members.data.items.length === 0 ? (
            <Empty>No members are known yet.</Empty>
          ) : (
            <MemberTable
              members={members.data.items}
              meId={session.member.id}
              editable={admin && !offline}
              routable={may(session.role, 'manageRouting') && !offline}
            />
          )}
          {admin && !offline && <InvitesSection members={members.data.items} />}
        </>
      )}
    </section>
  );
}
