import { type FormEvent, useId, useState } from 'react';
import { parseSkills } from '../../../lib/options/members/routing';
import type { Member, SlaCalendarRecord } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useUpdateMember } from './use-members';

type Props = { member: Member; calendars: readonly SlaCalendarRecord[] };

/** What routing needs of a member: the tags they can answer and their working hours. */
export function RoutingField({ member, calendars }: Props) {
  const [skills, setSkills] = useState(member.skills.join(', '));
  const [calendarId, setCalendarId] = useState(member.calendarId ?? '');
  const update = useUpdateMember(member.id);
  const id = useId();
  const parsed = parseSkills(skills);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok) return;
    update.mutate({ skills: parsed.value, calendarId: calendarId || null });
  };
  return (
    <form onSubmit={submit} className="inline-form" data-testid="member-routing">
      <div>
        <label htmlFor={`${id}-skills`} className="sr-only">
          Skills of {member.name}
        </label>
        <input
          id={`${id}-skills`}
          placeholder="Skills: billing, refunds"
          value={skills}
          onChange={(e) => setSkills(e.target.value)}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : `${id}-error`}
          data-testid="member-skills"
        />
      </div>
      <div>
        <label htmlFor={`${id}-hours`} className="sr-only">
          Working hours of {member.name}
        </label>
        <select
          id={`${id}-hours`}
          value={calendarId}
          onChange={(e) => setCalendarId(e.target.value)}
          data-testid="member-hours"
        >
          <option value="">Always working</option>
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              Hours of {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary" disabled={!parsed.ok || update.isPending}>
        Save<span className="sr-only"> skills and hours of {member.name}</span>
      </button>
      {!parsed.ok && (
        <p className="error" id={`${id}-error`}>
          {parsed.message}
        </p>
      )}
      <Problem error={update.error} />
    </form>
  );
}
