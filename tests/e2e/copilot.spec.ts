import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Event, Template } from '../../lib/schema';
import { expect, test } from './fixtures';
import { filesContaining, tablesContaining } from './harness/database-scan';
import { isGoogleOrInboxSdk, openGmail, sidebarOf } from './harness/gmail';
import { CANARY, CUSTOMER_PHONE, copilotThread } from './harness/gmail-copilot';
import { gmail } from './harness/mail-host';
import { saveScreenshot } from './harness/screenshots';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the network guard blocks it. Nothing else may try.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

const ANA_THREAD = '1a1e3845ce800a10';
const EDIT = 'P.S. I have asked the warehouse to check the packing. Ana';
const DARK_FIXTURE_THEME = '.aio { color: #e3e3e3; } .nH.bkK > .nH { background: #1f1f1f; }';
const LIGHT_FIXTURE_THEME = '.aio { color: #202124; } .nH.bkK > .nH { background: #ffffff; }';

/** Gmail's frame goes light or dark as InboxSDK reads it (tests/fixtures/gmail/NOTES.md). */
async function setFrameTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate(
    (css) => {
      const style = document.getElementById('fixture-theme');
      if (style) style.textContent = css;
    },
    theme === 'dark' ? DARK_FIXTURE_THEME : LIGHT_FIXTURE_THEME,
  );
  await expect(
    page.locator(`[data-theme="${theme}"] > [data-testid="sidedesk-sidebar"]`),
  ).toHaveCount(1);
}

/** axe's serious and critical findings in the sidebar (its shadow root included). */
async function sidebarViolations(page: Page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot?.querySelector('[data-testid="sidedesk-sidebar"]'))
        el.setAttribute('data-a11y-sidebar-host', '');
    }
  });
  const results = await new AxeBuilder({ page }).include('[data-a11y-sidebar-host]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target) }));
}

