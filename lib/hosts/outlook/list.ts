import type { ThreadRef } from '../../schema';
import type { RowChip, ThreadRow } from '../types';
import { buildRowMeta } from './conversation-meta';
import { drawChips, type RowView, readRow } from './row';
import { ROW } from './selectors';
import { onDomChange } from './watch';

export interface PageContext {
  doc: Document;
  /** The mailbox the page shows now; null while it cannot be told. */
  mailbox(): string | null;
  /** The page's language, for its dates. */
  lang(): string;
}

interface Tracked {
  row: ThreadRow;
  /** The row's facts as last read: when they change, the row is announced anew. */
  seen: string;
  readonly chips: readonly RowChip[];
  /** The nodes that showed it at the last scan (a re-render's new ones get the next scan). */
  nodes: readonly Element[];
  controller: AbortController;
}

/**
 * Announces each conversation of the list once while it stays listed. Outlook's list is
 * virtual and React may replace a row's node on any re-render (selection, read state,
 * hover), so a row is tracked by its conversation id, not its node: it lives while some
 * node with that id is listed, its chips follow it onto new nodes, and its signal aborts
 * when the id leaves the list (scrolled out, folder changed) or its facts change (a new
 * message), when it is announced again.
 */
export function watchRows(
  page: PageContext,
  handler: (row: ThreadRow) => void,
  signal: AbortSignal,
) {
  const tracked = new Map<string, Tracked>();
  const scan = () => {
    const mailbox = page.mailbox();
    const listed = new Map<string, { view: RowView; nodes: Element[] }>();
    if (mailbox) {
      for (const node of page.doc.querySelectorAll(ROW)) {
        const view = readRow(node, page.lang());
        if (!view) continue;
        const entry = listed.get(view.threadId);
        if (entry) entry.nodes.push(node);
        else listed.set(view.threadId, { view, nodes: [node] });
      }
    }
    // A row whose facts changed keeps its chips until the features redraw them.
    const carried = new Map<string, readonly RowChip[]>();
    for (const [id, entry] of tracked) {
      const now = listed.get(id);
      if (!now || entry.row.ref.mailbox !== mailbox || entry.seen !== facts(now.view)) {
        entry.controller.abort();
        tracked.delete(id);
        if (now) carried.set(id, entry.chips);
      }
    }
    if (!mailbox) return;
    for (const [id, { view, nodes }] of listed) {
      let entry = tracked.get(id);
      if (!entry) {
        entry = track(view, { host: 'outlook', mailbox, threadId: id }, carried.get(id) ?? []);
        tracked.set(id, entry);
        handler(entry.row);
      }
      entry.nodes = nodes;
      for (const node of nodes) drawChips(node, entry.chips);
    }
  };
  const track = (view: RowView, ref: ThreadRef, chips: readonly RowChip[]): Tracked => {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    const state: { chips: readonly RowChip[]; nodes: readonly Element[] } = { chips, nodes: [] };
    const row: ThreadRow = {
      ref,
      subject: view.subject,
      participants: view.participants,
      lastMessageAt: view.lastMessageAt,
      read: async () => buildRowMeta({ ref, ...view }),
      setChips(chips) {
        if (controller.signal.aborted) return;
        state.chips = chips;
        // The nodes the last scan found, not a search of the list: a burst of changes
        // redraws every row, and a search per row made that quadratic.
        for (const node of state.nodes) if (node.isConnected) drawChips(node, chips);
      },
      signal: controller.signal,
    };
    return {
      row,
      seen: facts(view),
      get chips() {
        return state.chips;
      },
      get nodes() {
        return state.nodes;
      },
      set nodes(nodes) {
        state.nodes = nodes;
      },
      controller,
    };
  };
  onDomChange(page.doc.body, scan, signal);
  scan();
}

const facts = (view: RowView) =>
  JSON.stringify([view.subject, view.participants, view.lastMessageAt]);
