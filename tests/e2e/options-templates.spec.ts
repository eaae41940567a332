import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Template, TemplateVersion } from '../../lib/schema';
import { type Extension, expect, test } from './fixtures';
import { launchWithExtension } from './harness/chromium';
import { sendToBackground } from './harness/extension-messages';
import { isGoogleOrInboxSdk, openGmail } from './harness/gmail';
import { guardNetwork } from './harness/network-guard';
import { PopupPage } from './harness/popup';
import { saveScreenshot } from './harness/screenshots';
import { type SeededMember, type SeededWorkspace, seedWorkspace } from './harness/seed';

test.setTimeout(90_000);

/** The extension signed in as `who`, with the Templates section of the options page open. */
async function templatesPage(
  extension: Extension,
  apiUrl: string,
  ws: SeededWorkspace,
  who: SeededMember,
) {
  const popup = await extension.openPopup();
  await popup.signInWithEmail(apiUrl, who.email);
  await popup.expectSignedIn({ workspace: ws.workspaceName, role: who.role });
  await popup.page.close();
  const page = await extension.openPage('options.html#/templates');
  await expect(page.getByRole('heading', { level: 2, name: /templates/i })).toBeVisible();
  return page;
}

const templatesOf = (member: SeededMember) =>
  member.api.request<Template[]>('GET', '/v1/templates');

async function openTemplate(page: Page, title: string) {
  await page.getByTestId('template-row').filter({ hasText: title }).click();
  await expect(page.getByTestId('template-title')).toHaveValue(title);
}

test.describe('with InboxSDK calling home', () => {
  // The agent's Gmail page loads InboxSDK, which calls home; the guard blocks it.
  test.use({ allowEscapes: true });

  test('an admin creates a template with variables; an agent in another browser gets it in the compose picker without reload', async ({
    extension,
    api,
  }, testInfo) => {
    const ws = await seedWorkspace(api.url, { conversations: 0 });

    // The agent's browser, composing before the template exists.
    const agentBrowser = await launchWithExtension();
    try {
      const agentNetwork = await guardNetwork(agentBrowser.context);
      const agentPopupPage = await agentBrowser.context.newPage();
      await agentPopupPage.goto(agentBrowser.pageUrl('popup.html'));
      const agentPopup = new PopupPage(agentPopupPage);
      await agentPopup.signInWithEmail(api.url, ws.agent.email);
      await agentPopup.expectInSync();
      const gmail = await openGmail(agentBrowser.context, 'compose-2026-11.html', 'inbox');
      const insert = gmail.getByRole('button', { name: /Insert a template/ });
      await expect(insert).toBeVisible({ timeout: 20_000 });

      // The admin writes it in the options page: text, a variable from the picker, bold.
      const page = await templatesPage(extension, api.url, ws, ws.admin);
      await page.getByTestId('template-new').click();
      await page.getByTestId('template-title').fill('Shipping delay apology');
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await page.keyboard.type('Hi ');
      await page.getByLabel('Insert variable').selectOption('customer.firstName');
      await page.keyboard.type(', sorry for the wait.');
      await expect(body).toContainText('Hi {{customer.firstName}}, sorry for the wait.');
      await expect(page.getByTestId('template-preview')).toContainText(
        'Hi Maria, sorry for the wait.',
      );
      await page.getByTestId('template-shortcut').fill('delay');
      await page.getByLabel('Who can use it').selectOption('workspace');
      await page.getByTestId('template-save').click();
      await expect(
        page.getByTestId('template-row').filter({ hasText: 'Shipping delay apology' }),
      ).toBeVisible();
      await expect(page.getByTestId('template-versions').getByTestId('version-row')).toHaveCount(1);
      await saveScreenshot(page.locator('body'), testInfo, 'options-templates.png');
      const [saved] = (await templatesOf(ws.admin)).filter(
        (t) => t.title === 'Shipping delay apology',
      );
      expect(saved).toMatchObject({
        scope: 'workspace',
        shortcut: 'delay',
        body: expect.stringContaining('Hi {{customer.firstName}}, sorry for the wait.'),
      });

      // The agent's picker, on the same page as before, lists it.
      await insert.click();
      const picker = gmail.getByTestId('template-picker');
      await gmail.keyboard.type('delay apology');
      await expect(picker.getByRole('option')).toHaveCount(1, { timeout: 10_000 });
      await expect(picker.getByRole('option')).toContainText('Shipping delay apology');

      const blocked = [...extension.network.blocked, ...agentNetwork.blocked].map((b) => b.url);
      expect(blocked.filter((url) => !isGoogleOrInboxSdk(url))).toEqual([]);
    } finally {
      await agentBrowser.close();
    }
  });
});

