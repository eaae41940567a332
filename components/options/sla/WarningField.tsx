import { useId } from 'react';
import { type Issues, issueUnder } from '../../../lib/options/sla/issues';
import type { PolicyDraft } from '../../../lib/options/sla/policy-draft';
import { FieldIssue } from './FieldIssue';

type Props = {
  draft: PolicyDraft;
  issues: Issues;
  onChange: (draft: PolicyDraft, path: string) => void;
};

const UNITS = [
  { unit: 'none', label: 'No warning' },
  { unit: 'minutes', label: 'Minutes before due' },
  { unit: 'percent', label: 'Percent of the target before due' },
] as const;

/** When a target counts as at risk: a fixed time, or a share of the target, before it is due. */
export function WarningField({ draft, issues, onChange }: Props) {
  const id = useId();
  const { warning } = draft;
  const issue = issueUnder(issues, 'warning');
  const set = (patch: Partial<PolicyDraft['warning']>) =>
    onChange({ ...draft, warning: { ...warning, ...patch } }, 'warning');
  return (
    <fieldset data-testid="policy-warning">
      <legend>Warning</legend>
      <div className="radio-row">
        {UNITS.map(({ unit, label }) => (
          <label key={unit}>
            <input
              type="radio"
              name={`${id}-unit`}
              checked={warning.unit === unit}
              onChange={() => set({ unit })}
            />
            {label}
          </label>
        ))}
      </div>
      {warning.unit !== 'none' && (
        <>
          <label htmlFor={`${id}-value`}>
            {warning.unit === 'minutes' ? 'Minutes before due' : 'Percent of the target (1–99)'}
          </label>
          <input
            id={`${id}-value`}
            className="short"
            inputMode="numeric"
            value={warning.value}
            onChange={(e) => set({ value: e.target.value })}
            aria-invalid={Boolean(issue)}
            aria-describedby={issue ? `${id}-issue` : undefined}
            data-testid="policy-warning-value"
          />
        </>
      )}
      <FieldIssue id={`${id}-issue`} text={issue} />
    </fieldset>
  );
}
