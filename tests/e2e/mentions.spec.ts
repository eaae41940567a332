import { randomUUID } from 'node:crypto';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Rule } from '../../lib/schema';
import { expect, test } from './fixtures';
import { readTable } from './harness/extension-db';
import { gmail, ORDER_SUBJECT } from './harness/mail-host';
import { seedWorkspace } from './harness/seed';
import { watchNotifications } from './harness/test-clock';

test.use({ allowEscapes: true });
test.setTimeout(120_000);

test('a rule’s note and a lead’s note that mention Ana each notify her once, and her sidebar names their authors', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const ana = workspace.agent.session.member;
  const lead = workspace.lead;
  await lead.api.request<Rule>('POST', '/v1/rules', {
    name: 'Damaged orders',
    trigger: { type: 'conversation.created' },
    conditions: [{ field: 'subject', op: 'containsAny', values: ['damaged'] }],
    actions: [{ type: 'notify', memberIds: [ana.id], roles: [], message: 'a customer waits' }],
  });

  const worker = extension.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  const shown = await watchNotifications(worker);
  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync();

  // Leo records the order conversation: the rule's notify action mentions Ana in a note.
  const ref = gmail.order.refs[0];
  if (!ref) throw new Error('no ref of the order conversation');
  const arrived = '2026-11-16T08:41:05.000Z';
  await lead.sync.mutate('conversation.upsert', {
    meta: {
      key: gmail.order.key,
      host: 'gmail',
      ref,
      subject: ORDER_SUBJECT,
      participants: [{ email: 'maria.lopez@customer.test', name: 'Maria Lopez' }],
      firstMessageAt: arrived,
      lastMessageAt: arrived,
    },
  });
  const conversationId = await conversationIdFor(gmail.order.key);
  await expect.poll(shown, { timeout: 20_000 }).toHaveLength(1);

  // Then Leo mentions her himself.
  const noteId = randomUUID();
  await lead.sync.mutate('note.add', {
    id: noteId,
    conversationId,
    body: '@Ana Agent the customer sent photos of the lamp, can you reply today?',
    mentions: [ana.id],
  });
  await expect.poll(shown, { timeout: 20_000 }).toHaveLength(2);
  const [byRule, byLeo] = await shown();
  expect(byRule).toMatchObject({
    id: expect.stringMatching(new RegExp(`^sidedesk-mention:[0-9a-f-]+:${conversationId}$`)),
    title: 'Sidedesk automation mentioned you',
    message: `${ORDER_SUBJECT} — Damaged orders: a customer waits`,
  });
  expect(byLeo).toEqual({
    id: `sidedesk-mention:${noteId}:${conversationId}`,
    title: 'Leo Lead mentioned you',
    message: `${ORDER_SUBJECT} — @Ana Agent the customer sent photos of the lamp, can you reply today?`,
    contextMessage: 'Internal note',
  });
  const meta = await readTable<{ key: string; value: unknown }>(popup.page, 'meta');
  expect(meta.find((m) => m.key === 'mentionsShown')?.value).toHaveLength(2);

  // The sidebar lists both notes, the rule's as Sidedesk automation's.
  const desk = await gmail.open(extension.context, 'ana');
  const authors = desk.sidebar.root.getByTestId('notes').locator('.note-meta strong');
  await expect(authors).toHaveText(['Sidedesk automation', 'Leo Lead'], { timeout: 20_000 });
});
