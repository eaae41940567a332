import { type FormEvent, useId, useState } from 'react';
import { parseCapacity } from '../../../lib/options/members/members';
import type { Member } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useUpdateMember } from './use-members';

/** Max open conversations routing may give this member; empty = no limit. */
export function CapacityField({ member }: { member: Member }) {
  const [text, setText] = useState(member.capacity === null ? '' : String(member.capacity));
  const update = useUpdateMember(member.id);
  const inputId = useId();
  const errorId = useId();
  const parsed = parseCapacity(text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.ok && parsed.value !== member.capacity) update.mutate({ capacity: parsed.value });
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={inputId} className="sr-only">
        Capacity of {member.name}
      </label>
      <input
        id={inputId}
        inputMode="numeric"
        placeholder="No limit"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? undefined : errorId}
        className="short"
        data-testid="capacity-input"
      />
      <button type="submit" className="secondary" disabled={!parsed.ok || update.isPending}>
        Save<span className="sr-only"> capacity of {member.name}</span>
      </button>
      {!parsed.ok && (
        <p className="error" id={errorId}>
          {parsed.message}
        </p>
      )}
      <Problem error={update.error} />
    </form>
  );
}
