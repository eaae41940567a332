import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/open';
import { presenceLocks, workspaces } from '../db/schema';
import { testDatabases } from '../testing/databases';
import { setPresence } from './presence';

for (const target of testDatabases()) {
  describe(`presence writes [${target.name}]`, () => {
    let database: Database | undefined;
    afterEach(() => database?.close());

    it('queue per conversation on a row lock: each answer holds every write before it', async () => {
      database = await target.open();
      const workspaceId = randomUUID();
      await database.db
        .insert(workspaces)
        .values({ id: workspaceId, name: 'Presence', version: 1, createdAt: new Date() });
      const now = new Date();
      const members = Array.from({ length: 12 }, () => randomUUID());
      const answers = await Promise.all(
        members.map((memberId) =>
          setPresence(
            database!,
            { workspaceId, conversationId: 'conv-1', memberId, state: 'viewing' },
            now,
          ),
        ),
      );
      // Serialized writes see 1, 2, … 12 entries; two that overlapped would miss each other.
      expect(answers.map((a) => a.length).sort((a, b) => a - b)).toEqual(
        members.map((_, i) => i + 1),
      );
      expect(await database.db.select().from(presenceLocks)).toEqual([
        { workspaceId, conversationId: 'conv-1' },
      ]);
    });
  });
}
