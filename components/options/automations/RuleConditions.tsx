import { newCondition, nextKey, type RuleDraft } from '../../../lib/options/automations/rule-draft';
import type { Issues } from '../../../lib/options/sla/issues';
import { FieldIssue } from '../sla/FieldIssue';
import { ConditionRow } from './ConditionRow';
import type { RuleRefs } from './use-rule-refs';

type Props = {
  draft: RuleDraft;
  refs: RuleRefs;
  issues: Issues;
  onChange: (conditions: RuleDraft['conditions']) => void;
};

/** The tests that must all hold; none means every conversation the trigger names. */
export function RuleConditions({ draft, refs, issues, onChange }: Props) {
  const rows = draft.conditions;
  return (
    <fieldset data-testid="rule-conditions">
      <legend>If</legend>
      {rows.length === 0 && <p className="muted">No conditions: every conversation matches.</p>}
      <ol className="rule-rows">
        {rows.map((row, index) => (
          <ConditionRow
            key={row.key}
            row={row}
            index={index}
            refs={refs}
            issues={issues}
            onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
            onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
          />
        ))}
      </ol>
      <FieldIssue id="rule-conditions-issue" text={issues.get('conditions')} />
      <button
        type="button"
        className="secondary"
        disabled={rows.length >= 20}
        onClick={() => onChange([...rows, newCondition(nextKey(draft))])}
        data-testid="condition-add"
      >
        Add condition
      </button>
    </fieldset>
  );
}
