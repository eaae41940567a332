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

/** Changes come in bursts (a pull of 100): the rows they touch are looked up together. */
const BATCH_MS = 16;
/** The most refs one lookup carries (the message's limit). */
const BATCH_SIZE = 500;

interface RowState {
  conversationId: string | null;
  /** The chips the row shows, serialised: unchanged chips are not redrawn. */
  shown: string | null;
}

export const rowChips: Feature = {
  name: 'row-chips',
  init({ host, background, signal, report }) {
    const { send } = background;
    const rows = new Map<ThreadRow, RowState>();
    const dirty = new Set<ThreadRow>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let members: Promise<Member[]> | null = null;
    let tags: Promise<Tag[]> | null = null;

    const redraw = async (batch: ThreadRow[]) => {
      members ??= send({ type: 'listMembers' });
      tags ??= send({ type: 'listTags' });
      const [found, memberList, tagList] = await Promise.all([
        send({ type: 'getConversationsByRefs', refs: batch.map((row) => row.ref) }),
        members,
        tags,
      ]);
      batch.forEach((row, i) => {
        const state = rows.get(row);
        if (!state || row.signal.aborted) return;
        const conversation = found[i] ?? null;
        state.conversationId = conversation?.id ?? null;
        const chips = chipsFor(conversation, memberList, tagList);
        const shown = JSON.stringify(chips);
        if (shown === state.shown) return;
        state.shown = shown;
        row.setChips(chips);
      });
    };
    const flush = () => {
      timer = null;
      const pending = [...dirty].filter((row) => rows.has(row));
      dirty.clear();
      for (let i = 0; i < pending.length; i += BATCH_SIZE) {
        redraw(pending.slice(i, i + BATCH_SIZE)).catch(report);
      }
    };
    const mark = (row: ThreadRow) => {
      dirty.add(row);
      timer ??= setTimeout(flush, BATCH_MS);
    };

    const unsubscribe = background.subscribe((notice) => {
      if (notice.tables.includes('members')) members = null;
      if (notice.tables.includes('tags')) tags = null;
      for (const [row, state] of rows) if (concerns(notice, state.conversationId)) mark(row);
    });
    signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      },
      { once: true },
    );
    host.onThreadRow((row) => {
      rows.set(row, { conversationId: null, shown: null });
      row.signal.addEventListener('abort', () => rows.delete(row), { once: true });
      mark(row);
    }, signal);
  },
};
