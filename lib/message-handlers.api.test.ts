import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../server/testing/fixtures';
import { startTestServer, type TestServer } from '../server/testing/test-server';
import { Account } from './auth/account';
import { conversationIdFor } from './conversation-id';
import { createHandlers, describeError } from './message-handlers';
import type { ChangeNotice } from './schema/messages';
import { syncClient } from './testing/sync-client';

let server: TestServer;
const stops: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
afterAll(async () => {
  await server?.close();
});

/** A signed-in background: its cache, engine, handlers and the change notices it sent. */
async function background(email: string, role: 'admin' | 'lead' | 'agent') {
  const notices: ChangeNotice[] = [];
  const who = await server.signIn(email, role, { name: email.split('@')[0] });
  const client = await syncClient(server.url, who, (n) => notices.push(n));
  stops.push(() => client.engine.stop());
  const account = new Account({
    db: client.db,
    engine: client.engine,
    webAuthFlow: async () => '',
    redirectUrl: () => '',
  });
  return { ...client, who, notices, handlers: createHandlers(client.db, client.engine, account) };
}

async function newConversation(bg: Awaited<ReturnType<typeof background>>) {
  const m = meta();
  await bg.handlers.mutate({ type: 'mutate', name: 'conversation.upsert', args: { meta: m } });
  await bg.engine.idle();
  return conversationIdFor(m.key);
}

describe('background messages of the thread sidebar', () => {
  it('createTag: a lead creates a tag, which is cached and announced at once', async () => {
    const leo = await background('leo@acme.test', 'lead');
    const tag = await leo.handlers.createTag({
      type: 'createTag',
      name: 'refund',
      color: '#aa0000',
    });
    expect(tag).toMatchObject({ name: 'refund', color: '#aa0000', archived: false });
    expect(await leo.db.tags.get(tag.id)).toEqual(tag);
    expect(leo.notices.some((n) => n.tables.includes('tags'))).toBe(true);

    const id = await newConversation(leo);
    const added = await leo.handlers.mutate({
      type: 'mutate',
      name: 'conversation.addTag',
      args: { conversationId: id, tag: 'refund' },
    });
    expect(added.ok).toBe(true);
  });

  it('createTag: an agent is refused by the API, with its code', async () => {
    const ana = await background('ana@acme.test', 'agent');
    const refused = await ana.handlers
      .createTag({ type: 'createTag', name: 'agents-tag', color: '#6b7280' })
      .catch(describeError);
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(await ana.db.tags.where('name').equals('agents-tag').count()).toBe(0);
  });

  it('listEvents: the conversation’s log from the API; offline is an error, not a crash', async () => {
    const leo = await background('leo@acme.test', 'lead');
    const id = await newConversation(leo);
    await leo.handlers.mutate({
      type: 'mutate',
      name: 'conversation.assign',
      args: { conversationId: id, assigneeId: leo.who.member.id, expectedAssigneeId: null },
    });
    await leo.engine.idle();
    const events = await leo.handlers.listEvents({ type: 'listEvents', conversationId: id });
    expect(events.map((e) => e.type)).toEqual(['conversation.created', 'conversation.assigned']);

    leo.network.offline = true;
    const failed = await leo.handlers
      .listEvents({ type: 'listEvents', conversationId: id })
      .catch(describeError);
    expect(failed).toMatchObject({ code: 'network' });
  });

  it('createSurveyLink: a fresh signed link per reply; unknown or offline is an error', async () => {
    const ana = await background('ana@acme.test', 'agent');
    const id = await newConversation(ana);
    const ask = (conversationId: string) =>
      ana.handlers.createSurveyLink({
        type: 'createSurveyLink',
        survey: { conversationId, kind: 'csat', scale: 'thumbs' },
      });
    const [first, second] = [await ask(id), await ask(id)];
    expect(first).toMatchObject({ kind: 'csat', scale: 'thumbs' });
    expect(first.url.startsWith(`${server.url}/s/`)).toBe(true);
    expect(second.id).not.toBe(first.id);
    expect((await fetch(`${first.url}?score=1`)).status).toBe(200);

    expect(await ask('not-a-conversation').catch(describeError)).toMatchObject({
      code: 'not_found',
      message: 'conversation not found',
    });
    ana.network.offline = true;
    expect(await ask(id).catch(describeError)).toMatchObject({ code: 'network' });
  });

  it('listTeams, listOpenIncidents: what the sidebar names and banners, from the API', async () => {
    const leo = await background('leo@acme.test', 'lead');
    const made = await leo.handlers.relay({
      type: 'relay',
      method: 'POST',
      path: '/v1/teams',
      body: { name: 'Escalations', memberIds: [] },
    });
    expect(made.status).toBe(201);
    const ana = await background('ana@acme.test', 'agent');
    const teams = await ana.handlers.listTeams({ type: 'listTeams' });
    expect(teams.map((t) => t.name)).toContain('Escalations');
    expect(await ana.handlers.listOpenIncidents({ type: 'listOpenIncidents' })).toEqual([]);

    ana.network.offline = true;
    const failed = await ana.handlers
      .listOpenIncidents({ type: 'listOpenIncidents' })
      .catch(describeError);
    expect(failed).toMatchObject({ code: 'network' });
  });

  it('getThread: the conversation by ref, the session, and only its unconfirmed changes', async () => {
    const leo = await background('leo@acme.test', 'lead');
    const [a, b] = [await newConversation(leo), await newConversation(leo)];
    leo.network.offline = true;
    for (const priority of ['high', 'urgent'] as const) {
      await leo.handlers.mutate({
        type: 'mutate',
        name: 'conversation.setPriority',
        args: { conversationId: a, priority },
      });
    }
    await leo.engine.idle();
    const refOf = async (id: string) => {
      const conversation = await leo.db.conversations.get(id);
      if (!conversation) throw new Error(`${id} not cached`);
      return conversation.refs[0] as NonNullable<(typeof conversation.refs)[0]>;
    };
    const count = async (conversationId: string) => {
      const thread = await leo.handlers.getThread({
        type: 'getThread',
        ref: await refOf(conversationId),
      });
      expect(thread.conversation?.id).toBe(conversationId);
      expect(thread.session.member?.email).toBe('leo@acme.test');
      return thread.pending;
    };
    expect(await count(a)).toBe(2);
    expect(await count(b)).toBe(0);
    leo.network.offline = false;
    await leo.engine.sync();
    expect(await count(a)).toBe(0);
  });
});
