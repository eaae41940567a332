import type { Conversation, Member, Participant } from '../schema';

/** The first participant who is not on the team (nor the mailbox the page belongs to). */
export function customerOf(
  conversation: Pick<Conversation, 'participants'>,
  members: readonly Pick<Member, 'email'>[],
  mailbox: string,
): Participant | null {
  const ours = new Set([mailbox, ...members.map((m) => m.email)].map((e) => e.toLowerCase()));
  return conversation.participants.find((p) => !ours.has(p.email.toLowerCase())) ?? null;
}

/** The thread id of the conversation in this mailbox, if its owner has a copy of it. */
export function threadIdIn(
  conversation: Pick<Conversation, 'refs'>,
  host: Conversation['host'],
  mailbox: string,
): string | null {
  const ref = conversation.refs.find(
    (r) => r.host === host && r.mailbox.toLowerCase() === mailbox.toLowerCase(),
  );
  return ref?.threadId ?? null;
}
