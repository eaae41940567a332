import { z } from 'zod';
import { Email, Host, Id, Instant, Version } from './common';
import { Priority, Status, TagName } from './conversation-fields';
import { SlaState } from './sla';

export { Priority, Status, TagName };

/**
 * How a conversation is recognised across agents (DESIGN.md §4): the RFC 5322 Message-ID
 * of its first message when the headers can be read, else the host thread id within the
 * mailbox that saw it.
 */
export const ConversationKey = z.union([
  z.string().regex(/^msgid:<[^<>\s]{1,990}>$/, 'expected msgid:<local@domain>'),
  z
    .string()
    .regex(
      /^thread:(gmail|outlook):[^\s:]{1,320}:[^\s]{1,512}$/,
      'expected thread:host:mailbox:id',
    ),
]);
export type ConversationKey = z.infer<typeof ConversationKey>;

/** One member's view of the conversation in their own mailbox. */
export const ThreadRef = z.object({
  host: Host,
  /** The address of the mailbox the thread lives in (the signed-in account). */
  mailbox: Email,
  threadId: z.string().min(1).max(512),
});
export type ThreadRef = z.infer<typeof ThreadRef>;

export const Participant = z.object({
  email: Email,
  name: z.string().max(200).nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const Conversation = z.object({
  id: z.string().min(1).max(64),
  key: ConversationKey,
  host: Host,
  refs: z.array(ThreadRef).max(200),
  subject: z.string().max(998),
  participants: z.array(Participant).max(100),
  firstMessageAt: Instant.nullable(),
  lastMessageAt: Instant.nullable(),
  status: Status,
  snoozedUntil: Instant.nullable(),
  priority: Priority,
  assigneeId: Id.nullable(),
  tags: z.array(TagName).max(50),
  /** When the next SLA target falls due: `sla.dueAt`, indexed. */
  dueAt: Instant.nullable(),
  /**
   * The API's SLA evaluation at the conversation's last change; null when no policy
   * applies. Its `usedMs`/`remainingMs` are as of that change. Defaults for records cached
   * before SLA existed.
   */
  sla: SlaState.nullable().default(null),
  /** Who sent the newest message, once a page has shown it; null while unknown. */
  lastMessageFrom: Email.nullable().default(null),
  /** The team that owns it (routing, escalation tiers); null: the shared queue. */
  teamId: Id.nullable().default(null),
  /** Members who follow it without owning it: previous owners after an escalation. */
  followers: z.array(Id).max(100).default([]),
  /** A policy an automation applied, overriding policy matching; null: matching decides. */
  slaPolicyId: Id.nullable().default(null),
  createdAt: Instant,
  updatedAt: Instant,
  version: Version,
});
export type Conversation = z.infer<typeof Conversation>;

/** The part of a conversation a host page can read: metadata only, never bodies. */
export const ConversationMeta = z.object({
  key: ConversationKey,
  host: Host,
  ref: ThreadRef,
  subject: z.string().max(998),
  participants: z.array(Participant).max(100),
  firstMessageAt: Instant.nullable(),
  lastMessageAt: Instant.nullable(),
  /** The sender of the newest message, when the page shows it (older clients leave it out). */
  lastMessageFrom: Email.nullable().optional(),
});
export type ConversationMeta = z.infer<typeof ConversationMeta>;