test('an agent drafts a reply offline, edits it and inserts it into a Gmail reply; the thread text never reaches the API', async ({
  extension,
  startApi,
}, testInfo) => {
  // An API of this test's own, so its database can be read once it stopped.
  const api = await startApi();
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const template = await workspace.admin.api.request<Template>('POST', '/v1/templates', {
    title: 'Damaged order: a replacement is on its way',
    body: '<p>Hi {{customer.firstName}}, I am sorry your order arrived damaged. A replacement is on its way today, no need to send the broken item back.</p>',
    scope: 'workspace',
  });

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync();

  const page = await openGmail(
    extension.context,
    'thread-2026-11.html',
    `inbox/${ANA_THREAD}`,
    undefined,
    copilotThread,
  );
  const copilot = sidebarOf(page).root.getByTestId('copilot');
  await expect(copilot).toBeVisible({ timeout: 30_000 });
  // A new conversation (open, unassigned, untagged) gets offline triage suggestions unasked.
  await expect(copilot.getByTestId('copilot-triage')).toBeVisible({ timeout: 15_000 });
  await expect(copilot.getByTestId('triage-line').first()).toBeVisible();

  // The agent asks; the thread is read from the page now and answered in the browser.
  await copilot.getByTestId('copilot-draft-button').click();
  const draft = copilot.getByTestId('copilot-draft');
  await expect(draft).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
  await expect(
    copilot.getByTestId('copilot-source').filter({ hasText: template.title }),
  ).toHaveCount(1);
  await copilot.getByText('View prompt').click();
  await expect(copilot.getByTestId('copilot-prompt')).toContainText(
    'Offline: nothing left this browser.',
  );

  // Labelled and keyboard-operable, with enough contrast, in Gmail's light and dark frames.
  expect(await sidebarViolations(page)).toEqual([]);
  await setFrameTheme(page, 'dark');
  expect(await sidebarViolations(page)).toEqual([]);
  await setFrameTheme(page, 'light');

  const text = copilot.getByTestId('copilot-text');
  const generated = await text.inputValue();
  expect(generated.trim().length).toBeGreaterThan(20);
  await text.fill(`${generated.trimEnd()}\n\n${EDIT}`);
  await text.evaluate((area) => {
    area.scrollTop = 0;
  });
  // Tall enough that the section is shot in place (a shot beyond the viewport relays the page).
  await page.setViewportSize({ width: 1280, height: 1800 });
  await saveScreenshot(copilot, testInfo, 'copilot-draft.png');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Insert opens a reply on the thread (Gmail's Reply) and puts the edited text in it, unsent.
  await copilot.getByTestId('copilot-insert').click();
  await expect(copilot.getByTestId('copilot-status')).toContainText('Nothing was sent');
  const reply = page.locator('.inboxsdk__compose_inlineReply').getByRole('textbox', {
    name: 'Message Body',
  });
  await expect(reply).toContainText(EDIT);
  await expect(reply).toContainText(generated.trim().split('\n')[0] ?? '');
  expect(await page.evaluate(() => (window as { __replyOpened?: number }).__replyOpened)).toBe(1);

  // The event names who asked, the provider, the template source and "edited"; no text.
  const conversationId = await conversationIdFor(gmail.order.key);
  const copilotEvents = async () => {
    const events = await workspace.lead.api.request<Event[]>(
      'GET',
      `/v1/conversations/${encodeURIComponent(conversationId)}/events`,
    );
    return events.filter((e) => e.type.startsWith('copilot.'));
  };
  await expect.poll(async () => (await copilotEvents()).length, { timeout: 15_000 }).toBe(1);
  const [event] = await copilotEvents();
  expect(event).toMatchObject({
    type: 'copilot.draft',
    actorId: workspace.agent.session.member.id,
    conversationId,
    after: {
      task: 'draft',
      provider: 'offline',
      model: null,
      outcome: 'edited',
    },
  });
  const after = event?.after as { sources: { kind: string; id: string }[] };
  expect(after.sources).toContainEqual({ kind: 'template', id: template.id });
  expect(JSON.stringify(event)).not.toContain(CANARY);

  // Nothing but InboxSDK's and Google's calls home tried to leave (all were blocked).
  expect(
    extension.network.blocked.map((b) => b.url).filter((url) => !isGoogleOrInboxSdk(url)),
  ).toEqual([]);

  // The canary is nowhere in the API's database: no row of any table, no file of its folder.
  await api.stop();
  const found = await tablesContaining(api.dataDir, [CANARY, template.title]);
  expect(found[template.title]?.length, 'the scan sees what the API stored').toBeGreaterThan(0);
  expect(found[CANARY]).toEqual([]);
  expect(await filesContaining(api.dataDir, CANARY)).toEqual([]);
});

/** A stand-in for an OpenAI-compatible server: streams a fixed answer, keeps every request. */
async function startChatServer() {
  const requests: { authorization: string | undefined; body: string }[] = [];
  const server = createServer((req, res) => {
    // The worker calls from the extension's origin: answer CORS as OpenAI's API does.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({ authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (content: string) =>
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'local-test', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
      for (const piece of ['Hi Maria, ', 'a new lamp ', 'ships today.']) res.write(chunk(piece));
      res.write(
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'local-test', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('an admin sets an OpenAI-compatible provider; the prompt it is sent is shown, redacted', async ({
  extension,
  api,
}) => {
  const chat = await startChatServer();
  try {
    const workspace = await seedWorkspace(api.url, { conversations: 0 });
    const popup = await extension.openPopup();
    await popup.signInWithEmail(api.url, workspace.admin.email);
    await popup.expectInSync();

    const options = await extension.openPage('options.html#/copilot');
    const form = options.getByTestId('copilot-form');
    await form.getByTestId('copilot-provider-openai').check();
    await form.getByTestId('copilot-save').click();
    // Checked before anything is sent: both fields are needed.
    await expect(form.getByText('needs its base URL')).toBeVisible();
    await expect(form.getByText('Name the model')).toBeVisible();
    await form.getByTestId('copilot-base-url').fill(chat.baseUrl);
    await form.getByTestId('copilot-model').fill('local-test');
    await form.getByTestId('copilot-key-replace').click();
    await form.getByTestId('copilot-key-input').fill('sk-local-test');
    await form.getByTestId('copilot-external').check();
    await form.getByTestId('copilot-save').click();
    await expect(form.getByTestId('copilot-key-state')).toContainText('Key set');
    await expect(form.getByTestId('copilot-key-input')).toHaveCount(0);
    const stored = await workspace.admin.api.request<Record<string, unknown>>(
      'GET',
      '/v1/copilot/settings',
    );
    expect(stored).toMatchObject({
      provider: 'openai-compatible',
      baseUrl: chat.baseUrl,
      model: 'local-test',
      keySet: true,
      redactPii: true,
      externalAllowed: true,
    });
    expect(JSON.stringify(stored)).not.toContain('sk-local-test');
    const axe = await new AxeBuilder({ page: options }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );

    const page = await openGmail(
      extension.context,
      'thread-2026-11.html',
      `inbox/${ANA_THREAD}`,
      undefined,
      copilotThread,
    );
    const copilot = sidebarOf(page).root.getByTestId('copilot');
    await expect(copilot).toBeVisible({ timeout: 30_000 });
    // Unasked triage stays offline: nothing went to the provider before the agent asked.
    await expect(copilot.getByTestId('copilot-triage')).toBeVisible({ timeout: 15_000 });
    expect(chat.requests).toEqual([]);

    await copilot.getByTestId('copilot-draft-button').click();
    await expect(copilot.getByTestId('copilot-draft')).toHaveAttribute('data-phase', 'done', {
      timeout: 20_000,
    });
    await expect(copilot.getByTestId('copilot-text')).toHaveValue(
      'Hi Maria, a new lamp ships today.',
    );
    await copilot.getByText('View prompt').click();
    const prompt = copilot.getByTestId('copilot-prompt');
    await expect(prompt).toContainText('local-test');
    await expect(prompt).toContainText('[phone]');
    await expect(prompt).not.toContainText(CUSTOMER_PHONE);
    await expect(prompt).not.toContainText('maria.lopez@customer.test');

    // What the provider got is exactly what "View prompt" shows, with the workspace's key.
    expect(chat.requests).toHaveLength(1);
    const sent = JSON.parse(chat.requests[0]?.body ?? '{}') as {
      model: string;
      messages: { role: string; content: string }[];
    };
    expect(chat.requests[0]?.authorization).toBe('Bearer sk-local-test');
    expect(sent.model).toBe('local-test');
    const shown = await prompt.getByTestId('copilot-prompt-message').allTextContents();
    expect(sent.messages.map((m) => m.content)).toEqual(shown);
    expect(chat.requests[0]?.body).not.toContain(CUSTOMER_PHONE);
  } finally {
    await chat.close();
  }
});
