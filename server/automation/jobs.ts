import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Id, Instant, TagName } from '../../lib/schema';
import type { Tx } from '../db/open';
import { automationJobs } from '../db/schema';

/** What each kind of job carries; a stored payload that does not read is dropped, with an event. */
export const JobPayloads = {
  'conversation.created': z.object({}),
  'message.received': z.object({ at: Instant }),
  'conversation.reopened': z.object({}),
  'tag.added': z.object({ tag: TagName }),
  'sla.warning': z.object({ target: z.string() }),
  'sla.breached': z.object({ target: z.string() }),
  /** One no-reply rule, due when its time ran out after the customer message at `messageAt`. */
  no_reply: z.object({ ruleId: Id, messageAt: Instant }),
  /** Escalated (by a member or a rule): routes to the next tier of `fromTeamId`. */
  escalated: z.object({ fromTeamId: Id.nullable(), reason: z.string() }),
  /** A match from before the incident opened goes to the incident's team too. */
  'incident.route': z.object({ incidentId: Id }),
  /** An incident's match with no reply since `since` escalates. */
  'incident.escalate': z.object({
    incidentId: Id,
    since: Instant,
    minutes: z.number().int().positive(),
  }),
} as const;
export type JobKind = keyof typeof JobPayloads;
export type JobPayload<K extends JobKind> = z.infer<(typeof JobPayloads)[K]>;

export type NewJob = {
  [K in JobKind]: { kind: K; conversationId: string; payload: JobPayload<K>; runAt: Date };
}[JobKind];

/** Job kinds that are also rule trigger types. */
export const RULE_TRIGGERED = new Set<string>([
  'conversation.created',
  'message.received',
  'conversation.reopened',
  'tag.added',
  'sla.warning',
  'sla.breached',
  'no_reply',
]);

/** In the transaction of the write that fired them, so a committed trigger is never lost. */
export function enqueue(
  tx: Tx,
  workspaceId: string,
  jobs: readonly NewJob[],
  now: Date,
  fired: readonly string[] = [],
) {
  if (!jobs.length) return Promise.resolve();
  return tx
    .insert(automationJobs)
    .values(
      jobs.map((job) => ({
        id: randomUUID(),
        workspaceId,
        conversationId: job.conversationId,
        kind: job.kind,
        payload: job.payload,
        fired: [...fired],
        runAt: job.runAt,
        createdAt: now,
      })),
    )
    .execute();
}
