import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { conversationIdFor } from '../../lib/conversation-id';
import type { SlaCalendarRecord, SlaPolicyRecord, SlaWebhookPayload } from '../../lib/schema';
import { expect, test } from './fixtures';
import { readTable } from './harness/extension-db';
import { MAIL_HOSTS, ORDER_SUBJECT } from './harness/mail-host';
import { reopenedToday } from './harness/reopened-today';
import { seedWorkspace } from './harness/seed';
import { launchTeammate } from './harness/teammate';
import { TestClock, watchNotifications } from './harness/test-clock';

const MINUTE = 60_000;
/** When the order conversation's first message arrived, in the Gmail fixture. */
const ARRIVED = '2026-11-16T08:41:05.000Z';
/** Business minutes the order conversation has used when the test starts. */
const USED = 15;
const SECRET = 'breach-webhook-secret-of-the-test';

type Delivery = { headers: IncomingHttpHeaders; body: string };

/** A breach webhook receiver on 127.0.0.1 that keeps every request's raw body. */
async function startReceiver() {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sidedesk`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** docs/sla.md's receiver check: HMAC-SHA256 of "<t>.<raw body>", t within five minutes. */
function verifies(secret: string, header: string, rawBody: string, nowMs: number) {
  const parts = new Map(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return (
    Math.abs(nowMs / 1000 - t) <= 300 &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  );
}

const host = MAIL_HOSTS.gmail;

test.use({ allowEscapes: true });
test.setTimeout(120_000);

test('In Gmail: under a moved clock a P1 countdown ticks, turns amber then red, the assignee is warned once, the lead told of the breach once, and the webhook gets one signed breach with two tabs open and repeated sweeps', async ({
  extension,
  startApi,
}) => {
  const api = await startApi({ env: { TEST_CLOCK: 'true' } });
  const clock = new TestClock(api.url);
  const receiver = await startReceiver();
  const lead = await launchTeammate();
  try {
    const workspace = await seedWorkspace(api.url, { conversations: 0 });
    const admin = workspace.admin.api;
    await admin.request('PUT', '/v1/sla/webhook', { url: receiver.url, secret: SECRET });
    const calendar = await admin.request<SlaCalendarRecord>(
      'POST',
      '/v1/sla/calendars',
      reopenedToday({ now: Date.now(), since: ARRIVED, used: USED }),
    );
    // P1: first response in 30 business minutes, resolution in 4 h, warned 10 min before.
    await admin.request<SlaPolicyRecord>('POST', '/v1/sla/policies', {
      name: 'P1 outage',
      conditions: { priorities: ['urgent'] },
      targets: { firstResponse: 30, resolution: 240 },
      clock: 'business',
      calendarId: calendar.id,
      warning: { unit: 'minutes', value: 10 },
    });
    // The order conversation as Gmail records it, urgent, assigned to Ana.
    const ref = host.order.refs[0];
    if (!ref) throw new Error('no ref of the order conversation');
    const { sync } = workspace.admin;
    await sync.mutate('conversation.upsert', {
      meta: {
        key: host.order.key,
        host: host.name,
        ref,
        subject: ORDER_SUBJECT,
        participants: [{ email: 'maria.lopez@customer.test', name: 'Maria Lopez' }],
        firstMessageAt: ARRIVED,
        lastMessageAt: ARRIVED,
      },
    });
    const conversationId = await conversationIdFor(host.order.key);
    await sync.mutate('conversation.setPriority', { conversationId, priority: 'urgent' });
    await sync.mutate('conversation.assign', {
      conversationId,
      assigneeId: workspace.agent.session.member.id,
      expectedAssigneeId: null,
      force: true,
    });
    const snapshot = (await admin.conversations()).find((c) => c.id === conversationId)?.sla;
    const dueAt = Date.parse(snapshot?.firstResponse?.dueAt ?? '');
    const warnAt = Date.parse(snapshot?.firstResponse?.warnAt ?? '');
    expect(dueAt - warnAt).toBe(10 * MINUTE);

    // Ana, with the conversation open in two Gmail tabs; Leo, the lead, in his own browser.
    const anaWorker = extension.serviceWorker;
    const anaShown = await watchNotifications(anaWorker);
    const leoShown = await watchNotifications(lead.serviceWorker);
    const popup = await extension.openPopup();
    await popup.signInWithEmail(api.url, workspace.agent.email);
    await lead.popup.signInWithEmail(api.url, workspace.lead.email);
    await popup.expectInSync();
    await lead.popup.expectInSync();
    const tabs = [
      await host.open(extension.context, 'ana'),
      await host.open(extension.context, 'ana'),
    ];
    const chips = tabs.map((desk) =>
      desk.sidebar.root.getByTestId('sla').getByTestId('sla-firstResponse').locator('.sla-chip'),
    );
    const [chip, otherChip] = chips as [(typeof chips)[number], (typeof chips)[number]];
    for (const c of chips) await expect(c).toHaveText(/^FR 1[45]m$/, { timeout: 20_000 });
    await expect(chip).not.toHaveClass(/amber|red/);

    // From here one moved clock drives the API, both workers and both tabs' content scripts.
    await clock.addWorker(anaWorker);
    await clock.addWorker(lead.serviceWorker);
    for (const desk of tabs) await clock.addPage(desk.page);

    // 12 min 4 s before due: "FR 13m"; the ticker's own minute timer then steps it to 12.
    await clock.set(dueAt - 12 * MINUTE - 4_000);
    for (const c of chips) await expect(c).toHaveText('FR 13m');
    for (const c of chips) await expect(c).toHaveText('FR 12m', { timeout: 15_000 });
    await expect(chip).not.toHaveClass(/amber|red/);
    expect(await anaShown()).toEqual([]);

    // Just before the warning time, then at it by itself: amber, and Ana is warned, once.
    await clock.set(warnAt - 4_000);
    await expect(chip).toHaveText('FR 11m');
    await expect(chip).not.toHaveClass(/amber/);
    for (const c of chips) await expect(c).toHaveText('FR 10m', { timeout: 15_000 });
    for (const c of chips) await expect(c).toHaveClass(/amber/);
    await expect.poll(anaShown).toEqual([
      expect.objectContaining({
        id: `sidedesk-sla:thread:${conversationId}`,
        title: 'First response due in 10m',
        contextMessage: 'Assigned to you',
      }),
    ]);

    // The API's sweep at its moved clock records the warning (the Node server would every
    // minute; a serverless scheduler calls this route).
    const sweep = () => admin.request<{ alerts: number }>('POST', '/v1/sla/sweep');
    expect((await sweep()).alerts).toBe(1);

    // Just before due, then past it by itself: red, overdue, in both tabs.
    await clock.set(dueAt - 4_000);
    await expect(chip).toHaveText('FR 1m');
    for (const c of chips) await expect(c).toHaveText('FR overdue 1m', { timeout: 15_000 });
    for (const c of chips) await expect(c).toHaveClass(/red/);
    await expect(otherChip).toHaveText('FR overdue 1m');

    // Leo's ticker, woken by its own timer for the breach, tells him once.
    const breachNotice = {
      id: `sidedesk-sla:breach:${conversationId}:firstResponse:0`,
      title: 'First response overdue 1m',
      message: ORDER_SUBJECT,
      contextMessage: 'Assigned to Ana Agent',
    };
    await expect.poll(leoShown, { timeout: 15_000 }).toEqual([breachNotice]);

    // The API sweeps past the breach: twice at once, then again; one of them records it.
    const swept = [...(await Promise.all([sweep(), sweep()])), await sweep()];
    expect(swept.map((s) => s.alerts).sort()).toEqual([0, 0, 1]);
    const events = await admin.events(conversationId);
    expect(events.filter((e) => e.type === 'sla.breached')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'sla.warning')).toHaveLength(1);

    // One signed breach reached the receiver (deliveries go out within the sweep).
    const breaches = receiver.received.filter(
      (d) => d.headers['sidedesk-event'] === 'sla.breached',
    );
    expect(breaches).toHaveLength(1);
    const [delivery] = breaches as [Delivery];
    const signature = String(delivery.headers['sidedesk-signature']);
    expect(verifies(SECRET, signature, delivery.body, clock.now())).toBe(true);
    expect(verifies('another-secret-entirely', signature, delivery.body, clock.now())).toBe(false);
    const payload = JSON.parse(delivery.body) as SlaWebhookPayload;
    expect(payload).toMatchObject({
      type: 'sla.breached',
      workspaceId: workspace.workspaceId,
      data: {
        conversationId,
        subject: ORDER_SUBJECT,
        priority: 'urgent',
        assigneeId: workspace.agent.session.member.id,
        target: 'firstResponse',
        clock: 0,
        dueAt: new Date(dueAt).toISOString(),
      },
    });
    expect(delivery.headers['sidedesk-delivery']).toBe(payload.id);

    // The breached snapshot reaches both browsers; nobody is told again, and Ana (the
    // assignee, warned already) gets no breach notice.
    for (const page of [popup.page, lead.popup.page]) {
      await expect
        .poll(async () => {
          const rows = await readTable<{ id: string; sla: { firstResponse: { state: string } } }>(
            page,
            'conversations',
          );
          return rows.find((r) => r.id === conversationId)?.sla.firstResponse.state;
        })
        .toBe('breached');
    }
    await sweep();
    expect(
      receiver.received.filter((d) => d.headers['sidedesk-event'] === 'sla.breached'),
    ).toHaveLength(1);
    expect(await leoShown()).toEqual([breachNotice]);
    expect(await anaShown()).toHaveLength(1);
    const leoMeta = await readTable<{ key: string; value: unknown }>(lead.popup.page, 'meta');
    expect(leoMeta.find((m) => m.key === 'slaBreached')?.value).toEqual([
      { key: `${conversationId}:firstResponse:0`, at: expect.any(String) },
    ]);

    test.info().annotations.push(
      {
        type: 'webhook',
        description: `1 sla.breached delivery of ${receiver.received.length} received (delivery ${payload.id}), HMAC-SHA256 verified with the secret, t=${signature.split(',')[0]?.slice(2)}; 5 sweeps (one at the warning, 2 at once past the breach), with 2 Gmail tabs open`,
      },
      {
        type: 'notifications',
        description: `lead: 1 (${breachNotice.title}, ${breachNotice.contextMessage}); assignee: 1 warning (First response due in 10m), no breach`,
      },
    );
  } finally {
    await lead.close();
    await receiver.close();
  }
});
