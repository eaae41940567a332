import { z } from 'zod';
import { PresenceEntry, PresenceState } from './automation';
import { ApiError, Id, Version } from './common';
import { Conversation } from './conversation';
import { MutationEnvelope } from './mutation';
import { Note } from './note';
import { SlaCalendarRecord, SlaPolicyRecord } from './sla-records';
import { Tag } from './tag';
import { Template } from './template';
import { Member, Workspace } from './workspace';

/** A change is the record's current snapshot, or a tombstone (`record: null`). */
const change = <E extends string, R extends z.ZodType>(entity: E, record: R) =>
  z.object({
    entity: z.literal(entity),
    id: z.string(),
    version: Version,
    record: record.nullable(),
  });

export const Change = z.discriminatedUnion('entity', [
  change('workspace', Workspace),
  change('member', Member),
  change('tag', Tag),
  change('template', Template),
  change('conversation', Conversation),
  change('note', Note),
  change('slaCalendar', SlaCalendarRecord),
  change('slaPolicy', SlaPolicyRecord),
]);
export type Change = z.infer<typeof Change>;
export type Entity = Change['entity'];

/**
 * What a client understands: 1 = the entities up to `note`; 2 adds `slaCalendar` and
 * `slaPolicy`. An older client sends none and gets none of the newer entities, which its
 * schemas would refuse.
 */
export const SYNC_PROTOCOL = 2;

export const ClientId = Id;

export const BootstrapQuery = z.object({
  /** Opaque token from the previous page's `next`. */
  page: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  protocol: z.coerce.number().int().min(1).default(1),
});

export const BootstrapPage = z.object({
  /** Pull from this cursor once every page is in (kept from the first page). */
  cursor: Version,
  changes: z.array(Change),
  next: z.string().nullable(),
});
export type BootstrapPage = z.infer<typeof BootstrapPage>;

export const PullRequest = z.object({
  clientId: ClientId,
  cursor: Version,
  limit: z.number().int().min(1).max(2000).default(500),
  protocol: z.number().int().min(1).default(1),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: Version,
  hasMore: z.boolean(),
  /** Highest mutation id of this client the server has processed. */
  lastMutationId: z.number().int().nonnegative(),
  /** The cursor is older than what the server kept, or unknown: bootstrap again. */
  reset: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PushRequest = z.object({
  clientId: ClientId,
  mutations: z.array(MutationEnvelope).min(1).max(100),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: z.number().int(), status: z.literal('ok') }),
  z.object({
    id: z.number().int(),
    status: z.literal('conflict'),
    message: z.string(),
    /** The record as the server has it now. */
    current: Conversation.nullable(),
  }),
  z.object({ id: z.number().int(), status: z.literal('forbidden'), message: z.string() }),
  z.object({ id: z.number().int(), status: z.literal('invalid'), message: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  version: Version,
});
export type PushResponse = z.infer<typeof PushResponse>;

export const LiveTicket = z.object({ ticket: z.string(), expiresAt: z.string() });

/** Messages on the realtime socket, server → client. */
export const LiveServerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('poke'),
    version: Version,
    /**
     * Every change of `version` when it is small and the same for every member (a push
     * mutation's): a client at `version - 1` applies it without pulling. Versions are
     * consecutive, since each write takes the workspace lock.
     */
    changes: z.array(Change).optional(),
  }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), error: ApiError.shape.error }),
  /**
   * Who is on one conversation now, every live entry (empty: nobody). Sent when anyone's
   * presence there changes or is renewed, and for each conversation with someone on it
   * when the socket opens.
   */
  z.object({
    type: z.literal('presence'),
    conversationId: PresenceEntry.shape.conversationId,
    entries: z.array(PresenceEntry),
  }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;

export const LiveClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  /** What this member does on a conversation, renewed while it lasts; null: left it. */
  z.object({
    type: z.literal('presence'),
    conversationId: PresenceEntry.shape.conversationId,
    state: PresenceState.nullable(),
  }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;
