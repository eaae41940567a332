import type { z } from 'zod';
import type { Conversation, Member, Priority, Role, Status } from '../schema';
import type { SyncNotice } from '../schema/messages';
import type { MutationArgs } from '../schema/mutation';
import { formatUntil } from './snooze-times';
import type { ThreadData } from './watch-thread';

/** Statuses the sidebar offers; choosing snoozed asks for a time first. */
export const STATUSES = [
  'open',
  'pending',
  'snoozed',
  'closed',
] as const satisfies readonly Status[];
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
  assign: AssignChoice;
  /** "Snoozed until Tue 1 Dec, 09:00" while snoozed. */
  snoozed: string | null;
  /** Tags the conversation could still get. */
  addableTags: string[];
  /** Why a new tag cannot be created here; null when it can (leads and admins). */
  createTagBlocked: string | null;
  sync: string;
  /** The latest change of this conversation the server refused ("Ana took this · 5 s ago"). */
  notice: string | null;
}

/** Whom the member picker offers, following the rules of `conversation.assign`. */
export interface AssignChoice {
  label: 'Assign…' | 'Reassign…';
  candidates: Member[];
  /** Why there are fewer candidates than members. */
  hint: string | null;
}

const manages = (role: Role | null) => role === 'lead' || role === 'admin';

function assignChoice(c: Conversation, me: Member | null, role: Role | null, members: Member[]) {
  const active = members.filter((m) => m.status === 'active');
  if (manages(role)) {
    return {
      label: c.assigneeId ? 'Reassign…' : 'Assign…',
      candidates: active.filter((m) => m.id !== c.assigneeId),
      hint: null,
    } satisfies AssignChoice;
  }
  const mine = c.assigneeId === null ? active.filter((m) => m.id === me?.id) : [];
  return {
    label: 'Assign…',
    candidates: mine,
    hint:
      c.assigneeId === null
        ? 'Agents assign only themselves; leads and admins assign others.'
        : 'Only leads and admins reassign a conversation someone holds.',
  } satisfies AssignChoice;
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
      conversation.assigneeId !== null &&
      (conversation.assigneeId === me?.id || manages(session.role)),
    assign: assignChoice(conversation, me, session.role, members),
    snoozed:
      conversation.status === 'snoozed' && conversation.snoozedUntil
        ? `Snoozed until ${formatUntil(conversation.snoozedUntil, new Date(now))}`
        : null,
    addableTags: tags
      .filter((t) => !t.archived && !conversation.tags.includes(t.name))
      .map((t) => t.name),
    createTagBlocked: manages(session.role)
      ? null
      : 'Only leads and admins create tags; pick an existing one.',
    sync: syncLine(session.sync.online, data.pending),
    notice: notice ? noticeLine(notice, now) : null,
  };
}

/** The sync state of this conversation: its own outbox entries, and the connection. */
function syncLine(online: boolean, pending: number): string {
  if (!online) return pending ? `Offline · ${pending} waiting` : 'Offline';
  return pending ? `Saving ${pending}…` : 'Saved';
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
  /** Leads and admins force a conversation someone holds: the UI called it "Reassign". */
  assign: (c: Conversation, to: Member, role: Role | null): Args<'conversation.assign'> => ({
    conversationId: c.id,
    assigneeId: to.id,
    expectedAssigneeId: c.assigneeId,
    force: manages(role) && c.assigneeId !== null,
  }),
  setStatus: (
    c: Conversation,
    status: Exclude<Status, 'snoozed'>,
  ): Args<'conversation.setStatus'> => ({
    conversationId: c.id,
    status,
    snoozedUntil: null,
  }),
  snooze: (c: Conversation, until: string): Args<'conversation.setStatus'> => ({
    conversationId: c.id,
    status: 'snoozed',
    snoozedUntil: until,
  }),
  note: (c: Conversation, id: string, body: string, mentions: string[]): Args<'note.add'> => ({
    id,
    conversationId: c.id,
    body,
    mentions,
  }),
};
