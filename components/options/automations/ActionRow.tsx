import { useId } from 'react';
import { ACTIONS, type ActionType, RULE_STATUSES } from '../../../lib/options/automations/catalog';
import type { ActionDraft } from '../../../lib/options/automations/rule-draft';
import { type Issues, issueUnder } from '../../../lib/options/sla/issues';
import { Priority } from '../../../lib/schema';
import { FieldIssue } from '../sla/FieldIssue';
import type { RuleRefs } from './use-rule-refs';

type Props = {
  row: ActionDraft;
  index: number;
  count: number;
  refs: RuleRefs;
  issues: Issues;
  onChange: (row: ActionDraft) => void;
  onRemove: () => void;
};

const toggled = <T,>(list: readonly T[], item: T) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

/** One thing the rule does, with the fields its type needs. */
export function ActionRow({ row, index, count, refs, issues, onChange, onRemove }: Props) {
  const id = useId();
  const n = index + 1;
  const issue = issueUnder(issues, `actions.${index}`);
  const described = issue ? `${id}-issue` : undefined;
  const set = (patch: Partial<ActionDraft>) => onChange({ ...row, ...patch });
  const choice = (
    label: string,
    value: string,
    field: 'memberId' | 'teamId' | 'policyId',
    options: readonly { id: string; name: string }[],
  ) => (
    <div>
      <label htmlFor={`${id}-${field}`}>
        Action {n} {label}
      </label>
      <select
        id={`${id}-${field}`}
        value={value}
        onChange={(e) => set({ [field]: e.target.value })}
        aria-invalid={Boolean(issue)}
        aria-describedby={described}
        data-testid={`action-${field}`}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  const text = (label: string, field: 'tag' | 'message' | 'reason', max: number) => (
    <div>
      <label htmlFor={`${id}-${field}`}>
        Action {n} {label}
      </label>
      <input
        id={`${id}-${field}`}
        value={row[field]}
        maxLength={max}
        list={field === 'tag' ? `${id}-tags` : undefined}
        onChange={(e) => set({ [field]: e.target.value })}
        aria-invalid={Boolean(issue)}
        aria-describedby={described}
        data-testid={`action-${field}`}
      />
      {field === 'tag' && (
        <datalist id={`${id}-tags`}>
          {refs.tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      )}
    </div>
  );
  return (
    <li className="card rule-row" data-testid="action-row">
      <div className="row">
        <div>
          <label htmlFor={`${id}-type`}>Action {n}</label>
          <select
            id={`${id}-type`}
            value={row.type}
            onChange={(e) => set({ type: e.target.value as ActionType })}
            data-testid="action-type"
          >
            {ACTIONS.map((a) => (
              <option key={a.type} value={a.type}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        {row.type === 'assign' && choice('member', row.memberId, 'memberId', refs.members)}
        {row.type === 'route' && choice('team', row.teamId, 'teamId', refs.teams)}
        {row.type === 'applySlaPolicy' && choice('policy', row.policyId, 'policyId', refs.policies)}
        {row.type === 'setPriority' && (
          <div>
            <label htmlFor={`${id}-priority`}>Action {n} priority</label>
            <select
              id={`${id}-priority`}
              value={row.priority}
              onChange={(e) => set({ priority: e.target.value as ActionDraft['priority'] })}
            >
              {Priority.options.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
        )}
        {row.type === 'setStatus' && (
          <div>
            <label htmlFor={`${id}-status`}>Action {n} status</label>
            <select
              id={`${id}-status`}
              value={row.status}
              onChange={(e) => set({ status: e.target.value as ActionDraft['status'] })}
            >
              {RULE_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        )}
        {(row.type === 'addTag' || row.type === 'removeTag') && text('tag', 'tag', 60)}
        {row.type === 'escalate' && text('reason', 'reason', 500)}
      </div>
      {row.type === 'notify' && (
        <>
          <fieldset className="plain">
            <legend className="field-label">Action {n}: who is notified</legend>
            <ul className="picker" aria-label={`Action ${n} members`}>
              {(['lead', 'admin'] as const).map((role) => (
                <li key={role}>
                  <label>
                    <input
                      type="checkbox"
                      checked={row.roles.includes(role)}
                      onChange={() => set({ roles: toggled(row.roles, role) })}
                    />
                    Every {role}
                  </label>
                </li>
              ))}
              {refs.members.map((m) => (
                <li key={m.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={row.memberIds.includes(m.id)}
                      onChange={() => set({ memberIds: toggled(row.memberIds, m.id) })}
                    />
                    {m.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {text('message', 'message', 500)}
        </>
      )}
      {row.type === 'webhook' && (
        <p className="muted">Posts the conversation’s details, signed, to the workspace webhook.</p>
      )}
      <FieldIssue id={`${id}-issue`} text={issue} />
      <button type="button" className="secondary" disabled={count === 1} onClick={onRemove}>
        Remove action {n}
      </button>
    </li>
  );
}
