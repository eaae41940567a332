import type { RowChip, ThreadRow } from '../hosts/types';
import type { Conversation, Member, Status, Tag } from '../schema';
import type { ChangeNotice } from '../schema/messages';
import type { Feature } from './index';
import { presenceChip } from './presence-line';
import { readableTextOn } from './readable-text';
import { initials } from './sidebar-model';
import { onlyTimePassed, slaChip } from './sla-chip';

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

/**
 * Who else is on it (when anyone is), assignee initials (when assigned), status, the most
 * urgent SLA countdown and tags: what a row shows of its conversation.
 */
export function chipsFor(
  conversation: Conversation | null,
  members: Member[],
  tags: Tag[] = [],
  sla: RowChip | null = null,
  presence: RowChip | null = null,
): RowChip[] {
  if (!conversation) return [];
  const chips: RowChip[] = presence ? [presence] : [];
  if (conversation.assigneeId) {
    const holder = members.find((m) => m.id === conversation.assigneeId);
    chips.push({ text: initials(holder?.name ?? '?'), ...ASSIGNEE });
  }
  chips.push({ text: conversation.status, ...STATUS_COLOURS[conversation.status] });
  if (sla) chips.push(sla);
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
  if (onlyTimePassed(notice)) return false;
  const everyRow = ['conversations', 'members', 'tags'] as const;
  if (everyRow.some((table) => notice.tables.includes(table))) return true;
  return conversationId === null || notice.conversationIds.includes(conversationId);
}

/** Whether only the row's SLA countdown may read differently: redrawn without a lookup. */
const countdownMoved = (notice: ChangeNotice) =>
  notice.tables.includes('clock') || notice.tables.includes('sla');

interface RowState {
  /** The conversation it showed last; null while unknown or not recorded. */
  conversation: Conversation | null;
  /** Its chips serialised: unchanged ones are not redrawn. */
  shown: string | null;
}

export const rowChips: Feature = {
  name: 'row-chips',
  init({ host, page, signal, report }) {
    const { lookup, lists } = page;
    const rows = new Map<ThreadRow, RowState>();
    const draw = async (row: ThreadRow, state: RowState) => {
      const [members, tags, clocks] = await Promise.all([
        lists.members(),
        lists.tags(),
        lists.sla(),
      ]);
      if (rows.get(row) !== state || row.signal.aborted) return;
      const { conversation } = state;
      const sla = conversation && slaChip(conversation, clocks, Date.now());
      const present = conversation && presenceChip(page.presence.others(conversation.id), members);
      const chips = chipsFor(conversation, members, tags, sla, present);
      const shown = JSON.stringify(chips);
      if (shown === state.shown) return;
      state.shown = shown;
      row.setChips(chips);
    };
    const refresh = async (row: ThreadRow) => {
      const conversation = await lookup(row.ref);
      const state = rows.get(row);
      if (!state || row.signal.aborted) return;
      state.conversation = conversation;
      await draw(row, state);
    };
    const unsubscribe = lists.subscribe((notice) => {
      for (const [row, state] of rows) {
        if (concerns(notice, state.conversation?.id ?? null)) refresh(row).catch(report);
        else if (countdownMoved(notice) && state.conversation?.sla) draw(row, state).catch(report);
      }
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
    const unheard = page.presence.subscribe((ids) => {
      for (const [row, state] of rows) {
        const id = state.conversation?.id;
        if (id && (ids === null || ids.includes(id))) draw(row, state).catch(report);
      }
    });
    signal.addEventListener('abort', unheard, { once: true });
    host.onThreadRow((row) => {
      rows.set(row, { conversation: null, shown: null });
      row.signal.addEventListener('abort', () => rows.delete(row), { once: true });
      refresh(row).catch(report);
    }, signal);
  },
};
