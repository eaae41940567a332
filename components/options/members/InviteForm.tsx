import { type FormEvent, useId, useState } from 'react';
import { inviteEmailProblem } from '../../../lib/options/members/members';
import { issueAt } from '../../../lib/options/problems';
import { type Member, Role } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { InviteCode } from './InviteCode';
import { useInvite } from './use-members';

export function InviteForm({ members }: { members: readonly Member[] }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [touched, setTouched] = useState(false);
  const invite = useInvite();
  const emailId = useId();
  const roleId = useId();
  const errorId = useId();
  const problem =
    (touched ? inviteEmailProblem(email, members) : null) ?? issueAt(invite.error, 'email');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (inviteEmailProblem(email, members)) return;
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: () => {
          setEmail('');
          setTouched(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${emailId}-title`} data-testid="invite-form">
      <h3 id={`${emailId}-title`}>Invite someone</h3>
      <div className="inline-form">
        <div>
          <label htmlFor={emailId}>Email</label>
          <input
            id={emailId}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? errorId : undefined}
            data-testid="invite-email"
            required
          />
        </div>
        <div>
          <label htmlFor={roleId}>Role</label>
          <select
            id={roleId}
            value={role}
            onChange={(e) => setRole(Role.parse(e.target.value))}
            data-testid="invite-role"
          >
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={invite.isPending} data-testid="send-invite">
          {invite.isPending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      {problem && (
        <p className="error" id={errorId}>
          {problem}
        </p>
      )}
      {!problem && <Problem error={invite.error} />}
      {invite.data && <InviteCode created={invite.data} />}
    </form>
  );
}
