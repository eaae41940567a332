import { useState } from 'react';
import { type Names, ruleText } from '../../../lib/options/automations/rule-summary';
import type { Rule } from '../../../lib/schema/automation';
import { Problem } from '../common/Problem';
import { useMoveInOrder } from '../common/use-move-in-order';
import { DeleteRuleDialog } from './DeleteRuleDialog';
import { useReorderRules, useUpdateRule } from './use-rules';

type Props = {
  /** In evaluation order. */
  rules: readonly Rule[];
  names: Names;
  editable: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
};

/** The rules in the order they run; leads and admins reorder, switch off and delete them. */
export function RuleList({ rules, names, editable, selectedId, onSelect }: Props) {
  const reorder = useReorderRules();
  const toggle = useUpdateRule();
  // Kept after closing, so the dialog closes itself and gives focus back to its opener.
  const [deleting, setDeleting] = useState<{ rule: Rule; open: boolean } | null>(null);
  const ids = rules.map((r) => r.id);
  const { list, move } = useMoveInOrder(ids, reorder);
  return (
    <>
      <Problem error={reorder.error ?? toggle.error} />
      <ol className="policy-list" ref={list} aria-label="Rules in order" data-testid="rule-list">
        {rules.map((r, index) => {
          const text = ruleText(r, names);
          return (
            <li key={r.id} data-testid="rule-row" data-id={r.id} data-name={r.name}>
              <span className="policy-rank" aria-hidden="true">
                {index + 1}
              </span>
              <div className="policy-summary">
                <button
                  type="button"
                  className="link"
                  aria-current={r.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(r.id)}
                >
                  {r.name}
                </button>
                <span className="muted">
                  {text.when}, {text.conditions}: {text.actions}
                  {r.stopProcessing ? '; then stop' : ''}
                </span>
              </div>
              <div className="row">
                <label>
                  <input
                    type="checkbox"
                    checked={r.enabled}
                    disabled={!editable}
                    onChange={(e) =>
                      toggle.mutate({ id: r.id, patch: { enabled: e.target.checked } })
                    }
                    data-testid="rule-enabled"
                  />
                  Enabled<span className="sr-only"> {r.name}</span>
                </label>
                {editable && (
                  <>
                    <button
                      type="button"
                      className="secondary"
                      data-move="-1"
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(r.id, -1)}
                    >
                      Move up<span className="sr-only"> {r.name}</span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      data-move="1"
                      disabled={index === rules.length - 1 || reorder.isPending}
                      onClick={() => move(r.id, 1)}
                    >
                      Move down<span className="sr-only"> {r.name}</span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setDeleting({ rule: r, open: true })}
                    >
                      Delete<span className="sr-only"> {r.name}</span>
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {deleting && (
        <DeleteRuleDialog
          key={deleting.rule.id}
          rule={deleting.rule}
          open={deleting.open}
          onClose={() => setDeleting({ ...deleting, open: false })}
          onDeleted={() => {
            if (deleting.rule.id === selectedId) onSelect(null);
          }}
        />
      )}
    </>
  );
}
