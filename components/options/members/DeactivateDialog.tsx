import { type FormEvent, useId, useState } from 'react';
import { reassignChoices } from '../../../lib/options/members/members';
import { issueAt } from '../../../lib/options/problems';
import type { Member } from '../../../lib/schema';
import { Dialog } from '../common/Dialog';
import { Problem } from '../common/Problem';
import { useDeactivateMember } from './use-members';

type Props = { member: Member; members: readonly Member[]; open: boolean; onClose: () => void };

export function DeactivateDialog({ member, members, open, onClose }: Props) {
  return (
    <Dialog
      open={open}
      title={`Deactivate ${member.name}`}
      onClose={onClose}
      testId="deactivate-dialog"
    >
      <DeactivateForm member={member} members={members} onDone={onClose} />
    </Dialog>
  );
}

function DeactivateForm({
  member,
  members,
  onDone,
}: Omit<Props, 'open' | 'onClose'> & { onDone: () => void }) {
  const heirs = reassignChoices(members, member.id);
  const [to, setTo] = useState<'queue' | 'member'>('queue');
  const [heir, setHeir] = useState('');
  const deactivate = useDeactivateMember(member.id);
  const name = useId();
  const heirId = useId();
  const ready = to === 'queue' || heir !== '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) deactivate.mutate(to === 'queue' ? null : heir, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <p>
        {member.name} ({member.email}) will be signed out everywhere and can no longer use the
        workspace. An invite brings them back.
      </p>
      <fieldset>
        <legend>Their open conversations go to</legend>
        <div className="radio-row">
          <label>
            <input
              type="radio"
              name={name}
              checked={to === 'queue'}
              onChange={() => setTo('queue')}
              data-testid="reassign-queue"
            />
            The unassigned queue
          </label>
          <label>
            <input
              type="radio"
              name={name}
              checked={to === 'member'}
              onChange={() => setTo('member')}
              disabled={heirs.length === 0}
              data-testid="reassign-member"
            />
            Another member
          </label>
        </div>
        {to === 'member' && (
          <>
            <label htmlFor={heirId}>Member</label>
            <select
              id={heirId}
              value={heir}
              onChange={(e) => setHeir(e.target.value)}
              data-testid="reassign-to"
              required
            >
              <option value="">Choose a member…</option>
              {heirs.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.email})
                </option>
              ))}
            </select>
            {issueAt(deactivate.error, 'reassignTo') && (
              <p className="error">{issueAt(deactivate.error, 'reassignTo')}</p>
            )}
          </>
        )}
      </fieldset>
      <Problem error={deactivate.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="danger"
          disabled={!ready || deactivate.isPending}
          data-testid="confirm-deactivate"
        >
          {deactivate.isPending ? 'Deactivating…' : `Deactivate ${member.name}`}
        </button>
      </div>
    </form>
  );
}
