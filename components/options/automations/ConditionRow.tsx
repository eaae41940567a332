import { useId } from 'react';
import {
  CONDITION_FIELD_ORDER,
  CONDITION_FIELDS,
  type ConditionField,
} from '../../../lib/options/automations/catalog';
import { type ConditionDraft, withField } from '../../../lib/options/automations/rule-draft';
import { type Issues, issueUnder } from '../../../lib/options/sla/issues';
import { listOf } from '../../../lib/options/sla/policy-draft';
import { Intent, Priority, Status } from '../../../lib/schema';
import { FieldIssue } from '../sla/FieldIssue';
import type { RuleRefs } from './use-rule-refs';

type Props = {
  row: ConditionDraft;
  index: number;
  refs: RuleRefs;
  issues: Issues;
  onChange: (row: ConditionDraft) => void;
  onRemove: () => void;
};

/** One test: a field, how it compares, and its values (typed, picked or a calendar). */
export function ConditionRow({ row, index, refs, issues, onChange, onRemove }: Props) {
  const id = useId();
  const spec = CONDITION_FIELDS[row.field];
  const issue = issueUnder(issues, `conditions.${index}`);
  const n = index + 1;
  const picks =
    spec.values === 'priority'
      ? Priority.options.map((p) => ({ value: p, label: p }))
      : spec.values === 'status'
        ? Status.options.map((s) => ({ value: s, label: s }))
        : spec.values === 'intent'
          ? Intent.options.map((i) => ({ value: i, label: i }))
          : spec.values === 'team'
            ? refs.teams.map((t) => ({ value: t.id, label: t.name }))
            : null;
  const chosen = listOf(row.values);
  const toggle = (value: string) =>
    onChange({
      ...row,
      values: (chosen.includes(value)
        ? chosen.filter((v) => v !== value)
        : [...chosen, value]
      ).join(', '),
    });
  return (
    <li className="card rule-row" data-testid="condition-row">
      <div className="row">
        <div>
          <label htmlFor={`${id}-field`}>Condition {n} field</label>
          <select
            id={`${id}-field`}
            value={row.field}
            onChange={(e) => onChange(withField(row, e.target.value as ConditionField))}
            data-testid="condition-field"
          >
            {CONDITION_FIELD_ORDER.map((f) => (
              <option key={f} value={f}>
                {CONDITION_FIELDS[f].label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-op`}>Condition {n} test</label>
          <select
            id={`${id}-op`}
            value={row.op}
            onChange={(e) => onChange({ ...row, op: e.target.value })}
            data-testid="condition-op"
          >
            {spec.ops.map((o) => (
              <option key={o.op} value={o.op}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {spec.values === 'calendar' && (
          <div>
            <label htmlFor={`${id}-calendar`}>Condition {n} calendar</label>
            <select
              id={`${id}-calendar`}
              value={row.calendarId}
              onChange={(e) => onChange({ ...row, calendarId: e.target.value })}
              aria-invalid={Boolean(issue)}
              aria-describedby={issue ? `${id}-issue` : undefined}
              data-testid="condition-calendar"
            >
              <option value="">Choose a calendar</option>
              {refs.calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {spec.values === 'typed' && (
        <div>
          <label htmlFor={`${id}-values`}>Condition {n} values</label>
          <input
            id={`${id}-values`}
            value={row.values}
            placeholder={spec.placeholder}
            onChange={(e) => onChange({ ...row, values: e.target.value })}
            aria-invalid={Boolean(issue)}
            aria-describedby={issue ? `${id}-issue` : `${id}-hint`}
            data-testid="condition-values"
          />
          <p className="muted hint" id={`${id}-hint`}>
            Separate entries with commas.
          </p>
          {chosen.length > 0 && (
            <ul className="chips" aria-label={`Condition ${n} values`}>
              {chosen.map((v) => (
                <li key={v}>
                  {v}
                  <button type="button" className="secondary" onClick={() => toggle(v)}>
                    <span aria-hidden="true">×</span>
                    <span className="sr-only">Remove {v}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {picks && (
        <fieldset className="plain" aria-describedby={issue ? `${id}-issue` : undefined}>
          <legend className="field-label">Condition {n} values</legend>
          {picks.length === 0 ? (
            <p className="muted">Nothing to choose from yet.</p>
          ) : (
            <div className="radio-row">
              {picks.map((p) => (
                <label key={p.value}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.value)}
                    onChange={() => toggle(p.value)}
                  />
                  {p.label}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
      <FieldIssue id={`${id}-issue`} text={issue} />
      <button type="button" className="secondary" onClick={onRemove}>
        Remove condition {n}
      </button>
    </li>
  );
}
