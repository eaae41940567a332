import { useId, useState } from 'react';
import { Availability, type Member } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useUpdateMember } from '../members/use-members';

type Choice = Member['availability'];

const LABEL = { available: 'Available', away: 'Away' } as const;

/** Members may set their own availability (the API's self-service rule). */
export function AvailabilityField({ me, disabled }: { me: Member; disabled: boolean }) {
  const update = useUpdateMember(me.id);
  // Held until the API answers: the radio must not flick back while the list catches up.
  const [choice, setChoice] = useState<Choice | null>(null);
  const name = useId();
  const choose = (availability: Choice) => {
    setChoice(availability);
    update.mutate({ availability }, { onSettled: () => setChoice(null) });
  };
  return (
    <fieldset data-testid="availability">
      <legend>My availability</legend>
      <div className="radio-row">
        {Availability.options.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={(choice ?? me.availability) === value}
              disabled={disabled || update.isPending}
              onChange={() => choose(value)}
              data-testid={`availability-${value}`}
            />
            {LABEL[value]}
          </label>
        ))}
      </div>
      <p className="muted">Routing gives new conversations only to available members.</p>
      <Problem error={update.error} />
    </fieldset>
  );
}