test('a lead cannot edit a workspace template: the page explains, and the API refuses', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  const template = await ws.admin.api.request<Template>('POST', '/v1/templates', {
    title: 'Company holidays',
    body: '<p>We are closed on public holidays.</p>',
    scope: 'workspace',
  });

  const page = await templatesPage(extension, api.url, ws, ws.lead);
  await openTemplate(page, 'Company holidays');
  await expect(page.getByTestId('template-readonly')).toContainText(
    'Only admin members may edit workspace templates.',
  );
  await expect(page.getByTestId('template-title')).toBeDisabled();
  await expect(page.getByTestId('template-save')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  // The scopes a lead may create: personal and team only.
  await page.getByTestId('template-new').click();
  await expect(page.getByLabel('Who can use it').locator('option')).toHaveText([
    'Only me (personal)',
    'A team',
  ]);

  await expect(
    ws.lead.api.request('PATCH', `/v1/templates/${template.id}`, {
      revision: 1,
      title: 'Mine now',
    }),
  ).rejects.toThrow(/→ 403/);
  expect((await templatesOf(ws.admin)).find((t) => t.id === template.id)?.title).toBe(
    'Company holidays',
  );
});

test('importing a malformed file changes nothing and says where it is wrong', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  await ws.admin.api.request('POST', '/v1/templates', {
    title: 'Kept',
    body: '<p>x</p>',
    scope: 'workspace',
  });
  const page = await templatesPage(extension, api.url, ws, ws.admin);
  const input = page.getByTestId('template-import');
  const outcome = page.getByTestId('import-outcome');
  const good = { title: 'Fine', body: '<p>ok</p>', scope: 'workspace' };

  // Caught here: a bad shortcut in the second template, named by line and field.
  const text = JSON.stringify(
    { version: 1, templates: [good, { ...good, shortcut: 'Bad Shortcut' }] },
    null,
    2,
  );
  const line = text.split('\n').findIndex((l) => l.includes('"shortcut"')) + 1;
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(outcome).toContainText('Nothing was imported: bad.json has problems.');
  await expect(outcome).toContainText(`Line ${line}, templates.1.shortcut:`);

  // Broken JSON: the line of the syntax error.
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "version": 1,\n  "templates": [\n    {"title": "x",}\n  ]\n}'),
  });
  await expect(outcome).toContainText('Line 4');
  await expect(outcome).toContainText('Not JSON');

  // Only the API knows: a team that does not exist. Its issue path is shown.
  const unknownTeam = { ...good, scope: 'team', teamId: '00000000-0000-4000-8000-000000000999' };
  await input.setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, templates: [good, unknownTeam] })),
  });
  await expect(outcome).toContainText('Nothing was imported: team.json has problems.');
  await expect(outcome).toContainText('templates.1.teamId');

  expect((await templatesOf(ws.admin)).map((t) => t.title)).toEqual(['Kept']);
  await expect(page.getByTestId('template-row')).toHaveCount(1);
});

