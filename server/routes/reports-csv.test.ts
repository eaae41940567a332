import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import {
  type ConversationMeta,
  ConversationTimeline,
  ReportConversationsPage,
  ReportSummary,
} from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

const T0 = Date.parse('2026-11-30T09:00:00.000Z');
const t = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const FROM = '2026-11-30T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';
const period = `from=${FROM}&to=${TO}`;
const TRICKY = '=HYPERLINK("http://evil.test"), "refund", please';

/** RFC 4180 records, for checking what the routes wrote (quotes, commas, line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(record, 'every record ends in CRLF').toEqual([]);
  return records;
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

for (const target of testDatabases()) {
  describe(`reports as CSV [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(T0);
    let ada: TestSession;
    let leo: TestSession;
    let ana: TestSession;
    let zoe: TestSession;
    let c1 = '';
    let mutationId = 0;
    // A sync client is bound to the member who first pushed with it: one per member.
    const clientIds = new Map<string, string>();

    const at = (minutes: number) => {
      clock = new Date(T0 + minutes * 60_000);
    };
    const push = async (who: TestSession, name: string, args: unknown) => {
      if (!clientIds.has(who.member.id)) clientIds.set(who.member.id, randomUUID());
      const r = await client(server, who).post('/v1/push', {
        clientId: clientIds.get(who.member.id),
        mutations: [mutation(++mutationId, name, args)],
      });
      expect(r.body.results[0]).toEqual({ id: mutationId, status: 'ok' });
    };
    const arrive = async (who: TestSession, minutes: number, subject: string) => {
      const m: ConversationMeta = {
        ...meta(),
        subject,
        firstMessageAt: t(minutes),
        lastMessageAt: t(minutes),
      };
      at(minutes + 1);
      await push(who, 'conversation.upsert', { meta: m });
      return conversationIdFor(m.key);
    };
    const csv = async (who: TestSession, path: string) => {
      const res = await server.app.request(path, { headers: who.headers });
      return { res, body: await res.text() };
    };

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      ada = await server.signIn('ada@acme.test', 'admin');
      leo = await server.signIn('leo@acme.test', 'lead', { name: 'Leo Lead' });
      ana = await server.signIn('ana@acme.test', 'agent', { name: 'Ana, "the" Agent' });
      zoe = await server.signIn('zoe@other.test', 'lead', { workspace: 'Other' });
      await client(server, ada).post(
        '/v1/sla/policies',
        policyInput({ targets: { firstResponse: 20 } }),
      );

      // c1: assigned, answered after 30 min (first response breached), closed.
      c1 = await arrive(ada, 0, TRICKY);
      at(10);
      await push(ada, 'conversation.assign', {
        conversationId: c1,
        assigneeId: ana.member.id,
        expectedAssigneeId: null,
      });
      at(31);
      await push(ada, 'conversation.reply', { conversationId: c1, at: t(30) });
      at(60);
      await push(ada, 'conversation.setStatus', {
        conversationId: c1,
        status: 'closed',
        snoozedUntil: null,
      });
      // c2: answered in 5 min (met), still open.
      const c2 = await arrive(ada, 5, 'Zahlung fehlgeschlagen – Überweisung\nzweite Zeile');
      at(11);
      await push(ada, 'conversation.reply', { conversationId: c2, at: t(10) });
      await arrive(zoe, 20, 'Only the other workspace sees this');
      at(120);
    });
    afterAll(() => server?.close());

    const summaryOf = async (who: TestSession) =>
      ReportSummary.parse((await client(server, who).get(`/v1/reports/summary?${period}`)).body);

    it('every table of the summary equals the JSON of the same query', async () => {
      const { figures, definitions } = await summaryOf(leo);
      const table = async (name: string) => {
        const { res, body } = await csv(leo, `/v1/reports/summary.csv?table=${name}&${period}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).toBe(
          `attachment; filename="sidedesk-${name}-2026-11-30-2026-12-01.csv"`,
        );
        return parseCsv(body);
      };

      expect(await table('volume')).toEqual([
        ['date', 'arrived', 'closed'],
        ...figures.volume.map((d) => [d.date, text(d.arrived), text(d.closed)]),
      ]);
      expect(await table('backlog')).toEqual([
        ['date', 'open'],
        ...figures.backlog.map((d) => [d.date, text(d.open)]),
      ]);
      expect(await table('workload')).toEqual([
        ['agent_id', 'agent', 'open', 'assigned', 'assigned_today', 'closed'],
        [ana.member.id, 'Ana, "the" Agent', '0', '1', '1', '1'],
      ]);
      expect(figures.workload).toEqual([
        { agentId: ana.member.id, open: 0, assigned: 1, assignedToday: 1, closed: 1 },
      ]);

      const [header, ...rows] = await table('figures');
      expect(header).toEqual([
        'metric',
        'title',
        'count',
        'of',
        'rate',
        'pending',
        'median_ms',
        'p90_ms',
        'average_ms',
        'score',
      ]);
      const byMetric = new Map(rows.map((r) => [r[0], r]));
      const title = (id: string) => definitions.find((d) => d.id === id)?.title;
      expect(byMetric.get('conversations')).toEqual([
        'conversations',
        title('conversations'),
        text(figures.conversations),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
      expect(figures.conversations).toBe(2);
      const fr = figures.firstResponse;
      expect(byMetric.get('firstResponse')).toEqual([
        'firstResponse',
        title('firstResponse'),
        text(fr.count),
        '',
        '',
        '',
        text(fr.medianMs),
        text(fr.p90Ms),
        text(fr.averageMs),
        '',
      ]);
      const sla = figures.slaFirstResponse;
      expect(sla).toEqual({ count: 1, of: 2, rate: 0.5, pending: 0 });
      expect(byMetric.get('slaFirstResponse')).toEqual([
        'slaFirstResponse',
        title('slaFirstResponse'),
        '1',
        '2',
        '0.5',
        '0',
        '',
        '',
        '',
        '',
      ]);
      // A row for every figure that is not a series, in the API's order.
      expect(rows.map((r) => r[0])).toEqual(
        Object.keys(figures).filter((k) => !['volume', 'backlog', 'workload'].includes(k)),
      );
    });

    it('the conversations behind a figure: every sample, subjects quoted and defused', async () => {
      const json = ReportConversationsPage.parse(
        (
          await client(server, leo).get(
            `/v1/reports/conversations?metric=slaFirstResponse&${period}`,
          )
        ).body,
      );
      const { res, body } = await csv(
        leo,
        `/v1/reports/conversations.csv?metric=slaFirstResponse&${period}`,
      );
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="sidedesk-slaFirstResponse-2026-11-30-2026-12-01.csv"',
      );
      expect(parseCsv(body)).toEqual([
        ['conversation_id', 'subject', 'value', 'at'],
        ...json.samples.map((s) => [
          s.conversationId,
          s.subject.startsWith('=') ? `'${s.subject}` : s.subject,
          String(s.value),
          s.at,
        ]),
      ]);
      // In time order: c2 met at its reply (10 min), c1 breached when its target ran out (20).
      expect(json.samples.map((s) => [s.conversationId === c1, s.value])).toEqual([
        [false, 'met'],
        [true, 'breached'],
      ]);
      expect(body).toContain('"\'=HYPERLINK(""http://evil.test""), ""refund"", please"');
      expect(body).toContain('"Zahlung fehlgeschlagen – Überweisung\nzweite Zeile"');
    });

    it('agents are refused, and a workspace sees only its own conversations', async () => {
      for (const path of [
        `/v1/reports/summary.csv?table=figures&${period}`,
        `/v1/reports/conversations.csv?metric=firstResponse&${period}`,
      ]) {
        const { res, body } = await csv(ana, path);
        expect(res.status, path).toBe(403);
        expect(JSON.parse(body).error.code).toBe('forbidden');
      }
      const other = await csv(zoe, `/v1/reports/conversations.csv?metric=conversations&${period}`);
      const rows = parseCsv(other.body);
      expect(rows.map((r) => r[1])).toEqual(['subject', 'Only the other workspace sees this']);
      const figures = parseCsv(
        (await csv(zoe, `/v1/reports/summary.csv?table=figures&${period}`)).body,
      );
      expect(figures.find((r) => r[0] === 'conversations')?.[2]).toBe('1');
      const workload = parseCsv(
        (await csv(zoe, `/v1/reports/summary.csv?table=workload&${period}`)).body,
      );
      expect(workload).toEqual([
        ['agent_id', 'agent', 'open', 'assigned', 'assigned_today', 'closed'],
      ]);
    });

    it('refuses a bad table, metric or period with a message that says what is wrong', async () => {
      const cases: [string, RegExp][] = [
        [
          `/v1/reports/summary.csv?table=agents&${period}`,
          /^Invalid query: table: table must be one of figures, volume, backlog, workload$/,
        ],
        [`/v1/reports/summary.csv?${period}`, /table: table must be one of/],
        [
          `/v1/reports/summary.csv?table=volume&from=${TO}&to=${FROM}`,
          /`from` must be before `to`/,
        ],
        [`/v1/reports/conversations.csv?metric=backlog&${period}`, /metric: /],
        [`/v1/reports/conversations.csv?metric=resolution&${period}&limit=5`, /limit/],
      ];
      for (const [path, message] of cases) {
        const { res, body } = await csv(leo, path);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        const { error } = JSON.parse(body);
        expect(error.code).toBe('invalid_query');
        expect(error.message, path).toMatch(message);
      }
    });

    it('one conversation’s timeline: its events in order, with who and what, behind every fact', async () => {
      const r = await client(server, leo).get(`/v1/reports/conversations/${c1}`);
      const report = ConversationTimeline.parse(r.body);
      expect(report.subject).toBe(TRICKY);
      expect(report.events.map((e) => [e.type, e.at, e.detail])).toEqual([
        // The arrival is the first message's time (0), not when it was recorded (1).
        ['conversation.created', t(0), null],
        ['conversation.assigned', t(10), ana.member.id],
        // The reply counts from when it was sent, not when it was recorded (31).
        ['conversation.replied', t(30), null],
        ['conversation.status', t(60), 'closed'],
      ]);
      expect(report.events.every((e) => e.actorId === ada.member.id)).toBe(true);
      const ids = new Set(report.events.map((e) => e.id));
      const first = report.facts.sla?.targets.find((s) => s.target === 'firstResponse');
      expect(first).toMatchObject({ state: 'breached' });
      for (const id of [...report.facts.firstResponse!.eventIds, ...first!.eventIds])
        expect(ids.has(id)).toBe(true);
      expect((await client(server, zoe).get(`/v1/reports/conversations/${c1}`)).status).toBe(404);
    });
  });
}
