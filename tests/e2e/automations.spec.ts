import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Rule, Team } from '../../lib/schema';
import { type Extension, expect, test } from './fixtures';
import { meta } from './harness/api-client';
import { openGmail, sidebarOf } from './harness/gmail';
import { type SeededWorkspace, seedWorkspace } from './harness/seed';

test.setTimeout(90_000);

/** The extension signed in as the workspace's admin, with an options section open. */
async function adminOptions(
  extension: Extension,
  apiUrl: string,
  ws: SeededWorkspace,
  hash: string,
) {
  const popup = await extension.openPopup();
  await popup.signInWithEmail(apiUrl, ws.admin.email);
  await popup.expectSignedIn({ workspace: ws.workspaceName, role: 'admin' });
  await popup.page.close();
  return extension.openPage(`options.html#/${hash}`);
}

/** axe on the page: serious and critical findings only. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
}

test('an admin builds a rule, previews it on last week’s conversations and saves it', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 2 });
  const billing = await ws.admin.api.request<Team>('POST', '/v1/teams', {
    name: 'Billing',
    memberIds: [],
  });
  await ws.admin.api.request('POST', '/v1/tags', { name: 'billing' });
  await ws.admin.sync.mutate('conversation.upsert', {
    meta: meta('Refund for order 2001', 'support@acme.test', 10),
  });

  const page = await adminOptions(extension, api.url, ws, 'automations');
  await expect(page.getByRole('heading', { level: 2, name: 'Automations' })).toBeVisible();
  await expect(page.getByTestId('empty')).toContainText('No rules yet');

  await page.getByTestId('rule-new').click();
  const editor = page.getByTestId('rule-editor');
  await editor.getByLabel('Name', { exact: true }).fill('Refunds to Billing');
  await expect(editor.getByLabel('Trigger', { exact: true })).toHaveValue('conversation.created');
  await editor.getByRole('button', { name: 'Add condition' }).click();
  await expect(editor.getByLabel('Condition 1 field')).toHaveValue('subject');
  await expect(editor.getByLabel('Condition 1 test')).toHaveValue('containsAny');
  await editor.getByLabel('Condition 1 values').fill('refund');
  await editor.getByLabel('Action 1', { exact: true }).selectOption('addTag');
  await editor.getByLabel('Action 1 tag').fill('billing');
  await editor.getByRole('button', { name: 'Add action' }).click();
  await editor.getByLabel('Action 2', { exact: true }).selectOption('route');
  await editor.getByLabel('Action 2 team').selectOption({ label: 'Billing' });

  // The dry run lists the seeded refund conversation and nothing else.
  await editor.getByRole('button', { name: 'Preview on last week' }).click();
  await expect(editor.getByTestId('rule-dry-run-count')).toContainText(
    '1 of 3 conversations would match',
  );
  const rows = editor.getByTestId('rule-dry-run-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Refund for order 2001');
  await expect(rows.first()).toContainText('Billing');
  expect(await seriousViolations(page)).toEqual([]);

  await editor.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByTestId('rule-row')).toHaveCount(1);
  await expect(page.getByTestId('rule-row').first()).toContainText('Refunds to Billing');
  await expect(page.getByTestId('rule-row').first()).toContainText(
    'When a conversation is created, if Subject contains any of refund: add tag billing, route to Billing',
  );
  const stored = await ws.admin.api.request<Rule[]>('GET', '/v1/rules');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    name: 'Refunds to Billing',
    enabled: true,
    trigger: { type: 'conversation.created' },
    conditions: [{ field: 'subject', op: 'containsAny', values: ['refund'] }],
    actions: [
      { type: 'addTag', tag: 'billing' },
      { type: 'route', teamId: billing.id },
    ],
    stopProcessing: false,
  });
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('in Gmail', () => {
  // InboxSDK calls home (api.inboxsdk.com); the guard blocks it.
  test.use({ allowEscapes: true });

  test('an agent escalates their conversation with a reason, and the timeline says why', async ({
    extension,
    api,
  }) => {
    const ws = await seedWorkspace(api.url, { conversations: 0 });
    const popup = await extension.openPopup();
    await popup.signInWithEmail(api.url, ws.agent.email);
    await popup.expectInSync();
    const page = await openGmail(
      extension.context,
      'thread-2026-11.html',
      'inbox/1a1e3845ce800a10',
    );
    const sidebar = sidebarOf(page);
    await expect(sidebar.assignee).toHaveText('Unassigned', { timeout: 20_000 });
    await sidebar.take.click();
    await expect(sidebar.assignee).toHaveText(/Ana Agent \(you\)/);

    const reason = 'Asks for a refund above my limit';
    await sidebar.root.getByRole('button', { name: 'Escalate…' }).click();
    const field = sidebar.root.getByLabel('Why escalate? The next tier reads this.');
    await expect(field).toBeFocused();
    await field.fill(reason);
    await sidebar.root.getByRole('button', { name: 'Escalate', exact: true }).click();

    await expect(sidebar.assignee).toHaveText('Unassigned');
    await expect(sidebar.root.getByTestId('conversation-followers')).toHaveText('Ana Agent');
    await expect(sidebar.timeline).toContainText(`Ana Agent escalated this: ${reason}`);
    await expect(sidebar.syncState).toHaveText('Saved');
    await expect(sidebar.error).toHaveCount(0);
  });
});
