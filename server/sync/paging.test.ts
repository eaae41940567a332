import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootstrapPage, Change, PullResponse } from '../../lib/schema';
import { client, type Reply } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
  describe(`bootstrap and pull paging [${target.name}]`, () => {
    let server: TestServer;
    let lead: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      const mutations = Array.from({ length: 30 }, (_, i) =>
        mutation(i + 1, 'conversation.upsert', { meta: meta() }),
      );
      await lead.post('/v1/push', { clientId: randomUUID(), mutations });
    });
    afterAll(() => server?.close());

    it('pages a bootstrap and keeps the first page cursor', async () => {
      const pages: BootstrapPage[] = [];
      let next: string | null = null;
      do {
        const r: Reply<BootstrapPage> = await lead.get<BootstrapPage>(
          `/v1/bootstrap?limit=7${next ? `&page=${next}` : ''}`,
        );
        expect(r.status).toBe(200);
        expect(r.body.changes.length).toBeLessThanOrEqual(7);
        pages.push(r.body);
        next = r.body.next;
      } while (next);
      const all = pages.flatMap((p) => p.changes);
      expect(all.filter((c) => c.entity === 'conversation')).toHaveLength(30);
      expect(new Set(all.map((c) => `${c.entity}:${c.id}`)).size).toBe(all.length);
      expect(new Set(pages.map((p) => p.cursor)).size).toBe(1);
    });

    it('never splits one version across pull pages', async () => {
      const start = (
        await lead.post<PullResponse>('/v1/pull', {
          clientId: randomUUID(),
          cursor: 0,
          limit: 2000,
        })
      ).body.cursor;
      // A tag added to many conversations, then renamed: the rename is one version with 30 changes.
      const ids = (await lead.get<BootstrapPage>('/v1/bootstrap?limit=2000')).body.changes
        .filter((c) => c.entity === 'conversation')
        .map((c) => c.id);
      await lead.post('/v1/push', {
        clientId: randomUUID(),
        mutations: ids.map((conversationId, i) =>
          mutation(i + 1, 'conversation.addTag', { conversationId, tag: 'wide' }),
        ),
      });
      const tag = (await lead.get<{ id: string; name: string }[]>('/v1/tags')).body.find(
        (t) => t.name === 'wide',
      )!;
      await lead.patch(`/v1/tags/${tag.id}`, { name: 'wider' });

      const pages: Change[][] = [];
      let cursor = start;
      for (;;) {
        const page = (
          await lead.post<PullResponse>('/v1/pull', { clientId: randomUUID(), cursor, limit: 4 })
        ).body;
        const versions = new Set(page.changes.map((c) => c.version));
        if (versions.size > 1) expect(page.changes.length).toBeLessThanOrEqual(4);
        pages.push(page.changes);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const seen = pages.flat();
      const renameVersion = seen.find(
        (c) => c.entity === 'tag' && c.record?.name === 'wider',
      )!.version;
      const withRename = pages.filter((p) => p.some((c) => c.version === renameVersion));
      expect(withRename).toHaveLength(1);
      expect(withRename[0]!.filter((c) => c.entity === 'conversation')).toHaveLength(30);
      const latest = new Map(seen.map((c) => [c.id, c]));
      for (const id of ids) expect(latest.get(id)?.record).toMatchObject({ tags: ['wider'] });
    });
  });
}
