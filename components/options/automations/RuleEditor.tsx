import { type FormEvent, useId, useState } from 'react';
import {
  checkRule,
  newRuleDraft,
  type RuleDraft,
  ruleDraftOf,
} from '../../../lib/options/automations/rule-draft';
import { NO_ISSUES, withRefusal } from '../../../lib/options/sla/issues';
import type { Rule } from '../../../lib/schema/automation';
import { Problem } from '../common/Problem';
import { FieldIssue } from '../sla/FieldIssue';
import { DeleteRuleDialog } from './DeleteRuleDialog';
import { DryRunPreview } from './DryRunPreview';
import { RuleActions } from './RuleActions';
import { RuleConditions } from './RuleConditions';
import { TriggerFields } from './TriggerFields';
import type { RuleRefs } from './use-rule-refs';
import { useCreateRule, useUpdateRule } from './use-rules';

type Props = {
  /** null: a new rule. */
  rule: Rule | null;
  refs: RuleRefs;
  editable: boolean;
  onSelect: (id: string | null) => void;
};

/**
 * One rule: when, if, then. Checked with the contract before it is sent (problems show once
 * a save or preview was tried); the API's refusals show at their field.
 */
export function RuleEditor({ rule, refs, editable, onSelect }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleDraftOf(rule) : newRuleDraft()));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const create = useCreateRule();
  const update = useUpdateRule();
  const refusal = create.error ?? update.error;
  const checked = checkRule(draft);
  const issues = withRefusal(attempted ? checked.issues : NO_ISSUES, refusal);
  const busy = create.isPending || update.isPending;
  const edit = (patch: Partial<RuleDraft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    create.reset();
    update.reset();
    if (!checked.value) return;
    if (!rule) {
      create.mutate(checked.value, { onSuccess: (made) => onSelect(made.id) });
      return;
    }
    update.mutate({ id: rule.id, patch: checked.value }, { onSuccess: () => setSaved(true) });
  };
  const nameIssue = issues.get('name');

  return (
    <section className="card rule-editor" aria-labelledby={`${id}-title`} data-testid="rule-editor">
      <h3 id={`${id}-title`}>{rule ? `Rule “${rule.name}”` : 'New rule'}</h3>
      <form onSubmit={save} noValidate>
        <fieldset className="plain" disabled={!editable}>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={draft.name}
            maxLength={120}
            onChange={(e) => edit({ name: e.target.value })}
            aria-invalid={Boolean(nameIssue)}
            aria-describedby={nameIssue ? `${id}-name-issue` : undefined}
            placeholder="Refunds to Billing"
            data-testid="rule-name"
          />
          <FieldIssue id={`${id}-name-issue`} text={nameIssue} />
          <TriggerFields
            trigger={draft.trigger}
            refs={refs}
            issues={issues}
            onChange={(trigger) => edit({ trigger })}
          />
          <RuleConditions
            draft={draft}
            refs={refs}
            issues={issues}
            onChange={(conditions) => edit({ conditions })}
          />
          <RuleActions
            draft={draft}
            refs={refs}
            issues={issues}
            onChange={(actions) => edit({ actions })}
          />
          <label>
            <input
              type="checkbox"
              checked={draft.stopProcessing}
              onChange={(e) => edit({ stopProcessing: e.target.checked })}
              data-testid="rule-stop"
            />
            Stop processing: when this rule matches, later rules of the same trigger are skipped
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => edit({ enabled: e.target.checked })}
            />
            Enabled
          </label>
        </fieldset>
        <Problem error={refusal} />
        {editable && (
          <div className="row actions-row">
            <button type="submit" disabled={busy} data-testid="rule-save">
              {busy ? 'Saving…' : rule ? 'Save rule' : 'Create rule'}
            </button>
            {rule && (
              <button type="button" className="secondary" onClick={() => setDeleting(true)}>
                Delete rule
              </button>
            )}
            <span className="muted" role="status">
              {saved ? 'Saved.' : ''}
            </span>
          </div>
        )}
      </form>
      <DryRunPreview rule={checked.value} onInvalid={() => setAttempted(true)} />
      {rule && (
        <DeleteRuleDialog
          rule={rule}
          open={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={() => onSelect(null)}
        />
      )}
    </section>
  );
}
