import { and, eq, sql } from 'drizzle-orm';
import {
  type MutationEnvelope,
  MutationResult,
  type PushRequest,
  type PushResponse,
  parseMutation,
} from '../../lib/schema';
import { enqueue, type NewJob } from '../automation/jobs';
import { runAutomations } from '../automation/run';
import { wantedJobs } from '../automation/wanted';
import type { Database, Tx } from '../db/open';
import { clients, mutationResults, workspaces } from '../db/schema';
import { publish } from '../domain/write';
import type { CurrentMember } from '../http/context';
import { forbidden } from '../http/errors';
import { applyCopilotRecordInTx } from './apply-copilot-record';
import { applyInTx, type Outcome } from './apply-mutation';
import { applyTemplateUseInTx } from './apply-template-use';

/**
 * Applies a client's mutations in order, each in its own transaction. A mutation id is
 * consumed whatever its result, and the result is kept: a replayed id gets it back and
 * changes nothing.
 */
export async function push(
  database: Database,
  member: CurrentMember,
  request: PushRequest,
  now: () => Date,
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let head: number | null = null;
  let triggered = false;
  for (const envelope of request.mutations) {
    const outcome = await database.db.transaction((tx) =>
      pushOne(tx, member, request.clientId, envelope, now()),
    );
    results.push(outcome.result);
    head = outcome.head ?? head;
    triggered ||= outcome.triggered === true;
    if (outcome.version !== null)
      await publish(database, {
        workspaceId: member.workspaceId,
        version: outcome.version,
        changes: outcome.changes,
      });
  }
  // The automations it fired run now, each in a later version the clients hear of by poke.
  if (triggered) await runAutomations(database, { now: now(), workspaceId: member.workspaceId });
  return { results, version: head ?? (await headVersion(database, member.workspaceId)) };
}

async function headVersion(database: Database, workspaceId: string) {
  const [ws] = await database.db
    .select({ version: workspaces.version })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return ws?.version ?? 0;
}

async function pushOne(
  tx: Tx,
  member: CurrentMember,
  clientId: string,
  envelope: MutationEnvelope,
  now: Date,
): Promise<Outcome & { triggered?: boolean }> {
  const { lastMutationId, head } = await claimClient(tx, member, clientId);
  if (envelope.id <= lastMutationId)
    return {
      result: await storedResult(tx, clientId, envelope, lastMutationId),
      version: null,
      head,
    };

  const parsed = parseMutation(envelope);
  const actor = { memberId: member.id, role: member.role };
  const applied: { outcome: Outcome; writes: Promise<unknown>[]; triggers?: NewJob[] } = parsed.ok
    ? parsed.mutation.name === 'template.use'
      ? await applyTemplateUseInTx(tx, member.workspaceId, head, actor, parsed.mutation, now)
      : parsed.mutation.name === 'copilot.record'
        ? await applyCopilotRecordInTx(tx, member.workspaceId, head, actor, parsed.mutation, now)
        : await applyInTx(tx, member.workspaceId, head, actor, parsed.mutation, now)
    : {
        outcome: {
          result: { id: envelope.id, status: 'invalid' as const, message: parsed.message },
          version: null,
          head,
        },
        writes: [],
      };
  const { outcome, writes, triggers = [] } = applied;
  const jobs = await wantedJobs(tx, member.workspaceId, triggers);
  await Promise.all([
    ...writes,
    consume(tx, member, clientId, envelope.id, outcome.result),
    enqueue(tx, member.workspaceId, jobs, now),
  ]);
  return { ...outcome, triggered: jobs.length > 0 };
}

/**
 * One statement takes the workspace lock, binds the client id to its first member and
 * locks it: a retry racing its own first attempt waits here, then sees the id consumed.
 * Everything the transaction reads afterwards starts after the lock is held, so it sees
 * the latest commit of every other writer of the workspace.
 */
async function claimClient(tx: Tx, member: CurrentMember, clientId: string) {
  const locked = tx
    .$with('locked')
    .as(
      tx
        .select({ version: workspaces.version })
        .from(workspaces)
        .where(eq(workspaces.id, member.workspaceId))
        .for('no key update'),
    );
  const [client] = await tx
    .with(locked)
    .insert(clients)
    .values({ id: clientId, workspaceId: member.workspaceId, memberId: member.id })
    .onConflictDoUpdate({ target: clients.id, set: { memberId: sql`${clients.memberId}` } })
    .returning({
      memberId: clients.memberId,
      lastMutationId: clients.lastMutationId,
      head: sql<number>`(select ${locked.version} from ${locked})`.mapWith(Number),
    });
  if (client?.memberId !== member.id) throw forbidden('This client id belongs to another member');
  return client;
}

/** The id is consumed and its result kept, whatever the result, in one statement. */
function consume(
  tx: Tx,
  member: CurrentMember,
  clientId: string,
  mutationId: number,
  result: MutationResult,
) {
  return tx.execute(sql`
    with consumed as (
      update ${clients} set last_mutation_id = ${mutationId} where id = ${clientId}
    )
    insert into ${mutationResults} (client_id, mutation_id, workspace_id, result)
    values (${clientId}, ${mutationId}, ${member.workspaceId}, ${JSON.stringify(result)}::jsonb)`);
}

async function storedResult(
  tx: Tx,
  clientId: string,
  envelope: MutationEnvelope,
  last: number,
): Promise<MutationResult> {
  const [stored] = await tx
    .select({ result: mutationResults.result })
    .from(mutationResults)
    .where(
      and(eq(mutationResults.clientId, clientId), eq(mutationResults.mutationId, envelope.id)),
    );
  const replay = MutationResult.safeParse(stored?.result);
  if (replay.success) return replay.data;
  return {
    id: envelope.id,
    status: 'invalid',
    message: `mutation id ${envelope.id} was skipped: ids must increase (last processed ${last})`,
  };
}
