import '../common/pages.css';
import { OfflineBanner } from '../common/States';
import { useMembers } from '../members/use-members';
import type { SectionProps } from '../section-props';
import { AvailabilityField } from './AvailabilityField';

export function ProfilePage({ session }: SectionProps) {
  const members = useMembers();
  const offline = members.data?.offline ?? false;
  // The list is fresher than the session's copy (an availability just changed).
  const me = members.data?.items.find((m) => m.id === session.member.id) ?? session.member;
  return (
    <section className="page" aria-labelledby="profile-title" data-testid="profile-page">
      <h2 id="profile-title">My profile</h2>
      {offline && <OfflineBanner what="details" retry={() => void members.refetch()} />}
      <dl className="sync">
        <dt>Name</dt>
        <dd data-testid="profile-name">{me.name}</dd>
        <dt>Email</dt>
        <dd data-testid="profile-email">{me.email}</dd>
        <dt>Role</dt>
        <dd data-testid="profile-role">{me.role}</dd>
        <dt>Workspace</dt>
        <dd>{session.workspace.name}</dd>
      </dl>
      <AvailabilityField me={me} disabled={offline || members.isPending} />
      <p>
        To sign out or switch workspace, use the{' '}
        <a href="/popup.html" target="_blank" rel="noopener" data-testid="popup-link">
          Sidedesk popup
        </a>{' '}
        (the toolbar button).
      </p>
    </section>
  );
}
