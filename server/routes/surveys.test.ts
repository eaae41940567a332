import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { type Conversation, type Event, SurveyLink } from '../../lib/schema';
import { createApp } from '../app';
import { surveyKeys, surveys } from '../db/schema';
import { newSurveySecret, readSurveyToken, signSurveyToken } from '../domain/survey-token';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { MAX_COMMENT } from './survey-pages';

for (const target of testDatabases()) {
  describe(`surveys [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let other: ReturnType<typeof client>;
    let workspaceId: string;
    let conversationId: string;
    let otherConversationId: string;

    const track = async (who: ReturnType<typeof client>) => {
      const m = meta();
      const r = await who.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [mutation(1, 'conversation.upsert', { meta: m })],
      });
      expect(r.body.results[0].status).toBe('ok');
      return conversationIdFor(m.key);
    };

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      const ada = await server.signIn('ada@acme.test', 'admin');
      workspaceId = ada.workspace.id;
      admin = client(server, ada);
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
      other = client(
        server,
        await server.signIn('zed@other.test', 'admin', { workspace: 'Other' }),
      );
      conversationId = await track(agent);
      otherConversationId = await track(other);
    });
    afterAll(() => server?.close());

    const link = async (body: Record<string, unknown> = {}, who = agent) => {
      const r = await who.post('/v1/surveys', { conversationId, kind: 'csat', ...body });
      expect(r.status).toBe(201);
      return SurveyLink.parse(r.body);
    };
    /** A rating page as the customer's browser opens it. */
    const open = async (url: string, init?: RequestInit) => {
      const { pathname, search } = new URL(url);
      const res = await server.app.request(pathname + search, init);
      return { status: res.status, text: await res.text(), headers: res.headers };
    };
    const comment = (url: string, text: string) =>
      open(`${url}/comment`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ comment: text }).toString(),
      });
    const stored = async (id: string) =>
      (await server.database.db.select().from(surveys).where(eq(surveys.id, id)))[0]!;
    const ratedEvents = async () => {
      const r = await agent.get(`/v1/conversations/${conversationId}/events`);
      return (r.body as Event[]).filter((e) => e.type === 'survey.rated');
    };

    describe('creating a link', () => {
      it('gives every member a fresh signed link per reply, on the public origin', async () => {
        const first = await link({ scale: 'thumbs' }, agent);
        const second = await link({ scale: 'thumbs' }, lead);
        expect(first.id).not.toBe(second.id);
        expect(first.url).toMatch(/^http:\/\/localhost\/s\/[\w-]{43}\.[\w-]{43}$/);
        expect(await link({ kind: 'nps' }, admin)).toMatchObject({ kind: 'nps', scale: 'ten' });
        expect(await link({ kind: 'ces' })).toMatchObject({ kind: 'ces', scale: 'seven' });
        expect(await link()).toMatchObject({ kind: 'csat', scale: 'five' });
        const row = await stored(first.id);
        expect(row).toMatchObject({ workspaceId, conversationId, score: null, ratedAt: null });

        const app = createApp({ ...server.deps, publicUrl: 'https://desk.acme.test' });
        const res = await app.request('/v1/surveys', {
          method: 'POST',
          headers: (await server.signIn('ana@acme.test', 'agent')).headers,
          body: JSON.stringify({ conversationId, kind: 'csat' }),
        });
        expect(((await res.json()) as SurveyLink).url).toMatch(/^https:\/\/desk\.acme\.test\/s\//);
      });

      it('needs a member token, a known conversation of the workspace and a valid body', async () => {
        expect((await client(server, null).post('/v1/surveys', { conversationId })).status).toBe(
          401,
        );
        const unknown = await agent.post('/v1/surveys', { conversationId: 'nope', kind: 'csat' });
        expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
        const foreign = await agent.post('/v1/surveys', {
          conversationId: otherConversationId,
          kind: 'nps',
        });
        expect(foreign.status).toBe(404);
        const badScale = await agent.post('/v1/surveys', {
          conversationId,
          kind: 'csat',
          scale: 'ten',
        });
        expect(badScale.status).toBe(400);
        expect(badScale.body.error.message).toContain('a CSAT scale is "thumbs" or "five"');
        const badKind = await agent.post('/v1/surveys', { conversationId, kind: 'stars' });
        expect(badKind).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
      });
    });

    describe('the rating page', () => {
      it('asks the question with a link per choice, safely and never cached', async () => {
        const page = await open((await link()).url);
        expect(page.status).toBe(200);
        expect(page.text).toContain('How did we do?');
        for (const n of [1, 2, 3, 4, 5]) expect(page.text).toContain(`href="?score=${n}"`);
        expect(page.text).not.toContain('<script');
        expect(page.headers.get('cache-control')).toBe('no-store');
        expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
        expect(page.headers.get('referrer-policy')).toBe('no-referrer');
        const thumbs = await open((await link({ scale: 'thumbs' })).url);
        expect(thumbs.text).toContain('href="?score=1">👍</a>');
        expect(thumbs.text).toContain('href="?score=0">👎</a>');
      });

      it('records the first rating once, on the activity log; a replay is refused', async () => {
        const { id, url } = await link();
        const before = await ratedEvents();
        const rated = await open(`${url}?score=4`);
        expect(rated.status).toBe(200);
        expect(rated.text).toContain('Thank you for your answer');
        expect(rated.text).toContain('Your answer: 4.');
        expect(rated.text).toContain('<form method="post"');

        const replay = await open(`${url}?score=1`);
        expect(replay.status).toBe(409);
        expect(replay.text).toContain('Your first answer (4) is the one we keep.');
        expect(replay.text).toContain('<form method="post"');
        expect(await stored(id)).toMatchObject({ score: 4 });

        const events = await ratedEvents();
        expect(events).toHaveLength(before.length + 1);
        expect(events.at(-1)).toMatchObject({
          actorId: null,
          conversationId,
          after: { surveyId: id, kind: 'csat', scale: 'five', score: 4 },
        });
        // The conversation moved to the event's version, so sidebars read the log again.
        const pulled = await agent.post('/v1/pull', {
          clientId: randomUUID(),
          cursor: 0,
          limit: 2000,
        });
        const record = (pulled.body.changes as { id: string; record: Conversation }[]).find(
          (c) => c.id === conversationId,
        )!.record;
        expect(record.version).toBe(events.at(-1)!.version);

        const again = await open(url);
        expect(again).toMatchObject({ status: 200 });
        expect(again.text).toContain('You already answered');
      });

      it('a HEAD (a mail scanner) records nothing', async () => {
        const { id, url } = await link();
        expect((await open(`${url}?score=5`, { method: 'HEAD' })).status).toBe(200);
        expect(await stored(id)).toMatchObject({ score: null, ratedAt: null });
      });

      it('refuses forged, foreign and malformed links and scores with a clear page', async () => {
        const { id, url } = await link();
        const token = url.split('/s/')[1]!;
        const [ids, signature] = token.split('.') as [string, string];
        const flipped = `${ids}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
        const forged = await open(url.replace(token, flipped));
        expect(forged.status).toBe(403);
        expect(forged.text).toContain('This rating link is not valid');

        // Signed with another key (another workspace's, or a guess) for these very ids.
        const guessed = await signSurveyToken(newSurveySecret(), workspaceId, id);
        expect((await open(url.replace(token, guessed))).status).toBe(403);

        // The other workspace's key signing a link that names this workspace's survey.
        const otherLink = SurveyLink.parse(
          (await other.post('/v1/surveys', { conversationId: otherConversationId, kind: 'csat' }))
            .body,
        );
        const otherWorkspace = readSurveyToken(otherLink.url.split('/s/')[1]!)!.workspaceId;
        const [otherKey] = await server.database.db
          .select()
          .from(surveyKeys)
          .where(eq(surveyKeys.workspaceId, otherWorkspace));
        const crossed = await signSurveyToken(otherKey!.secret, otherWorkspace, id);
        expect((await open(url.replace(token, crossed))).status).toBe(404);
        const swapped = await signSurveyToken(otherKey!.secret, workspaceId, id);
        expect((await open(url.replace(token, swapped))).status).toBe(403);

        const nowhere = await signSurveyToken(newSurveySecret(), randomUUID(), id);
        const unknown = await open(url.replace(token, nowhere));
        expect(unknown.status).toBe(404);
        expect(unknown.text).toContain('This rating link is not known');

        for (const bad of ['abc', token.slice(0, -1), `${token}x`, token.replace('.', '')]) {
          const malformed = await open(url.replace(token, bad));
          expect(malformed.status, bad).toBe(400);
          expect(malformed.text).toContain('This rating link is incomplete');
        }
        for (const score of ['6', '0', 'x', '', '4.0', '-1']) {
          const wrong = await open(`${url}?score=${score}`);
          expect(wrong.status, score).toBe(400);
          expect(wrong.text).toContain('Pick a number from 1 to 5 below.');
          expect(wrong.text).toContain('href="?score=5"');
        }
        const thumbs = (await link({ scale: 'thumbs' })).url;
        expect((await open(`${thumbs}?score=2`)).text).toContain('Pick 👍 or 👎 below.');
        expect(await stored(id)).toMatchObject({ score: null });
      });

      it('takes one comment after the rating, within its length, and shows it escaped', async () => {
        const { id, url } = await link({ scale: 'thumbs' });
        const early = await comment(url, 'Quick!');
        expect(early.status).toBe(409);
        expect(early.text).toContain('Choose an answer first');
        await open(`${url}?score=1`);

        const tooLong = await comment(url, 'x'.repeat(MAX_COMMENT + 1));
        expect(tooLong.status).toBe(400);
        expect(tooLong.text).toContain(`A comment is at most ${MAX_COMMENT} characters.`);
        expect((await comment(url, '   ')).text).toContain('The comment is empty.');
        const huge = await comment(url, 'x'.repeat(20_000));
        expect(huge.status).toBe(413);
        expect(huge.text).toContain('This comment is too long');

        const sent = await comment(url, '<script>alert("hi")</script> & thanks');
        expect(sent.status).toBe(200);
        expect(sent.text).toContain(
          '&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; thanks',
        );
        expect(sent.text).not.toContain('<script');
        const second = await comment(url, 'One more thing');
        expect(second.status).toBe(409);
        expect(second.text).toContain('You already sent a comment');
        expect(await stored(id)).toMatchObject({
          score: 1,
          comment: '<script>alert("hi")</script> & thanks',
        });
        // The comment stays with the survey; the synced activity log never carries it.
        const events = await ratedEvents();
        expect(JSON.stringify(events)).not.toContain('thanks');
      });

      it('keeps one key per workspace, made on first use', async () => {
        const keys = await server.database.db
          .select()
          .from(surveyKeys)
          .where(eq(surveyKeys.workspaceId, workspaceId));
        expect(keys).toHaveLength(1);
      });
    });
  });
}
