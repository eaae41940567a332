import { sortMembers } from '../../../lib/options/members/members';
import type { Member } from '../../../lib/schema';
import { useCalendars } from '../sla/use-calendars';
import { MemberRow } from './MemberRow';

type Props = {
  members: readonly Member[];
  meId: string;
  editable: boolean;
  /** Lead or admin, online: skills and working hours are editable. */
  routable: boolean;
};

export function MemberTable({ members, meId, editable, routable }: Props) {
  const calendars = useCalendars().data?.items ?? [];
  return (
    <table className="data-table" data-testid="member-table">
      <caption className="sr-only">Members</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Availability</th>
          <th scope="col">Capacity</th>
          <th scope="col">Skills and working hours</th>
          {editable && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {sortMembers(members).map((m) => (
          <MemberRow
            key={m.id}
            member={m}
            members={members}
            calendars={calendars}
            meId={meId}
            editable={editable}
            routable={routable}
          />
        ))}
      </tbody>
    </table>
  );
}
