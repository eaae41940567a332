import { useId, useState } from 'react';
import { routingWords } from '../../../lib/options/members/routing';
import { type Member, Role, type SlaCalendarRecord } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { CapacityField } from './CapacityField';
import { DeactivateDialog } from './DeactivateDialog';
import { RoutingField } from './RoutingField';
import { SignOutButton } from './SignOutButton';
import { useUpdateMember } from './use-members';

type Props = {
  member: Member;
  members: readonly Member[];
  meId: string;
  /** Admin and online: role, capacity and deactivation are editable. */
  editable: boolean;
  calendars: readonly SlaCalendarRecord[];
  /** Lead or admin, online: skills and working hours are editable. */
  routable: boolean;
};

export function MemberRow({ member, members, calendars, meId, editable, routable }: Props) {
  const [deactivating, setDeactivating] = useState(false);
  const role = useUpdateMember(member.id);
  // Held until the API answers, so the select does not flick back meanwhile.
  const [roleChoice, setRoleChoice] = useState<Member['role'] | null>(null);
  const chooseRole = (value: Member['role']) => {
    setRoleChoice(value);
    role.mutate({ role: value }, { onSettled: () => setRoleChoice(null) });
  };
  const roleId = useId();
  const active = member.status === 'active';
  const manage = editable && active;
  return (
    <tr
      className={active ? undefined : 'row-inactive'}
      data-testid="member-row"
      data-email={member.email}
    >
      <th scope="row">
        {member.name}
        {member.id === meId && <span className="muted"> (you)</span>}
      </th>
      <td>{member.email}</td>
      <td>
        {manage ? (
          <>
            <label htmlFor={roleId} className="sr-only">
              Role of {member.name}
            </label>
            <select
              id={roleId}
              value={roleChoice ?? member.role}
              disabled={role.isPending}
              onChange={(e) => chooseRole(Role.parse(e.target.value))}
              data-testid="member-role"
            >
              {Role.options.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <Problem error={role.error} />
          </>
        ) : (
          member.role
        )}
      </td>
      <td>{active ? member.availability : 'deactivated'}</td>
      <td>
        {manage ? (
          <CapacityField key={member.capacity ?? 'none'} member={member} />
        ) : (
          (member.capacity ?? 'No limit')
        )}
      </td>
      <td>
        {routable && active ? (
          <RoutingField
            key={`${member.skills.join()}|${member.calendarId}`}
            member={member}
            calendars={calendars}
          />
        ) : (
          routingWords(member, calendars)
        )}
      </td>
      {editable && (
        <td>
          {manage && member.id !== meId && (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => setDeactivating(true)}
                data-testid="deactivate"
              >
                Deactivate<span className="sr-only"> {member.name}</span>
              </button>
              <DeactivateDialog
                member={member}
                members={members}
                open={deactivating}
                onClose={() => setDeactivating(false)}
              />
              <SignOutButton member={member} />
            </>
          )}
        </td>
      )}
    </tr>
  );
}
