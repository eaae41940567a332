import { useId } from 'react';
import type { Issues } from '../../../lib/options/sla/issues';
import {
  type Duration,
  type PolicyDraft,
  TARGET_KINDS,
  TARGET_LABELS,
} from '../../../lib/options/sla/policy-draft';
import type { SlaTargetKind } from '../../../lib/schema';
import { FieldIssue } from './FieldIssue';

type Props = {
  draft: PolicyDraft;
  issues: Issues;
  onChange: (draft: PolicyDraft, path: string) => void;
};

/** Each target in hours and minutes of the policy's clock; left empty, it is not tracked. */
export function TargetFields({ draft, issues, onChange }: Props) {
  const id = useId();
  const set = (kind: SlaTargetKind, patch: Partial<Duration>) =>
    onChange(
      { ...draft, targets: { ...draft.targets, [kind]: { ...draft.targets[kind], ...patch } } },
      'targets',
    );
  return (
    <fieldset data-testid="policy-targets">
      <legend>Targets</legend>
      <p className="muted">In the policy’s clock. Leave a target empty not to track it.</p>
      {TARGET_KINDS.map((kind) => {
        const issue = issues.get(`targets.${kind}`);
        const described = issue ? `${id}-${kind}-issue` : undefined;
        return (
          <fieldset key={kind} className="plain target" data-testid={`target-${kind}`}>
            <legend className="field-label">{TARGET_LABELS[kind]}</legend>
            <div className="row">
              <input
                id={`${id}-${kind}-h`}
                className="number"
                inputMode="numeric"
                value={draft.targets[kind].hours}
                onChange={(e) => set(kind, { hours: e.target.value })}
                aria-invalid={Boolean(issue)}
                aria-describedby={described}
              />
              <label htmlFor={`${id}-${kind}-h`} className="unit">
                hours<span className="sr-only"> for {TARGET_LABELS[kind].toLowerCase()}</span>
              </label>
              <input
                id={`${id}-${kind}-m`}
                className="number"
                inputMode="numeric"
                value={draft.targets[kind].minutes}
                onChange={(e) => set(kind, { minutes: e.target.value })}
                aria-invalid={Boolean(issue)}
                aria-describedby={described}
              />
              <label htmlFor={`${id}-${kind}-m`} className="unit">
                minutes<span className="sr-only"> for {TARGET_LABELS[kind].toLowerCase()}</span>
              </label>
            </div>
            <FieldIssue id={`${id}-${kind}-issue`} text={issue} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
