import { mountThreadSidebar } from '../../components/sidebar/mount';
import type { ThreadSidebarProps } from '../../components/sidebar/ThreadSidebar';
import type { CommandRequest, Outcome, SidebarActions } from '../../components/sidebar/types';
import type { MailHost, OpenedThread } from '../hosts/types';
import { MessageFailed } from '../messaging';
import { MARKS, markAfterPaint } from '../perf-marks';
import type { MutationName } from '../schema/mutation';
import type { PolicyClocks } from '../sla';
import type { Background } from './background';
import type { Commands } from './commands';
import { copilotPorts } from './copilot-ports';
import { customerOf, threadIdIn } from './customer';
import { insertIncidentReply } from './incident-reply';
import { errorMessage, type Feature } from './index';
import type { PageData } from './page-data';
import { insertRatingLink } from './rating-link';
import { readOnce } from './read-once';
import { actions, type SidebarModel, sidebarModel } from './sidebar-model';
import { sidebarPresence } from './sidebar-presence';
import { onlyTimePassed } from './sla-chip';
import { slaSection } from './sla-section';
import {
  type AutomationFacts,
  automationView,
  loadAutomationFacts,
  NO_AUTOMATION_FACTS,
} from './thread-automation';
import { extrasKey, loadExtras, NO_EXTRAS, type ThreadExtras } from './thread-extras';
import { type ThreadData, watchThread } from './watch-thread';

const PANEL = {
  title: 'Sidedesk',
  iconUrl: `data:image/svg+xml,${encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="3" y="4" width="18" height="16" rx="3" fill="#3c6e47"/><path d="M7 9h10M7 13h6" stroke="#fff" stroke-width="2"/></svg>',
  )}`,
};

/** What a person reads when the background cannot answer for this thread. */
export function problemOf(error: unknown): string {
  if (error instanceof MessageFailed && error.code === 'not_signed_in') {
    return 'Sign in from the Sidedesk button in the toolbar to see your team’s state here.';
  }
  return `Sidedesk cannot show this conversation: ${errorMessage(error)}`;
}

/** Why a thread that is not in the cache never will be, until the page is read again. */
export const unreadable = (message: string) =>
  `Sidedesk could not read this thread from the page, so it is not recorded (${message}). Reloading the page may help.`;

const SIDEBAR_COMMANDS = [
  'take',
  'close',
  'assign',
  'snooze',
  'tag',
] as const satisfies readonly CommandRequest['name'][];

interface SidebarState {
  data: ThreadData | null;
  problem: string | null;
  readProblem: string | null;
  extras: ThreadExtras;
  command: CommandRequest | null;
  /** The SLA policies' clocks, once read. */
  clocks: PolicyClocks | null;
  /** Open incidents and team names, from the API. */
  automation: AutomationFacts;
}

