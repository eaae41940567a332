import { and, eq } from 'drizzle-orm';
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
  await bindClient(database, member, request.clientId);
  const results: MutationResult[] = [];
  for (const envelope of request.mutations) {
    const outcome = await database.db.transaction((tx) =>
      pushOne(tx, member, request.clientId, envelope, now()),
    );
    if (outcome.version !== null)
      await publish(database, { workspaceId: member.workspaceId, version: outcome.version });
    results.push(outcome.result);
  }
  const [ws] = await database.db
    .select({ version: workspaces.version })
    .from(workspaces)
    .where(eq(workspaces.id, member.workspaceId));
  return { results, version: ws?.version ?? 0 };
}

/** A client id belongs to the member who first used it; nobody else may push or pull with it. */
export async function bindClient(database: Database, member: CurrentMember, clientId: string) {
  await database.db
    .insert(clients)
    .values({ id: clientId, workspaceId: member.workspaceId, memberId: member.id })
    .onConflictDoNothing();
  const [client] = await database.db.select().from(clients).where(eq(clients.id, clientId));
  if (client?.memberId !== member.id) throw forbidden('This client id belongs to another member');
}

async function pushOne(
  tx: Tx,
  member: CurrentMember,
  clientId: string,
  envelope: MutationEnvelope,
  now: Date,
): Promise<Outcome> {
  // Locks the client: a retry racing its own first attempt waits, then sees it consumed.
  const [client] = await tx.select().from(clients).where(eq(clients.id, clientId)).for('update');
  if (envelope.id <= (client?.lastMutationId ?? 0))
    return {
      result: await storedResult(tx, clientId, envelope, client?.lastMutationId ?? 0),
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

  await tx.update(clients).set({ lastMutationId: envelope.id }).where(eq(clients.id, clientId));
  await tx.insert(mutationResults).values({
    clientId,
    mutationId: envelope.id,
    workspaceId: member.workspaceId,
    result: outcome.result,
  });
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
