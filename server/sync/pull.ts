import { eq } from 'drizzle-orm';
import type { PullRequest, PullResponse } from '../../lib/schema';
import type { Db } from '../db/open';
import { clients, workspaces } from '../db/schema';
import type { CurrentMember } from '../http/context';
import { forbidden, notFound } from '../http/errors';
import { changesBetween, entitiesFor, pageEnd } from './changes';

/**
 * One consistent snapshot (REPEATABLE READ): the head version V is read first and every
 * change up to V is visible, while later commits are not.
 */
export function pull(db: Db, member: CurrentMember, request: PullRequest): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const [ws] = await tx
        .select({ version: workspaces.version, minCursor: workspaces.minCursor })
        .from(workspaces)
        .where(eq(workspaces.id, member.workspaceId));
      if (!ws) throw notFound('workspace');
      const [client] = await tx.select().from(clients).where(eq(clients.id, request.clientId));
      if (client && client.memberId !== member.id)
        throw forbidden('This client id belongs to another member');
      const lastMutationId = client?.lastMutationId ?? 0;
      const { cursor, limit } = request;
      if (cursor > ws.version || cursor < ws.minCursor)
        return { changes: [], cursor: ws.version, hasMore: false, lastMutationId, reset: true };
      const synced = entitiesFor(request.protocol);
      const page = await pageEnd(tx, member.workspaceId, cursor, ws.version, limit, synced);
      const changes = page.end > cursor ? await changesBetween(tx, member, cursor, page) : [];
      return {
        changes,
        cursor: page.end,
        hasMore: page.end < ws.version,
        lastMutationId,
        reset: false,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
