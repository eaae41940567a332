import { mountThreadSidebar } from '../../components/sidebar/mount';
import type { Mutate, ThreadSidebarProps } from '../../components/sidebar/ThreadSidebar';
import type { MailHost, OpenedThread } from '../hosts/types';
import { MessageFailed } from '../messaging';
import type { Background } from './background';
import { errorMessage, type Feature } from './index';
import { actions, sidebarModel } from './sidebar-model';
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

function showSidebar(
  host: MailHost,
  thread: OpenedThread,
  background: Background,
  report: (e: unknown) => void,
) {
  const { draw, setTheme } = mountThreadSidebar(thread.mountSidebar(PANEL), thread.signal);
  // The panel sits in Gmail's frame (beside the mail), so it follows the frame's theme.
  host.onThemeChange((theme) => setTheme(theme.frame), thread.signal);
  let data: ThreadData | null = null;
  let problem: string | null = null;
  const mutate: Mutate = async (name, args) => {
    try {
      const result = await background.send({ type: 'mutate', name, args });
      return result.ok ? null : result.message;
    } catch (error) {
      return problemOf(error);
    }
  };
  const render = () => {
    const model = data && sidebarModel(data, Date.now());
    const me = data?.session.member;
    const props: ThreadSidebarProps = {
      model,
      problem,
      onTake: async () =>
        model && me ? mutate('conversation.assign', actions.take(model.conversation, me)) : null,
      onUnassign: async () => {
        const c = model?.conversation;
        return c?.assigneeId
          ? mutate('conversation.unassign', actions.unassign({ ...c, assigneeId: c.assigneeId }))
          : null;
      },
      mutate,
      onDismissNotice: () => void background.send({ type: 'dismissNotices' }).catch(report),
    };
    draw(props);
  };
  render();
  watchThread(
    thread.ref,
    background,
    (next) => {
      data = next;
      problem = null;
      render();
    },
    thread.signal,
  ).catch((error: unknown) => {
    problem = problemOf(error);
    render();
  });
}

export const threadSidebar: Feature = {
  name: 'thread-sidebar',
  init({ host, background, signal, report }) {
    host.onThreadOpened((thread) => {
      if (!signal.aborted) showSidebar(host, thread, background, report);
    }, signal);
  },
};
