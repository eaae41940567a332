import { expect, test } from './fixtures';
import { gmail, ORDER_SUBJECT, outlook } from './harness/mail-host';
import { seedWorkspace } from './harness/seed';

// Gmail's InboxSDK calls home (api.inboxsdk.com); the guard blocks it, and the test checks
// what was tried.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

test('one workspace, both hosts: a conversation recorded in Gmail and ones recorded in Outlook share the All open queue on both, each disabled where it does not live and saying where it does', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const pageErrors: Error[] = [];
  extension.context.on('weberror', (e) => {
    if (!gmail.isFixtureError(e.error())) pageErrors.push(e.error());
  });
  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync();

  // Ana has her Gmail and the team's Outlook shared mailbox open: each records the order
  // conversation its own way (Gmail by Message-ID, Outlook by conversation id), and
  // Outlook's list records its other listed rows too.
  const [inGmail, inOutlook] = await Promise.all([
    gmail.open(extension.context, 'ana'),
    outlook.open(extension.context, 'ana'),
  ]);
  for (const desk of [inGmail, inOutlook]) {
    await expect(desk.sidebar.assignee).toHaveText('Unassigned', { timeout: 20_000 });
  }
  // Outlook's list shows four conversations (the virtual list's window), Gmail's thread one.
  const bySubject = async () => {
    const all = await workspace.admin.api.conversations();
    return all.map((c) => `${c.host} ${c.subject}`).sort();
  };
  await expect
    .poll(bySubject, { timeout: 20_000 })
    .toEqual([
      `gmail ${ORDER_SUBJECT}`,
      "outlook Can't log in after password reset",
      `outlook ${ORDER_SUBJECT}`,
      'outlook Re: Shipping to Canada',
      'outlook Refund request for invoice INV-2210',
    ]);
  const onServer = await workspace.admin.api.conversations();
  expect(onServer.map((c) => c.key)).toEqual(
    expect.arrayContaining([gmail.order.key, outlook.order.key]),
  );

  // Every one of them is open, so All open lists them all on both hosts. Its own are
  // enabled; the other host's are disabled and say where they are.
  for (const [desk, here, other] of [
    [inGmail, gmail, outlook],
    [inOutlook, outlook, gmail],
  ] as const) {
    const queue = await desk.openQueue('all-open');
    await expect(queue.getByRole('heading', { name: 'All open' })).toBeVisible({
      timeout: 20_000,
    });
    const rows = queue.getByTestId('queue-row');
    await expect(rows).toHaveCount(onServer.length);
    const elsewhere = rows.filter({ hasText: `In ${other.label}` });
    const own = rows.filter({ hasNotText: `In ${other.label}` });
    const ownCount = onServer.filter((c) => c.host === here.name).length;
    await expect(own).toHaveCount(ownCount);
    await expect(elsewhere).toHaveCount(onServer.length - ownCount);
    for (const row of await elsewhere.all()) await expect(row).toBeDisabled();
    for (const row of await own.all()) await expect(row).toBeEnabled();
    await expect(queue).not.toContainText('In another agent’s mailbox');
    // The same customer's order is listed twice: once per host that recorded it.
    await expect(own.filter({ hasText: ORDER_SUBJECT })).toHaveCount(1);
    await expect(elsewhere.filter({ hasText: ORDER_SUBJECT })).toHaveCount(1);
  }

  // In Outlook a queue row opens its conversation (a click on its list row); Gmail's needs
  // Gmail itself to map thread ids (see gmail-queues-templates.spec.ts).
  const refund = 'Refund request for invoice INV-2210';
  const queue = inOutlook.page.getByTestId('sidedesk-queue');
  await queue.getByTestId('queue-row').filter({ hasText: refund }).click();
  await expect(queue).toBeHidden();
  const pane = inOutlook.page.locator('[data-app-section="MailReadCompose"]');
  await expect(pane.getByRole('heading', { name: refund })).toBeVisible();
  await expect(inOutlook.sidebar.root).toHaveAttribute(
    'data-conversation-id',
    onServer.find((c) => c.subject === refund)?.id ?? '',
  );

  gmail.expectOutsideRequests(extension.network.blocked.map((b) => b.url));
  expect((await popup.state()).sync.pageError).toBeNull();
  expect(pageErrors).toEqual([]);
});