function showSidebar(
  host: MailHost,
  thread: OpenedThread,
  background: Background,
  page: PageData,
  commands: Commands,
  report: (e: unknown) => void,
) {
  const { draw, setTheme } = mountThreadSidebar(thread.mountSidebar(PANEL), thread.signal);
  // The panel sits in Gmail's frame (beside the mail), so it follows the frame's theme.
  host.onThemeChange((theme) => setTheme(theme.frame), thread.signal);
  const state: SidebarState = {
    data: null,
    problem: null,
    readProblem: null,
    extras: NO_EXTRAS,
    command: null,
    clocks: null,
    automation: NO_AUTOMATION_FACTS,
  };
  let model: SidebarModel | null = null;
  const presence = sidebarPresence(page.presence, host.mailbox, () => render(), thread.signal);
  const customer = () =>
    state.data?.conversation
      ? customerOf(state.data.conversation, state.data.members, host.mailbox)
      : null;

  const mutate = async (name: MutationName, args: unknown): Outcome => {
    try {
      const result = await background.send({ type: 'mutate', name, args });
      return result.ok ? null : result.message;
    } catch (error) {
      return problemOf(error);
    }
  };
  /** Runs `then` on the conversation shown, or says there is none yet. */
  const onShown = (then: (m: SidebarModel) => Outcome): Outcome =>
    model ? then(model) : Promise.resolve('This conversation is not loaded yet.');
  const copilot = copilotPorts(thread, mutate);
  const me = () => state.data?.session.member ?? null;
  const role = () => state.data?.session.role ?? null;

  const sidebarActions: SidebarActions = {
    take: () =>
      onShown((m) => {
        const self = me();
        return self
          ? mutate('conversation.assign', actions.take(m.conversation, self))
          : Promise.resolve(null);
      }),
    unassign: () =>
      onShown((m) => {
        const { assigneeId } = m.conversation;
        return assigneeId
          ? mutate('conversation.unassign', actions.unassign({ ...m.conversation, assigneeId }))
          : Promise.resolve(null);
      }),
    assign: (member) =>
      onShown((m) => mutate('conversation.assign', actions.assign(m.conversation, member, role()))),
    setStatus: (status) =>
      onShown((m) => mutate('conversation.setStatus', actions.setStatus(m.conversation, status))),
    snooze: (until) =>
      onShown((m) => mutate('conversation.setStatus', actions.snooze(m.conversation, until))),
    setPriority: (priority) =>
      onShown((m) =>
        mutate('conversation.setPriority', { conversationId: m.conversation.id, priority }),
      ),
    addTag: (tag) =>
      onShown((m) => mutate('conversation.addTag', { conversationId: m.conversation.id, tag })),
    removeTag: (tag) =>
      onShown((m) => mutate('conversation.removeTag', { conversationId: m.conversation.id, tag })),
    createTag: (name) =>
      onShown(async (m) => {
        try {
          const tag = await background.send({ type: 'createTag', name });
          return mutate('conversation.addTag', {
            conversationId: m.conversation.id,
            tag: tag.name,
          });
        } catch (error) {
          return `The tag "${name}" was not created: ${errorMessage(error)}`;
        }
      }),
    addNote: (body, mentions) =>
      onShown((m) =>
        mutate('note.add', actions.note(m.conversation, crypto.randomUUID(), body, mentions)),
      ),
    addRatingLink: () => onShown((m) => insertRatingLink(thread, background, m.conversation.id)),
    openConversation: async (conversation) => {
      const threadId = threadIdIn(conversation, host.host, host.mailbox);
      if (!threadId) {
        return `“${conversation.subject}” is not in this mailbox (${host.mailbox}): a teammate recorded it from theirs.`;
      }
      await host.openThread(threadId);
      return null;
    },
    escalate: (reason) =>
      onShown((m) =>
        mutate('conversation.escalate', { conversationId: m.conversation.id, reason }),
      ),
    insertIncidentReply: (templateId) =>
      onShown((m) =>
        insertIncidentReply(
          thread,
          background,
          host.mailbox,
          { conversation: m.conversation, members: state.data?.members ?? [], me: me() },
          templateId,
        ),
      ),
    dismissNotice: () => void background.send({ type: 'dismissNotices' }).catch(report),
  };

  const render = () => {
    const { data, clocks } = state;
    const now = Date.now();
    model = data && sidebarModel(data, now);
    const props: ThreadSidebarProps = {
      model,
      problem: state.problem ?? (model ? null : state.readProblem),
      members: data?.members ?? [],
      tags: data?.tags ?? [],
      me: me(),
      customer: customer(),
      extras: state.extras,
      sla: model && clocks ? slaSection(model.conversation, clocks, now) : null,
      command: state.command,
      actions: sidebarActions,
      now,
      copilot,
      presence: presence.view(data),
      automation:
        model &&
        automationView(model.conversation, state.automation, data?.members ?? [], me(), role()),
    };
    draw(props);
  };

  let shownKey = '';
  let extrasRun = 0;
  const refreshExtras = () => {
    const { data } = state;
    const conversation = data?.conversation;
    if (!data || !conversation) return;
    const key = extrasKey(conversation, data.pending, data.session.sync.online);
    if (key === shownKey) return;
    shownKey = key;
    const run = ++extrasRun;
    void loadExtras(background, conversation, customer()?.email ?? null).then((extras) => {
      // A slower, older read must not replace a newer one.
      if (run !== extrasRun || thread.signal.aborted) return;
      state.extras = extras;
      render();
    });
  };

  // The sidebar runs each command, so a shortcut's outcome shows where a click's would.
  for (const name of SIDEBAR_COMMANDS) {
    const run = () => {
      state.command = { name, seq: (state.command?.seq ?? 0) + 1 };
      render();
    };
    commands.register(name, run, thread.signal);
  }

  // Countdowns move with time (the background's SLA ticker) and with the policies.
  const loadClocks = () =>
    page.lists.sla().then((clocks) => {
      state.clocks = clocks;
      render();
    }, report);
  // Incidents and teams live on the API: read again after changes, but one read at a time
  // and at most one more after it, so a burst of changes costs the API two reads, not one
  // per change per open sidebar.
  let loading: Promise<void> | null = null;
  let again = false;
  const loadAutomation = (): void => {
    if (loading) {
      again = true;
      return;
    }
    loading = loadAutomationFacts(background)
      .then((facts) => {
        if (thread.signal.aborted) return;
        state.automation = facts;
        render();
      }, report)
      .finally(() => {
        loading = null;
        if (again && !thread.signal.aborted) {
          again = false;
          loadAutomation();
        }
      });
  };
  const unsubscribe = page.lists.subscribe((notice) => {
    if (notice.tables.includes('sla') || notice.tables.includes('session')) void loadClocks();
    else if (onlyTimePassed(notice) && state.data?.conversation?.sla) render();
    if (!onlyTimePassed(notice)) loadAutomation();
  });
  thread.signal.addEventListener('abort', unsubscribe, { once: true });
  void loadClocks();
  loadAutomation();

  watchThread(
    thread.ref,
    page.threads,
    page.lists,
    (next) => {
      state.data = next;
      state.problem = null;
      render();
      refreshExtras();
    },
    thread.signal,
  ).catch((error: unknown) => {
    state.problem = problemOf(error);
    render();
  });
  // A thread this page read before is drawn already; any other shows its loading state.
  if (!state.data) render();
  readOnce(thread).then((read) => {
    state.readProblem = read.ok ? null : unreadable(read.message);
    render();
  }, report);
}

export const threadSidebar: Feature = {
  name: 'thread-sidebar',
  init({ host, background, commands, page, signal, report }) {
    host.onThreadOpened((thread) => {
      performance.mark(MARKS.threadOpened);
      markAfterPaint(MARKS.threadFrame);
      if (!signal.aborted) showSidebar(host, thread, background, page, commands, report);
    }, signal);
  },
};
