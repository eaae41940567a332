import { useId } from 'react';
import { TRIGGERS } from '../../../lib/options/automations/catalog';
import type { RuleDraft } from '../../../lib/options/automations/rule-draft';
import { type Issues, issueUnder } from '../../../lib/options/sla/issues';
import type { RuleTriggerType } from '../../../lib/schema/automation';
import { FieldIssue } from '../sla/FieldIssue';
import type { RuleRefs } from './use-rule-refs';

type Props = {
  trigger: RuleDraft['trigger'];
  refs: RuleRefs;
  issues: Issues;
  onChange: (trigger: RuleDraft['trigger']) => void;
};

/** When the rule is looked at, and the fields that trigger needs. */
export function TriggerFields({ trigger, refs, issues, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<RuleDraft['trigger']>) => onChange({ ...trigger, ...patch });
  const minutesIssue = issueUnder(issues, 'trigger.minutes');
  const tagIssue = issueUnder(issues, 'trigger.tag');
  return (
    <fieldset data-testid="rule-trigger">
      <legend>When</legend>
      <label htmlFor={`${id}-type`}>Trigger</label>
      <select
        id={`${id}-type`}
        value={trigger.type}
        onChange={(e) => set({ type: e.target.value as RuleTriggerType })}
        data-testid="rule-trigger-type"
      >
        {TRIGGERS.map((t) => (
          <option key={t.type} value={t.type}>
            {t.label}
          </option>
        ))}
      </select>
      {trigger.type === 'tag.added' && (
        <div>
          <label htmlFor={`${id}-tag`}>Tag (empty: any tag)</label>
          <input
            id={`${id}-tag`}
            value={trigger.tag}
            list={`${id}-tags`}
            onChange={(e) => set({ tag: e.target.value })}
            aria-invalid={Boolean(tagIssue)}
            aria-describedby={tagIssue ? `${id}-tag-issue` : undefined}
            data-testid="rule-trigger-tag"
          />
          <datalist id={`${id}-tags`}>
            {refs.tags.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <FieldIssue id={`${id}-tag-issue`} text={tagIssue} />
        </div>
      )}
      {trigger.type === 'no_reply' && (
        <div className="row">
          <div>
            <label htmlFor={`${id}-minutes`}>Minutes without a reply</label>
            <input
              id={`${id}-minutes`}
              type="number"
              min={1}
              value={trigger.minutes}
              onChange={(e) => set({ minutes: e.target.value })}
              aria-invalid={Boolean(minutesIssue)}
              aria-describedby={minutesIssue ? `${id}-minutes-issue` : undefined}
              data-testid="rule-trigger-minutes"
            />
            <FieldIssue id={`${id}-minutes-issue`} text={minutesIssue} />
          </div>
          <div>
            <label htmlFor={`${id}-calendar`}>Counted in</label>
            <select
              id={`${id}-calendar`}
              value={trigger.calendarId}
              onChange={(e) => set({ calendarId: e.target.value })}
              data-testid="rule-trigger-calendar"
            >
              <option value="">Calendar time</option>
              {refs.calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  Business hours of {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </fieldset>
  );
}
