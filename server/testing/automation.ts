import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/open';
import { conversations } from '../db/schema';

export type ConversationFields = Partial<typeof conversations.$inferInsert>;

/**
 * A conversation row written straight to the database (unassigned, open, no tags unless
 * told), for tests of what runs inside a write transaction: routing, incident matching.
 */
export async function insertConversation(
  db: Db | Tx,
  workspaceId: string,
  fields: ConversationFields = {},
) {
  const id = fields.id ?? randomUUID();
  const at = fields.createdAt ?? new Date();
  const [row] = await db
    .insert(conversations)
    .values({
      workspaceId,
      id,
      key: `test:${id}`,
      host: 'gmail',
      refs: [],
      subject: 'A question',
      participants: [],
      status: 'open',
      priority: 'normal',
      tags: [],
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...fields,
    })
    .returning();
  return row!;
}
