import { z } from 'zod';
import { Email, Host, Id, Instant, Version } from './common';

export const Status = z.enum(['open', 'pending', 'snoozed', 'closed']);
export type Status = z.infer<typeof Status>;

export const Priority = z.enum(['urgent', 'high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;

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

export const TagName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^,\n]+$/, 'tag names cannot contain commas or new lines');

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
  /** When the next SLA target falls due (filled by the SLA engine). */
  dueAt: Instant.nullable(),
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
});
export type ConversationMeta = z.infer<typeof ConversationMeta>;
