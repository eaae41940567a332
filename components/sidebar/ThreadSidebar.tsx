import { useState } from 'react';
import { PRIORITIES, type SidebarModel, STATUSES } from '../../lib/features/sidebar-model';
import type { MutationName } from '../../lib/schema/mutation';

export type Mutate = (name: MutationName, args: unknown) => Promise<string | null>;

export interface ThreadSidebarProps {
  /** null while the conversation is not in the cache yet. */
  model: SidebarModel | null;
  /** Why the sidebar cannot show the conversation (not signed in, page not read…). */
  problem: string | null;
  onTake(): Promise<string | null>;
  onUnassign(): Promise<string | null>;
  mutate: Mutate;
  onDismissNotice(): void;
}

/** The conversation's team state beside a Gmail thread; draws only what it is given. */
export function ThreadSidebar(props: ThreadSidebarProps) {
  const { model, problem } = props;
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<string | null>) => () => {
    void action().then(setError);
  };
  if (!model) {
    return (
      <section className="sidebar" data-testid="sidedesk-sidebar" aria-busy={!problem}>
        <p className={problem ? 'problem' : 'muted'} data-testid="sidebar-problem" role="status">
          {problem ?? 'Loading…'}
        </p>
      </section>
    );
  }
  const c = model.conversation;
  const set = (name: MutationName, args: Record<string, unknown>) =>
    run(() => props.mutate(name, { conversationId: c.id, ...args }));
  return (
    <section
      className="sidebar"
      data-testid="sidedesk-sidebar"
      data-conversation-id={c.id}
      aria-label="Sidedesk"
    >
      <dl className="row">
        <dt className="label">Assignee</dt>
        <dd data-testid="assignee">
          {model.assignee ? (
            <>
              <span className="avatar" aria-hidden="true">
                {model.assignee.initials}
              </span>
              {model.assignee.isMe ? `${model.assignee.name} (you)` : model.assignee.name}
            </>
          ) : (
            'Unassigned'
          )}
        </dd>
      </dl>
      <div className="actions">
        {model.canTake && (
          <button type="button" data-testid="take-button" onClick={run(props.onTake)}>
            Take
          </button>
        )}
        {model.canUnassign && (
          <button type="button" data-testid="unassign-button" onClick={run(props.onUnassign)}>
            Unassign
          </button>
        )}
      </div>
      <label className="row">
        <span className="label">Status</span>
        <select
          data-testid="status-select"
          value={c.status}
          onChange={(e) => set('conversation.setStatus', { status: e.target.value })()}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {c.status === 'snoozed' && <option value="snoozed">snoozed</option>}
        </select>
      </label>
      <label className="row">
        <span className="label">Priority</span>
        <select
          data-testid="priority-select"
          value={c.priority}
          onChange={(e) => set('conversation.setPriority', { priority: e.target.value })()}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <div className="row tags">
        <span className="label">Tags</span>
        <ul data-testid="tags">
          {c.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={set('conversation.removeTag', { tag })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {model.addableTags.length > 0 && (
          <select
            aria-label="Add a tag"
            data-testid="add-tag-select"
            value=""
            onChange={(e) => set('conversation.addTag', { tag: e.target.value })()}
          >
            <option value="">Add tag…</option>
            {model.addableTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </div>
      {model.notice && (
        <div className="notice" role="alert" data-testid="sync-notice">
          {model.notice}
          <button type="button" onClick={props.onDismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {error && (
        <p className="problem" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      <p className="muted" data-testid="sync-state" role="status">
        {model.sync}
      </p>
    </section>
  );
}