test('a template restored from version 1 round-trips exactly', async ({ extension, api }) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  await ws.admin.api.request('POST', '/v1/tags', { name: 'billing' });
  const original = {
    title: 'Refund approved',
    body: '<p>Hi {{customer.firstName}}, your <b>refund</b> is on its way.</p><ul><li>5 days</li></ul>',
    scope: 'workspace',
    folder: 'Billing',
    shortcut: 'refund',
    tags: ['billing'],
    instruction: 'Keep it warm',
  };
  const made = await ws.admin.api.request<Template>('POST', '/v1/templates', original);

  const page = await templatesPage(extension, api.url, ws, ws.admin);
  await openTemplate(page, 'Refund approved');
  await page.getByTestId('template-title').fill('Refund approved (new policy)');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thanks!');
  await page.getByTestId('template-save').click();
  await expect(page.getByText('Saved (revision 2).')).toBeVisible();

  const versions = page.getByTestId('template-versions');
  await expect(versions.getByTestId('version-row')).toHaveCount(2);
  await versions.getByRole('button', { name: 'Compare with current' }).click();
  await expect(page.getByTestId('version-diff')).toContainText('Refund approved (new policy)');
  await expect(page.getByTestId('version-diff').locator('ins')).toContainText([/Thanks!/]);
  await versions.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(page.getByTestId('template-title')).toHaveValue('Refund approved');
  await expect(versions.getByTestId('version-row')).toHaveCount(3);

  const history = await ws.admin.api.request<TemplateVersion[]>(
    'GET',
    `/v1/templates/${made.id}/versions`,
  );
  expect(history.map((v) => v.revision)).toEqual([3, 2, 1]);
  expect(history[0]!.content).toEqual(history[2]!.content);
  expect(history[0]!.content).toEqual({ ...original, teamId: null });
});

test('the templates page has no serious accessibility violations', async ({ extension, api }) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  await ws.admin.api.request('POST', '/v1/templates', {
    title: 'Welcome',
    body: '<p>Hi {{customer.firstName}}</p>',
    scope: 'workspace',
    folder: 'Onboarding',
  });
  const page = await templatesPage(extension, api.url, ws, ws.admin);
  await openTemplate(page, 'Welcome');
  await expect(page.getByTestId('template-usage')).toContainText('Not inserted yet.');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target) }));
  expect(serious).toEqual([]);
});

test('a save from a stale revision opens the merge view and overwrites nothing', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  const made = await ws.admin.api.request<Template>('POST', '/v1/templates', {
    title: 'Password reset',
    body: '<p>Use the link.</p>',
    scope: 'workspace',
  });
  const page = await templatesPage(extension, api.url, ws, ws.admin);
  await openTemplate(page, 'Password reset');

  // Someone else saves meanwhile (the list follows, but this draft is edited first).
  await page.getByTestId('template-title').fill('Password reset (mine)');
  await ws.admin.api.request('PATCH', `/v1/templates/${made.id}`, {
    revision: 1,
    body: '<p>Use the new link.</p>',
  });
  await page.getByTestId('template-save').click();

  const merge = page.getByTestId('merge-view');
  await expect(merge).toContainText('now revision 2');
  const row = (field: string) => merge.getByRole('row', { name: new RegExp(`^${field}`) });
  await expect(row('Title').getByRole('radio', { name: /Password reset \(mine\)/ })).toBeChecked();
  await expect(row('Body').getByRole('radio', { name: /Use the new link/ })).toBeChecked();
  expect((await templatesOf(ws.admin)).find((t) => t.id === made.id)).toMatchObject({
    title: 'Password reset',
    body: '<p>Use the new link.</p>',
    revision: 2,
  });

  await page.getByTestId('merge-save').click();
  await expect(merge).toBeHidden();
  await expect(page.getByText('Saved (revision 3).')).toBeVisible();
  expect((await templatesOf(ws.admin)).find((t) => t.id === made.id)).toMatchObject({
    title: 'Password reset (mine)',
    body: '<p>Use the new link.</p>',
    revision: 3,
  });
});

test('offline, the cached templates show read-only under a banner', async ({
  extension,
  startApi,
}) => {
  const own = await startApi();
  const ws = await seedWorkspace(own.url, { conversations: 0 });
  await ws.admin.api.request('POST', '/v1/templates', {
    title: 'Cached one',
    body: '<p>Kept in the browser.</p>',
    scope: 'workspace',
  });
  const page = await templatesPage(extension, own.url, ws, ws.admin);
  await expect(page.getByTestId('template-row')).toHaveCount(1);
  // The cache has it once sync has run.
  await expect
    .poll(() => sendToBackground(page, { type: 'listTemplates' }))
    .toMatchObject([{ title: 'Cached one' }]);

  await own.stop();
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toContainText('Offline.');
  await openTemplate(page, 'Cached one');
  await expect(page.getByTestId('template-title')).toBeDisabled();
  await expect(page.getByTestId('template-save')).toBeDisabled();
  await expect(page.getByTestId('template-new')).toBeDisabled();
  await expect(page.getByTestId('template-import')).toBeDisabled();
});
