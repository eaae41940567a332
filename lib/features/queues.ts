import { mountQueueList } from '../../components/queues/mount';
import type { MailHost, QueueView } from '../hosts/types';
import type { ChangeNotice } from '../schema/messages';
import type { Background } from './background';
import type { Feature } from './index';
import type { PageLists } from './page-lists';
import { emptyText, type QueueRow, queueNavItems, queueRows, queueTitle } from './queue-model';
import { problemOf } from './thread-sidebar';

const LIMIT = 200;

/**
 * Draws a queue page from the cache, and again after every change the background announces,
 * the SLA clock's ticks included: what is breaching changes with time alone.
 */
function showQueue(
  host: MailHost,
  view: QueueView,
  background: Background,
  lists: PageLists,
  report: (error: unknown) => void,
) {
  const { draw, setTheme } = mountQueueList(view.element, view.signal);
  host.onThemeChange((theme) => setTheme(theme.content), view.signal);
  let rows: QueueRow[] | null = null;
  let problem: string | null = null;
  const render = () =>
    draw({
      title: queueTitle(view.queue),
      rows,
      empty: emptyText(view.queue),
      problem,
      onOpen: (threadId) => void host.openThread(threadId).catch(report),
    });
  let latest = 0;
  const load = async () => {
    const run = ++latest;
    try {
      const [conversations, members, clocks] = await Promise.all([
        background.send({ type: 'listConversations', queue: view.queue, limit: LIMIT }),
        background.send({ type: 'listMembers' }),
        lists.sla(),
      ]);
      if (run !== latest) return;
      rows = queueRows(conversations, members, host, Date.now(), clocks);
      problem = null;
    } catch (error) {
      if (run !== latest) return;
      problem = problemOf(error);
    }
    render();
  };
  render();
  void load();
  const unsubscribe = lists.subscribe(() => void load());
  view.signal.addEventListener('abort', unsubscribe, { once: true });
}

const touchesTags = (notice: ChangeNotice) =>
  notice.tables.includes('tags') || notice.tables.includes('session');

/** Queue links in the host's navigation (one per tag, kept current) and the queue pages. */
export const queues: Feature = {
  name: 'queues',
  init({ host, background, page, signal, report }) {
    const nav = host.addQueueNav('Sidedesk', queueNavItems([]), signal);
    const loadTags = () =>
      background
        .send({ type: 'listTags' })
        .then((tags) => nav.setItems(queueNavItems(tags)), report);
    void loadTags();
    const unsubscribe = background.subscribe((notice) => {
      if (touchesTags(notice)) void loadTags();
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
    host.onQueueShown((view) => {
      if (!signal.aborted) showQueue(host, view, background, page.lists, report);
    }, signal);
  },
};
