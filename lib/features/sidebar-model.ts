import type { z } from 'zod';
import type { Conversation, Member, Priority, Status } from '../schema';
import type { SessionState, SyncNotice } from '../schema/messages';
import type { MutationArgs } from '../schema/mutation';
import type { ThreadData } from './watch-thread';

/** Statuses the sidebar offers; snoozing needs a time picker (not here yet). */
export const STATUSES = ['open', 'pending', 'closed'] as const satisfies readonly Status[];
export const PRIORITIES = [
  'urgent',
  'high',
  'normal',
  'low',
] as const satisfies readonly Priority[];

export interface SidebarModel {
  conversation: Conversation;
  assignee: { name: string; initials: string; isMe: boolean } | null;
  canTake: boolean;
  canUnassign: boolean;
  /** Tags the conversation could still get. */
  addableTags: string[];
  sync: string;
  /** The latest change of this conversation the server refused ("Ana took this · 5 s ago"). */
  notice: string | null;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words.at(-1) ?? '') : '';
  return (last ? `${first[0]}${last[0]}` : first.slice(0, 2)).toUpperCase() || '?';
}

export function sidebarModel(data: ThreadData, now: number): SidebarModel | null {
  const { conversation, members, tags, session } = data;
  if (!conversation) return null;
  const me = session.member;
  const holder = conversation.assigneeId
    ? members.find((m) => m.id === conversation.assigneeId)
    : undefined;
  const manages = session.role === 'lead' || session.role === 'admin';
  const notice = session.sync.notices.find((n) => n.conversationId === conversation.id);
  return {
    conversation,
    assignee: conversation.assigneeId
      ? {
          name: holder?.name ?? 'someone',
          initials: initials(holder?.name ?? '?'),
          isMe: conversation.assigneeId === me?.id,
        }
      : null,
    canTake: Boolean(me) && conversation.assigneeId === null,
    canUnassign:
      conversation.assigneeId !== null && (conversation.assigneeId === me?.id || manages),
    addableTags: tags
      .filter((t) => !t.archived && !conversation.tags.includes(t.name))
      .map((t) => t.name),
    sync: syncLine(session.sync),
    notice: notice ? noticeLine(notice, now) : null,
  };
}

function syncLine(sync: SessionState['sync']): string {
  if (!sync.online) return sync.pending ? `Offline · ${sync.pending} waiting` : 'Offline';
  return sync.pending ? `Saving ${sync.pending}…` : 'Saved';
}

export function noticeLine(notice: SyncNotice, now: number): string {
  if (!notice.at) return notice.message;
  const seconds = Math.max(0, Math.round((now - Date.parse(notice.at)) / 1000));
  const ago = seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return `${notice.message} ${ago} ago`;
}

type Args<N extends keyof typeof MutationArgs> = z.input<(typeof MutationArgs)[N]>;

/** The mutations the sidebar sends, built from what it showed (compare-and-set). */
export const actions = {
  take: (c: Conversation, me: Member): Args<'conversation.assign'> => ({
    conversationId: c.id,
    assigneeId: me.id,
    expectedAssigneeId: c.assigneeId,
  }),
  unassign: (c: Conversation & { assigneeId: string }): Args<'conversation.unassign'> => ({
    conversationId: c.id,
    expectedAssigneeId: c.assigneeId,
  }),
};
