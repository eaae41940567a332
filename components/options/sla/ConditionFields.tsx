import { useId } from 'react';
import { type Issues, issueUnder } from '../../../lib/options/sla/issues';
import type { PolicyDraft } from '../../../lib/options/sla/policy-draft';
import { Priority } from '../../../lib/schema';
import { useTags } from '../tags/use-tags';
import { FieldIssue } from './FieldIssue';

type Props = {
  draft: PolicyDraft;
  issues: Issues;
  onChange: (draft: PolicyDraft, path: string) => void;
};

const toggled = <T,>(list: readonly T[], item: T) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

type ListField = 'mailboxes' | 'customerDomains' | 'segments';
const LISTS: { field: ListField; label: string; placeholder: string }[] = [
  { field: 'mailboxes', label: 'Mailboxes', placeholder: 'support@acme.com, billing@acme.com' },
  {
    field: 'customerDomains',
    label: 'Customer domains (and their subdomains)',
    placeholder: 'acme.com',
  },
  { field: 'segments', label: 'Customer segments', placeholder: 'Enterprise' },
];

/** Which conversations the policy applies to: every list that has entries must match. */
export function ConditionFields({ draft, issues, onChange }: Props) {
  const id = useId();
  const tags = useTags().data?.items ?? [];
  const tagNames = [
    ...new Set([...tags.filter((t) => !t.archived).map((t) => t.name), ...draft.tags]),
  ].sort((a, b) => a.localeCompare(b));
  const set = (patch: Partial<PolicyDraft>) => onChange({ ...draft, ...patch }, 'conditions');
  return (
    <fieldset data-testid="policy-conditions">
      <legend>Applies to</legend>
      <p className="muted">
        Each list left empty matches everything; a list with entries matches any of them.
      </p>
      <fieldset className="plain">
        <legend className="field-label">Priorities</legend>
        <div className="radio-row">
          {Priority.options.map((p) => (
            <label key={p}>
              <input
                type="checkbox"
                checked={draft.priorities.includes(p)}
                onChange={() => set({ priorities: toggled(draft.priorities, p) })}
              />
              {p}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend className="field-label">Tags</legend>
        {tagNames.length === 0 ? (
          <p className="muted">The workspace has no tags yet.</p>
        ) : (
          <ul className="picker" aria-label="Tags">
            {tagNames.map((name) => (
              <li key={name}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.tags.includes(name)}
                    onChange={() => set({ tags: toggled(draft.tags, name) })}
                  />
                  {name}
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldIssue id={`${id}-tags-issue`} text={issueUnder(issues, 'conditions.tags')} />
      </fieldset>
      {LISTS.map(({ field, label, placeholder }) => {
        const issue = issueUnder(issues, `conditions.${field}`);
        return (
          <div key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              value={draft[field]}
              onChange={(e) => set({ [field]: e.target.value })}
              placeholder={placeholder}
              aria-invalid={Boolean(issue)}
              aria-describedby={issue ? `${id}-${field}-issue` : `${id}-comma`}
              data-testid={`policy-${field}`}
            />
            <FieldIssue id={`${id}-${field}-issue`} text={issue} />
          </div>
        );
      })}
      <p className="muted hint" id={`${id}-comma`}>
        Separate entries with commas.
      </p>
    </fieldset>
  );
}
