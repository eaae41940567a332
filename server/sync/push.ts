import { and, eq, sql } from 'drizzle-orm';
import {
  type MutationEnvelope,
  MutationResult,
  type PushRequest,
  type PushResponse,
  parseMutation,
} from '../../lib/schema';
import type { Database, Tx } from '../db/open';
import { clients, mutationResults, workspaces } from '../db/schema';
import { publish } from '../domain/write';
import type { CurrentMember } from '../http/context';
import { forbidden } from '../http/errors';
import { applyInTx, type Outcome } from './apply-mutation';

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
  let written: number | null = null;
  for (const envelope of request.mutations) {
    const outcome = await database.db.transaction((tx) =>
      pushOne(tx, member, request.clientId, envelope, now()),
    );
    results.push(outcome.result);
    head = outcome.head ?? head;
    written = outcome.version ?? written;
  }
  if (written !== null)
    await publish(database, { workspaceId: member.workspaceId, version: written });
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
): Promise<Outcome & { head?: number }> {
  // Binds the client id to its first member and locks it in one statement: a retry racing
  // its own first attempt waits here, then sees the id consumed.
  const [client] = await tx
    .insert(clients)
    .values({ id: clientId, workspaceId: member.workspaceId, memberId: member.id })
    .onConflictDoUpdate({ target: clients.id, set: { memberId: sql`${clients.memberId}` } })
    .returning({ memberId: clients.memberId, lastMutationId: clients.lastMutationId });
  if (client?.memberId !== member.id) throw forbidden('This client id belongs to another member');
  if (envelope.id <= client.lastMutationId)
    return {
      result: await storedResult(tx, clientId, envelope, client.lastMutationId),
      version: null,
    };

  const parsed = parseMutation(envelope);
  const outcome = parsed.ok
    ? await applyInTx(
        tx,
        member.workspaceId,
        { memberId: member.id, role: member.role },
        parsed.mutation,
        now,
      )
    : {
        result: { id: envelope.id, status: 'invalid' as const, message: parsed.message },
        version: null,
      };

  await tx.execute(sql`
    with consumed as (
      update ${clients} set last_mutation_id = ${envelope.id} where id = ${clientId}
    )
    insert into ${mutationResults} (client_id, mutation_id, workspace_id, result)
    values (${clientId}, ${envelope.id}, ${member.workspaceId}, ${JSON.stringify(outcome.result)}::jsonb)`);
  return outcome;
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
