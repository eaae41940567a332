import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Conversation, Tag } from '../../lib/schema';
import { type Extension, expect, test } from './fixtures';
import { ApiClient } from './harness/api-client';
import { type SeededWorkspace, seedWorkspace } from './harness/seed';

test.setTimeout(60_000);

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

test('an admin deactivates the agent from the Members page, handing their open work to the lead', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 2 });
  const agentId = ws.agent.session.member.id;
  for (const conversationId of ws.conversationIds) {
    await ws.admin.sync.mutate('conversation.assign', {
      conversationId,
      assigneeId: agentId,
      expectedAssigneeId: null,
    });
  }
  await expect(ws.agent.api.request('GET', '/v1/me')).resolves.toBeTruthy();

  const page = await adminOptions(extension, api.url, ws, 'members');
  await expect(page.getByTestId('member-table')).toBeVisible();
  await expect(page.getByText('No invites are waiting.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const row = page.getByTestId('member-row').filter({ has: page.getByText(ws.agent.email) });
  await row.getByRole('button', { name: 'Deactivate Ana Agent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deactivate Ana Agent' });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel('Another member').check();
  await dialog
    .getByLabel('Member', { exact: true })
    .selectOption({ label: `Leo Lead (${ws.lead.email})` });
  await dialog.getByTestId('confirm-deactivate').click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('deactivated');
  await expect(row.getByRole('button', { name: /Deactivate/ })).toHaveCount(0);

  await expect(ws.agent.api.request('GET', '/v1/me')).rejects.toThrow(/401.*member_inactive/);
  const conversations = await ws.admin.api.conversations();
  const handedOver = conversations.filter((c) => ws.conversationIds.includes(c.id));
  expect(handedOver.map((c) => c.assigneeId)).toEqual(
    ws.conversationIds.map(() => ws.lead.session.member.id),
  );
});

test('an admin merges two tags from the Tags page and the conversations follow', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 3 });
  for (const name of ['refund', 'refunds']) {
    await ws.admin.api.request('POST', '/v1/tags', { name });
  }
  const [first, second, third] = ws.conversationIds as [string, string, string];
  await ws.admin.sync.mutate('conversation.addTag', { conversationId: first, tag: 'refund' });
  await ws.admin.sync.mutate('conversation.addTag', { conversationId: second, tag: 'refunds' });
  await ws.admin.sync.mutate('conversation.addTag', { conversationId: third, tag: 'refunds' });

  const page = await adminOptions(extension, api.url, ws, 'tags');
  const row = (name: string) => page.locator(`[data-testid="tag-row"][data-tag-name="${name}"]`);
  await expect(row('refunds').getByTestId('tag-open-count')).toHaveText('2');
  expect(await seriousViolations(page)).toEqual([]);

  await row('refunds').getByRole('button', { name: 'Merge refunds' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “refunds”' });
  await dialog.getByLabel('Merge into').selectOption({ label: 'refund' });
  await expect(dialog.getByTestId('merge-summary')).toContainText('(2 open)');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(row('refunds')).toHaveCount(0);
  await expect(row('refund').getByTestId('tag-open-count')).toHaveText('3');

  const tags = await ws.admin.api.request<Tag[]>('GET', '/v1/tags');
  expect(tags.map((t) => t.name)).toEqual(['refund']);
  const tagged = (await ws.admin.api.conversations()).filter((c: Conversation) =>
    ws.conversationIds.includes(c.id),
  );
  expect(tagged.map((c) => c.tags)).toEqual([['refund'], ['refund'], ['refund']]);
});

test('an admin invites from the Members page, resends, and the first code stops working', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  const email = `bea-${Math.random().toString(36).slice(2, 8)}@acme.test`;
  const page = await adminOptions(extension, api.url, ws, 'members');

  await page.getByTestId('invite-email').fill(email);
  await page.getByTestId('invite-role').selectOption('lead');
  await page.getByTestId('send-invite').click();
  const firstCode =
    (await page.getByTestId('invite-created').getByTestId('invite-code').textContent()) ?? '';
  expect(firstCode.length).toBeGreaterThan(10);

  const invite = page.locator(`[data-testid="invite-row"][data-email="${email}"]`);
  await invite.getByRole('button', { name: `Resend to ${email}` }).click();
  const resent = page.getByTestId('invite-resent').getByTestId('invite-code');
  await expect(resent).toBeVisible();
  const secondCode = (await resent.textContent()) ?? '';
  expect(secondCode).not.toBe(firstCode);
  await expect(page.getByTestId('invite-row')).toHaveCount(1);

  const identity = await new ApiClient(api.url).devSignIn(email, 'Bea Lead');
  const invitee = new ApiClient(api.url).withToken(identity.identityToken);
  await expect(invitee.acceptInvite(firstCode)).rejects.toThrow(/409.*revoked/);
  const session = await invitee.acceptInvite(secondCode);
  expect(session.member.role).toBe('lead');
});
