import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Template } from '../../lib/schema';
import { expect, test } from './fixtures';
import { meta } from './harness/api-client';
import { ROOT } from './harness/paths';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the network guard blocks it.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

const THREADS = [
  '1a1e3845ce800a10',
  '1a1e8fe6ab000a11',
  '1a1e002278000a12',
  '1a1d7acf9c000a13',
  '1a1d14ac26000a14',
  '1a1c4af868000a15',
];

/** The mailbox the fixture pages are signed in as (tests/fixtures/gmail/NOTES.md). */
const MAILBOX = 'ana@acme.test';

/** The compose fixture (Ana's inbox with a "New Message" draft open), served as Gmail. */
async function openCompose(context: BrowserContext) {
  const page = await context.newPage();
  const file = path.join(ROOT, 'tests', 'fixtures', 'gmail', 'compose-2026-11.html');
  await page.route('https://mail.google.com/**', async (route) => {
    if (!route.request().isNavigationRequest()) return route.fallback();
    const body = await readFile(file, 'utf8');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  return page;
}

test('the Mine queue lists exactly my open conversations', async ({ extension, api }) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const me = workspace.agent.session.member.id;
  const lead = workspace.lead.session.member.id;
  const { sync } = workspace.admin;
  const conversation = async (
    n: number,
    subject: string,
    assigneeId: string | null,
    status: 'open' | 'pending' | 'closed',
    mailbox = MAILBOX,
  ) => {
    // Thread ids of Ana's inbox rows (tests/fixtures/gmail/NOTES.md).
    const m = {
      ...meta(subject, mailbox, n),
      ref: { host: 'gmail' as const, mailbox, threadId: THREADS[n - 1] ?? '' },
    };
    const conversationId = await conversationIdFor(m.key);
    await sync.mutate('conversation.upsert', { meta: m });
    if (assigneeId)
      await sync.mutate('conversation.assign', {
        conversationId,
        assigneeId,
        expectedAssigneeId: null,
        force: true,
      });
    if (status !== 'open') await sync.mutate('conversation.setStatus', { conversationId, status });
  };
  await conversation(1, 'Mine and open', me, 'open');
  await conversation(2, 'Mine but pending', me, 'pending');
  await conversation(3, 'Mine but closed', me, 'closed');
  await conversation(4, 'The lead’s', lead, 'open');
  await conversation(5, 'Nobody’s', null, 'open');
  await conversation(6, 'Mine, in Ben’s mailbox', me, 'open', 'ben@acme.test');

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync();

  const page = await openCompose(extension.context);
  // Once the features run (the draft has our button), go to the queue's route.
  await expect(page.getByRole('button', { name: /Insert a template/ })).toBeVisible({
    timeout: 20_000,
  });
  await page.evaluate(() => {
    location.hash = '#sidedesk/mine';
  });
  const queue = page.getByTestId('sidedesk-queue');
  await expect(queue.getByRole('heading', { name: 'Mine' })).toBeVisible({ timeout: 20_000 });
  const rows = queue.getByTestId('queue-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Mine and open' })).toContainText('Customer 1');
  await expect(rows.filter({ hasText: 'Mine and open' })).toContainText('AA');
  const elsewhere = rows.filter({ hasText: 'Mine, in Ben’s mailbox' });
  await expect(elsewhere).toContainText('In another agent’s mailbox');
  await expect(elsewhere).toBeDisabled();

  // Opening a row's thread is not checked here: InboxSDK first maps the hex thread id to
  // Gmail's newer id through Gmail itself, which the static fixture cannot answer.
  await expect(rows.filter({ hasText: 'Mine and open' })).toBeEnabled();

  await page.evaluate(() => {
    location.hash = '#sidedesk/breaching';
  });
  await expect(page.getByTestId('queue-empty')).toHaveText(
    'No conversation is in its SLA warning window.',
  );
});

test('a template is filled, sanitised, inserted at the cursor of a draft, and its use counted', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const pixel =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const body = [
    '<p>Hi {{customer.firstName}}, I am <b onclick="alert(1)">{{agent.firstName}}</b>.</p>',
    '<p>Order: {{order.number}}</p>',
    '<script>window.__pwned = true</script>',
    '<img src="https://tracker.example/open.gif">',
    `<img alt="logo" src="${pixel}">`,
    '<a href="javascript:alert(1)">bad link</a>',
  ].join('');
  const template = await workspace.lead.api.request<Template>('POST', '/v1/templates', {
    title: 'Damaged order apology',
    body,
    scope: 'team',
    shortcut: 'damaged',
  });
  await workspace.admin.api.request('POST', '/v1/templates', {
    title: 'Refund policy',
    body: '<p>Refunds take five days.</p>',
    scope: 'workspace',
  });

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync();

  const page = await openCompose(extension.context);
  const draft = page.getByRole('textbox', { name: 'Message Body' });
  // The fixture's empty body has no height, so it counts as hidden: wait for our button.
  const button = page.getByRole('button', { name: /Insert a template/ });
  await expect(button).toBeVisible({ timeout: 20_000 });
  await draft.focus();
  await page.keyboard.type('Before. ');

  // The shortcut works from inside the draft's body.
  await page.keyboard.press('Alt+Shift+KeyR');
  const picker = page.getByTestId('template-picker');
  const search = picker.getByRole('combobox', { name: 'Search templates' });
  await expect(search).toBeFocused();
  await expect(picker.getByRole('option')).toHaveCount(2);
  await page.keyboard.type('damag');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(draft).toBeFocused();

  // The toolbar button opens it too; the text goes where the cursor was in the draft.
  await button.click();
  await expect(search).toBeFocused();
  await page.keyboard.type('apology');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  await expect(draft).toContainText('Before. Hi , I am Ana.');
  await expect(draft).toContainText('Order: {{order.number}}');
  const html = await draft.innerHTML();
  expect(html).not.toContain('<script');
  expect(html).not.toContain('onclick');
  expect(html).not.toContain('tracker.example');
  expect(html).not.toContain('javascript:');
  expect(html).toContain(pixel);
  expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);

  await expect
    .poll(async () => {
      const list = await workspace.lead.api.request<Template[]>('GET', '/v1/templates');
      return list.find((t) => t.id === template.id)?.usageCount;
    })
    .toBe(1);
});
