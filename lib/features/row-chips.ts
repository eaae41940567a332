import type { RowChip, ThreadRow } from '../hosts/types';
import type { Conversation, Member, Status } from '../schema';
import type { ChangeNotice } from '../schema/messages';
import type { Feature } from './index';
import { initials } from './sidebar-model';

const STATUS_COLOURS: Record<Status, Pick<RowChip, 'foreground' | 'background'>> = {
  open: { foreground: '#0b5394', background: '#d8e7fb' },
  pending: { foreground: '#7a4b00', background: '#fdefc8' },
  snoozed: { foreground: '#5b3b8c', background: '#eadff8' },
  closed: { foreground: '#3c4043', background: '#e3e3e3' },
};
const ASSIGNEE = { foreground: '#ffffff', background: '#3c6e47' };

/** Assignee initials (when assigned) and status: what a row shows of its conversation. */
export function chipsFor(conversation: Conversation | null, members: Member[]): RowChip[] {
  if (!conversation) return [];
  const chips: RowChip[] = [];
  if (conversation.assigneeId) {
    const holder = members.find((m) => m.id === conversation.assigneeId);
    chips.push({ text: initials(holder?.name ?? '?'), ...ASSIGNEE });
  }
  chips.push({ text: conversation.status, ...STATUS_COLOURS[conversation.status] });
  return chips;
}

/** Whether a notice may concern a row last seen showing `conversationId` (null: none yet). */
export function concerns(notice: ChangeNotice, conversationId: string | null): boolean {
  if (notice.tables.includes('conversations') || notice.tables.includes('members')) return true;
  return conversationId === null || notice.conversationIds.includes(conversationId);
}

export const rowChips: Feature = {
  name: 'row-chips',
  init({ host, background, signal, report }) {
    const { send } = background;
    const rows = new Map<ThreadRow, string | null>();
    let members: Promise<Member[]> | null = null;
    const refresh = async (row: ThreadRow) => {
      members ??= send({ type: 'listMembers' });
      const conversation = await send({ type: 'getConversation', by: { ref: row.ref } });
      if (row.signal.aborted || !rows.has(row)) return;
      rows.set(row, conversation?.id ?? null);
      row.setChips(chipsFor(conversation, await members));
    };
    const unsubscribe = background.subscribe((notice) => {
      if (notice.tables.includes('members')) members = null;
      for (const [row, id] of rows) if (concerns(notice, id)) refresh(row).catch(report);
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
    host.onThreadRow((row) => {
      rows.set(row, null);
      row.signal.addEventListener('abort', () => rows.delete(row), { once: true });
      refresh(row).catch(report);
    }, signal);
  },
};
