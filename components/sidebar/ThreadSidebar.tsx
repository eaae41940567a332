import { useState } from 'react';
import { PRIORITIES, type SidebarModel, STATUSES } from '../../lib/features/sidebar-model';
import type { PresenceView } from '../../lib/features/sidebar-presence';
import type { SlaSectionModel } from '../../lib/features/sla-section';
import type { AutomationView } from '../../lib/features/thread-automation';
import type { ThreadExtras } from '../../lib/features/thread-extras';
import type { Member, Participant, Priority, Status, Tag } from '../../lib/schema';
import { AssigneePicker } from './AssigneePicker';
import { CopilotSection } from './CopilotSection';
import { CustomerHistory } from './CustomerHistory';
import type { CopilotPorts } from './copilot-types';
import { EscalationSection } from './EscalationSection';
import { IncidentBanner } from './IncidentBanner';
import { Notes } from './Notes';
import { PresenceSection } from './PresenceSection';
import { SlaSection } from './SlaSection';
import { SnoozePicker } from './SnoozePicker';
import { TagEditor } from './TagEditor';
import { Timeline } from './Timeline';
import type { CommandRequest, Run, SidebarActions } from './types';
import { useCommand } from './use-command';

export interface ThreadSidebarProps {
  /** null while the conversation is not in the cache yet. */
  model: SidebarModel | null;
  /** Why the sidebar cannot show the conversation (not signed in, page not read…). */
  problem: string | null;
  members: Member[];
  tags: Tag[];
  me: Member | null;
  customer: Participant | null;
  extras: ThreadExtras;
  /** The conversation's SLA countdowns; null when no policy applies. */
  sla: SlaSectionModel | null;
  /** The latest keyboard shortcut's command. */
  command: CommandRequest | null;
  actions: SidebarActions;
  now: number;
  /** The copilot's ways to the page and the worker; absent where there is no copilot. */
  copilot?: CopilotPorts;
  /** Who else is on the conversation; absent where there is no realtime presence. */
  presence?: PresenceView | null;
  /** Team, followers, escalation and the open incident; null until the conversation shows. */
  automation: AutomationView | null;
}

/** The conversation's team state beside a Gmail thread; draws only what it is given. */
export function ThreadSidebar(props: ThreadSidebarProps) {
  const { model, problem, actions, command, now } = props;
  const [error, setError] = useState<string | null>(null);
  const [snoozing, setSnoozing] = useState(false);
  const run: Run = (action) => {
    setError(null);
    void action().then(setError);
  };
  useCommand(command, 'snooze', () => setSnoozing(true));
  useCommand(command, 'take', () => run(actions.take));
  useCommand(command, 'close', () => run(() => actions.setStatus('closed')));
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
  const onStatus = (status: Status) => {
    if (status === 'snoozed') setSnoozing(true);
    else run(() => actions.setStatus(status));
  };
  return (
    <section
      className="sidebar"
      data-testid="sidedesk-sidebar"
      data-conversation-id={c.id}
      aria-label="Sidedesk"
    >
      {props.automation?.incident && (
        <IncidentBanner
          incident={props.automation.incident}
          insertReply={actions.insertIncidentReply}
          run={run}
        />
      )}
      {props.presence && <PresenceSection view={props.presence} />}
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
          <button type="button" data-testid="take-button" onClick={() => run(actions.take)}>
            Take
          </button>
        )}
        {model.canUnassign && (
          <button type="button" data-testid="unassign-button" onClick={() => run(actions.unassign)}>
            Unassign
          </button>
        )}
        <AssigneePicker choice={model.assign} assign={actions.assign} run={run} command={command} />
      </div>
      {props.automation && (
        <EscalationSection view={props.automation} escalate={actions.escalate} run={run} />
      )}
      <label className="row">
        <span className="label">Status</span>
        <select
          data-testid="status-select"
          value={c.status}
          onChange={(e) => onStatus(e.target.value as Status)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'snoozed' ? 'snoozed…' : s}
            </option>
          ))}
        </select>
      </label>
      {model.snoozed && (
        <p className="muted" data-testid="snoozed-until">
          {model.snoozed}
        </p>
      )}
      {snoozing && (
        <SnoozePicker snooze={actions.snooze} run={run} onClose={() => setSnoozing(false)} />
      )}
      <label className="row">
        <span className="label">Priority</span>
        <select
          data-testid="priority-select"
          value={c.priority}
          onChange={(e) => run(() => actions.setPriority(e.target.value as Priority))}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {props.sla && <SlaSection sla={props.sla} />}
      <TagEditor
        tags={c.tags}
        addable={model.addableTags}
        all={props.tags}
        createBlocked={model.createTagBlocked}
        actions={actions}
        run={run}
        command={command}
      />
      {model.notice && (
        <div className="notice" role="alert" data-testid="sync-notice">
          {model.notice}
          <button type="button" onClick={actions.dismissNotice}>
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
      <div className="actions">
        <button
          type="button"
          data-testid="rating-link-button"
          title="Insert “How did we do? 👍 / 👎” into the reply, each a link that records the answer"
          onClick={() => run(actions.addRatingLink)}
        >
          Add rating link
        </button>
      </div>
      {props.copilot && <CopilotSection ports={props.copilot} conversation={c} actions={actions} />}
      <Notes
        notes={props.extras.notes}
        members={props.members}
        me={props.me}
        addNote={actions.addNote}
        run={run}
        now={now}
      />
      <Timeline events={props.extras.events} members={props.members} now={now} />
      <CustomerHistory
        customer={props.customer}
        history={props.extras.history}
        open={actions.openConversation}
        run={run}
        now={now}
      />
    </section>
  );
}
