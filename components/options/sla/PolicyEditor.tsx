import { type FormEvent, useId, useState } from 'react';
import { shownIssues, withRefusal } from '../../../lib/options/sla/issues';
import {
  checkPolicy,
  newPolicyDraft,
  type PolicyDraft,
  policyDraftOf,
  policyPatch,
} from '../../../lib/options/sla/policy-draft';
import { currentOf } from '../../../lib/options/sla/stale';
import { type SlaCalendarRecord, SlaPolicyRecord } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { ClockFields } from './ClockFields';
import { ConditionFields } from './ConditionFields';
import { DeletePolicyDialog } from './DeletePolicyDialog';
import { FieldIssue } from './FieldIssue';
import { PolicyPreview } from './PolicyPreview';
import { StaleNotice } from './StaleNotice';
import { TargetFields } from './TargetFields';
import { useCreatePolicy, useUpdatePolicy } from './use-policies';
import { useRecordDraft } from './use-record-draft';
import { WarningField } from './WarningField';

type Props = {
  /** null: a new policy. */
  policy: SlaPolicyRecord | null;
  calendars: readonly SlaCalendarRecord[];
  editable: boolean;
  onSelect: (id: string | null) => void;
};

/** Edits one policy, with the preview beside it following every keystroke. */
export function PolicyEditor({ policy, calendars, editable, onSelect }: Props) {
  const id = useId();
  const form = useRecordDraft({
    record: policy,
    fresh: () => newPolicyDraft(calendars[0]?.id ?? null),
    draftOf: policyDraftOf,
  });
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { base, draft } = form;
  const checked = checkPolicy(draft);
  const issues = withRefusal(shownIssues(checked.issues, form.touched, form.attempted), error);
  const busy = create.isPending || update.isPending;
  /** The draft changed; `path` is the record field it shows problems for. */
  const change = (next: PolicyDraft, path: string) => {
    form.edit(next, path);
    setSaved(false);
  };

  const failed = (e: unknown) => {
    const current = currentOf(e, SlaPolicyRecord);
    if (current) form.reload(current);
    else setError(e);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    form.attempt();
    setError(null);
    if (!checked.value) return;
    if (!base) {
      create.mutate(checked.value, { onSuccess: (made) => onSelect(made.id), onError: failed });
      return;
    }
    const patch = policyPatch(base, checked.value);
    if (!patch) return;
    update.mutate(
      { id: base.id, patch, shown: { ...base, ...checked.value } },
      {
        onSuccess: (after) => {
          form.adopt(after);
          setSaved(true);
        },
        onError: failed,
      },
    );
  };

  return (
    <section
      className="card sla-editor"
      aria-labelledby={`${id}-title`}
      data-testid="policy-editor"
    >
      <h4 id={`${id}-title`}>{base ? `Policy “${base.name}”` : 'New policy'}</h4>
      {form.stale && <StaleNotice what="policy" onReapply={form.reapply} />}
      <div className="policy-editing">
        <form onSubmit={save} noValidate>
          <fieldset className="plain" disabled={!editable}>
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={draft.name}
              maxLength={120}
              onChange={(e) => change({ ...draft, name: e.target.value }, 'name')}
              aria-invalid={Boolean(issues.get('name'))}
              aria-describedby={issues.get('name') ? `${id}-name-issue` : undefined}
              placeholder="P1 outage"
              data-testid="policy-name"
            />
            <FieldIssue id={`${id}-name-issue`} text={issues.get('name')} />
            <ConditionFields draft={draft} issues={issues} onChange={change} />
            <TargetFields draft={draft} issues={issues} onChange={change} />
            <ClockFields draft={draft} calendars={calendars} issues={issues} onChange={change} />
            <WarningField draft={draft} issues={issues} onChange={change} />
          </fieldset>
          <Problem error={error} />
          {editable && (
            <div className="row actions-row">
              <button type="submit" disabled={busy || !form.dirty} data-testid="policy-save">
                {busy ? 'Saving…' : base ? 'Save policy' : 'Create policy'}
              </button>
              {base && (
                <button type="button" className="secondary" onClick={() => setDeleting(true)}>
                  Delete policy
                </button>
              )}
              <span className="muted" role="status">
                {saved && !form.dirty ? 'Saved.' : ''}
              </span>
            </div>
          )}
        </form>
        <PolicyPreview draft={draft} calendars={calendars} />
      </div>
      {base && (
        <DeletePolicyDialog
          policy={base}
          open={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={() => onSelect(null)}
        />
      )}
    </section>
  );
}
