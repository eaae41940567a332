import { newAction, nextKey, type RuleDraft } from '../../../lib/options/automations/rule-draft';
import type { Issues } from '../../../lib/options/sla/issues';
import { FieldIssue } from '../sla/FieldIssue';
import { ActionRow } from './ActionRow';
import type { RuleRefs } from './use-rule-refs';

type Props = {
  draft: RuleDraft;
  refs: RuleRefs;
  issues: Issues;
  onChange: (actions: RuleDraft['actions']) => void;
};

/** What the rule does, in order; each is recorded on the conversation naming the rule. */
export function RuleActions({ draft, refs, issues, onChange }: Props) {
  const rows = draft.actions;
  return (
    <fieldset data-testid="rule-actions">
      <legend>Then, in order</legend>
      <ol className="rule-rows">
        {rows.map((row, index) => (
          <ActionRow
            key={row.key}
            row={row}
            index={index}
            count={rows.length}
            refs={refs}
            issues={issues}
            onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
            onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
          />
        ))}
      </ol>
      <FieldIssue id="rule-actions-issue" text={issues.get('actions')} />
      <button
        type="button"
        className="secondary"
        disabled={rows.length >= 20}
        onClick={() => onChange([...rows, newAction(nextKey(draft))])}
        data-testid="action-add"
      >
        Add action
      </button>
    </fieldset>
  );
}
