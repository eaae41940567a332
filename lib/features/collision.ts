import type { Conversation, Member, PresenceEntry } from '../schema';
import { listNames } from './presence-line';

/** One of my reply drafts on a conversation, as it stood when I opened it. */
export interface MyReply {
  /** The conversation's newest message when the draft opened (null: unknown). */
  lastMessageAt: string | null;
  /** A send was held once to show the warning: the next one goes. */
  held: boolean;
}

export interface CollisionInput {
  reply: MyReply | null;
  /** Others on the conversation now (never me). */
  others: PresenceEntry[];
  conversation: Conversation | null;
  members: Member[];
  me: Member | null;
  /** This page's mailbox: a message from it is the team's. */
  mailbox: string;
}

/**
 * Why my reply may collide with someone else's, while I have one open: another member is
 * replying now, or a reply from the team (another member, or the shared mailbox) landed
 * after I started mine. Null when nothing collides.
 */
export function collisionWarning(input: CollisionInput): string | null {
  const { reply, others, members } = input;
  if (!reply) return null;
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? 'A teammate';
  const replying = others.filter((e) => e.state === 'replying').map((e) => nameOf(e.memberId));
  const held = reply.held ? ' Your send was held: send again to send anyway.' : '';
  if (replying.length > 0) {
    const verb = replying.length === 1 ? 'is' : 'are';
    return `${listNames(replying)} ${verb} replying to this conversation too.${held}`;
  }
  const repliedBy = teamReplySince(input);
  return repliedBy ? `${repliedBy} replied since you started writing.${held}` : null;
}

/** Who on the team wrote the conversation's newest message after my draft opened. */
function teamReplySince({ reply, conversation, members, me, mailbox }: CollisionInput) {
  const from = conversation?.lastMessageFrom?.toLowerCase();
  const at = conversation?.lastMessageAt;
  if (!reply || !from || !at) return null;
  if (reply.lastMessageAt !== null && Date.parse(at) <= Date.parse(reply.lastMessageAt))
    return null;
  if (from === me?.email.toLowerCase()) return null;
  const member = members.find((m) => m.email.toLowerCase() === from);
  if (member) return member.name;
  return from === mailbox.toLowerCase() ? from : null;
}
