import type { RowChip, ThreadRow } from '../hosts/types';
import type { Conversation, Member, Status, Tag } from '../schema';
import type { ChangeNotice } from '../schema/messages';
import type { Feature } from './index';
import { readableTextOn } from './readable-text';
import { initials } from './sidebar-model';

const STATUS_COLOURS: Record<Status, Pick<RowChip, 'foreground' | 'background'>> = {
  open: { foreground: '#0b5394', background: '#d8e7fb' },
  pending: { foreground: '#7a4b00', background: '#fdefc8' },
  snoozed: { foreground: '#5b3b8c', background: '#eadff8' },
  closed: { foreground: '#3c4043', background: '#e3e3e3' },
};
const ASSIGNEE = { foreground: '#ffffff', background: '#3c6e47' };
const UNKNOWN_TAG = '#6b7280';
/** Gmail's row has room for a few labels; the rest are counted. */
const MAX_TAG_CHIPS = 3;

/** Assignee initials (when assigned), status and tags: what a row shows of its conversation. */
export function chipsFor(
  conversation: Conversation | null,
  members: Member[],
  tags: Tag[] = [],
): RowChip[] {
  if (!conversation) return [];
  const chips: RowChip[] = [];
  if (conversation.assigneeId) {
    const holder = members.find((m) => m.id === conversation.assigneeId);
    chips.push({ text: initials(holder?.name ?? '?'), ...ASSIGNEE });
  }
  chips.push({ text: conversation.status, ...STATUS_COLOURS[conversation.status] });
  const colours = new Map(tags.map((t) => [t.name, t.color]));
  for (const name of conversation.tags.slice(0, MAX_TAG_CHIPS)) {
    const background = colours.get(name) ?? UNKNOWN_TAG;
    chips.push({ text: name, background, foreground: readableTextOn(background) });
  }
  const more = conversation.tags.length - MAX_TAG_CHIPS;
  const foreground = readableTextOn(UNKNOWN_TAG);
  if (more > 0) chips.push({ text: `+${more}`, background: UNKNOWN_TAG, foreground });
  return chips;
}

/** Whether a notice may concern a row last seen showing `conversationId` (null: none yet). */
export function concerns(notice: ChangeNotice, conversationId: string | null): boolean {
  const everyRow = ['conversations', 'members', 'tags'] as const;
  if (everyRow.some((table) => notice.tables.includes(table))) return true;
  return conversationId === null || notice.conversationIds.includes(conversationId);
}

export const rowChips: Feature = {
  name: 'row-chips',
  init({ host, page, signal, report }) {
    const { lookup, lists } = page;
    /** Per row: the conversation it showed last, and its chips serialised (unchanged ones are not redrawn). */
    const rows = new Map<ThreadRow, { conversationId: string | null; shown: string | null }>();
    const refresh = async (row: ThreadRow) => {
      const [conversation, members, tags] = await Promise.all([
        lookup(row.ref),
        lists.members(),
        lists.tags(),
      ]);
      const state = rows.get(row);
      if (!state || row.signal.aborted) return;
      state.conversationId = conversation?.id ?? null;
      const chips = chipsFor(conversation, members, tags);
      const shown = JSON.stringify(chips);
      if (shown === state.shown) return;
      state.shown = shown;
      row.setChips(chips);
    };
    const unsubscribe = lists.subscribe((notice) => {
      for (const [row, state] of rows) {
        if (concerns(notice, state.conversationId)) refresh(row).catch(report);
      }
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
    host.onThreadRow((row) => {
      rows.set(row, { conversationId: null, shown: null });
      row.signal.addEventListener('abort', () => rows.delete(row), { once: true });
      refresh(row).catch(report);
    }, signal);
  },
};
