import { customerOf } from '../features/customer';
import type { Conversation, Member, Participant } from '../schema';
import type { VariableSource } from './variables';

export interface DraftFacts {
  /** The conversation a reply belongs to, as cached; null for a new message or an unknown thread. */
  conversation: Conversation | null;
  members: readonly Member[];
  me: Member | null;
  mailbox: string;
  /** The To line of the draft. */
  recipients: readonly Participant[];
}

/**
 * The customer is the conversation's first participant outside the team; a new message
 * has none, so its first typed recipient outside the team stands in.
 */
export function variableSource({
  conversation,
  members,
  me,
  mailbox,
  recipients,
}: DraftFacts): VariableSource {
  const customer = customerOf(conversation ?? { participants: [...recipients] }, members, mailbox);
  return {
    customer,
    agent: me && { name: me.name },
    conversation: conversation && {
      subject: conversation.subject,
      status: conversation.status,
      priority: conversation.priority,
    },
  };
}
