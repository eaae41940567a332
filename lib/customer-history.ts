import { fromConversationRow, type SidedeskDb } from './db';
import type { Conversation } from './schema';

const lastActivity = (c: Conversation) => c.lastMessageAt ?? c.updatedAt;

/** The cached conversations an address took part in, but `excludeId`, newest first. */
export async function conversationsWith(
  db: SidedeskDb,
  email: string,
  excludeId: string,
  limit: number,
): Promise<Conversation[]> {
  const rows = await db.conversations
    .where('participantEmails')
    .equals(email.toLowerCase())
    .toArray();
  return rows
    .filter((row) => row.id !== excludeId)
    .map(fromConversationRow)
    .sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)))
    .slice(0, limit);
}
