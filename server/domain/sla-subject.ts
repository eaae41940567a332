import type { Conversation, SlaSubject } from '../../lib/schema';

/** The workspace's own addresses: a message from one of them is the team's. */
export type Team = {
  /** Every member's address and every shared mailbox. */
  addresses: ReadonlySet<string>;
  /** The shared mailboxes of the workspace settings. */
  mailboxes: ReadonlySet<string>;
};

export function teamOf(memberEmails: readonly string[], mailboxes: readonly string[]): Team {
  const shared = new Set(mailboxes.map((m) => m.toLowerCase()));
  return {
    addresses: new Set([...memberEmails.map((e) => e.toLowerCase()), ...shared]),
    mailboxes: shared,
  };
}

/**
 * What policy matching reads of a conversation. Its mailboxes are those its threads live
 * in and the shared mailboxes among its participants: a customer who wrote to a group
 * address that forwards to each agent reached that address, not the agent's own. The
 * customer is the first participant outside the team. No source of segments exists yet.
 */
export function slaSubject(conversation: Conversation, team: Team): SlaSubject {
  const shared = conversation.participants
    .map((p) => p.email)
    .filter((email) => team.mailboxes.has(email));
  const customer = conversation.participants.find((p) => !team.addresses.has(p.email));
  return {
    priority: conversation.priority,
    tags: conversation.tags,
    mailboxes: [...new Set([...conversation.refs.map((r) => r.mailbox), ...shared])],
    customerDomain: customer ? (customer.email.split('@')[1] ?? null) : null,
    segments: [],
  };
}
