import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { SlaCalendarRecord, SlaPolicyRecord } from '../../lib/schema';
import { countryHolidays } from '../../lib/sla/country-holidays';
import { type Extension, expect, test } from './fixtures';
import { sendToBackground } from './harness/extension-messages';
import { saveScreenshot } from './harness/screenshots';
import { type SeededMember, type SeededWorkspace, seedWorkspace } from './harness/seed';

test.setTimeout(90_000);

/** The extension signed in as `who`, with a part of the SLA section open. */
async function slaPage(
  extension: Extension,
  apiUrl: string,
  ws: SeededWorkspace,
  who: SeededMember,
  part: 'calendars' | 'policies' | 'webhook',
) {
  const popup = await extension.openPopup();
  await popup.signInWithEmail(apiUrl, who.email);
  await popup.expectSignedIn({ workspace: ws.workspaceName, role: who.role });
  await popup.page.close();
  const page = await extension.openPage(`options.html#/sla/${part}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Service levels (SLA)' })).toBeVisible();
  return page;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
}

const calendarsOf = (m: SeededMember) =>
  m.api.request<SlaCalendarRecord[]>('GET', '/v1/sla/calendars');
const policyNames = async (m: SeededMember) =>
  (await m.api.request<SlaPolicyRecord[]>('GET', '/v1/sla/policies'))
    .sort((a, b) => a.position - b.position)
    .map((p) => p.name);

const split = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '18:00' },
];
const weekdays = (windows: typeof split) => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
  sat: [],
  sun: [],
});

test('an admin sets up a split-shift calendar with imported holidays, a P1 policy with its preview, and the order', async ({
  extension,
  api,
}, testInfo) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  await ws.admin.api.request('POST', '/v1/tags', { name: 'outage' });
  await ws.admin.api.request('POST', '/v1/sla/policies', {
    name: 'General',
    targets: { firstResponse: 240 },
    clock: 'calendar',
  });
  const page = await slaPage(extension, api.url, ws, ws.admin, 'calendars');

  // A calendar: Monday split into two windows, copied to the other weekdays.
  await page.getByTestId('calendar-new').click();
  const editor = page.getByTestId('calendar-editor');
  await editor.getByTestId('calendar-name').fill('Berlin office');
  await editor.getByTestId('calendar-zone').fill('Europe/Berlin');
  await editor.getByLabel('Monday window 1 end').fill('12:30');
  await editor.getByRole('button', { name: 'Add window on Monday' }).click();
  // The schema's own message shows at the day while the windows overlap.
  await editor.getByLabel('Monday window 2 start').fill('12:00');
  await editor.getByLabel('Monday window 2 end').fill('18:00');
  await expect(page.locator('[data-testid="day-row"][data-day="mon"]')).toContainText(
    'windows of one day must not overlap',
  );
  await editor.getByLabel('Monday window 2 start').fill('13:30');
  await expect(page.locator('[data-testid="day-row"][data-day="mon"]')).not.toContainText(
    'overlap',
  );
  await editor.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
  await expect(editor.getByLabel('Friday window 2 end')).toHaveValue('18:00');
  await editor.getByTestId('calendar-save').click();
  await expect(page.getByRole('heading', { name: 'Calendar “Berlin office”' })).toBeVisible();
  await expect(
    page.locator('[data-testid="calendar-row"][data-name="Berlin office"]'),
  ).toContainText('Mon–Fri 09:00–12:30, 13:30–18:00');

  // Germany's public holidays for 2026, through the import route; the page lists what came.
  const german = countryHolidays('DE', null, [2026]);
  await editor.getByTestId('import-country').fill('de');
  await editor.getByTestId('import-years').fill('2026');
  await editor.getByTestId('import-run').click();
  const result = editor.getByTestId('import-result');
  await expect(result).toContainText(`Added ${german.length} holidays:`);
  await expect(result.getByRole('listitem')).toHaveText(german.map((h) => `${h.date} ${h.name}`));
  await expect(editor.getByTestId('holiday-row')).toHaveCount(german.length);
  const [calendar] = await calendarsOf(ws.admin);
  expect(calendar).toMatchObject({
    name: 'Berlin office',
    timeZone: 'Europe/Berlin',
    alwaysOpen: false,
    weekly: weekdays(split),
    holidays: german,
    holidayCountry: { country: 'DE', region: null },
  });
  expect(await seriousViolations(page)).toEqual([]);

  // A P1 policy; its preview follows the draft, computed in the page.
  await page
    .getByRole('navigation', { name: 'SLA settings' })
    .getByRole('link', { name: 'Policies' })
    .click();
  await page.getByTestId('policy-new').click();
  const policy = page.getByTestId('policy-editor');
  await policy.getByTestId('policy-name').fill('P1');
  await policy.getByRole('checkbox', { name: 'urgent' }).check();
  await policy.getByRole('checkbox', { name: 'outage' }).check();
  await policy.getByLabel('minutes for first response').fill('30');
  await policy.getByLabel('hours for resolution').fill('8');
  await expect(policy.getByTestId('policy-calendar')).toHaveValue(calendar!.id);
  const sentence = (kind: string) =>
    policy.getByTestId(`preview-${kind}`).getByTestId('preview-sentence');
  // The default arrival: this week's Friday 17:50 in the calendar's zone.
  await expect(sentence('firstResponse')).toContainText('a P1 email arriving Friday 17:50 is due');
  // 10 min on Friday (17:50–18:00), 20 from Monday 09:00; resolution: 10 + 3 h 30 before
  // lunch + 4 h 20 after it.
  await policy.getByTestId('preview-arrival').fill('2026-01-09T17:50');
  await expect(sentence('firstResponse')).toHaveText(
    'a P1 email arriving Friday 17:50 is due Monday 09:20',
  );
  await expect(sentence('resolution')).toHaveText(
    'a P1 email arriving Friday 17:50 is due Monday 17:50',
  );
  await expect(policy.getByTestId('preview-nextResponse')).toHaveCount(0);
  // Christmas Eve: Friday 25 December (imported) and the weekend are closed.
  await policy.getByTestId('preview-arrival').fill('2026-12-24T17:50');
  await expect(sentence('firstResponse')).toHaveText(
    'a P1 email arriving Thursday 17:50 is due Monday 09:20',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, testInfo, 'options-sla.png');
  await policy.getByTestId('policy-save').click();
  await expect(page.getByRole('heading', { name: 'Policy “P1”' })).toBeVisible();
  const rows = page.getByTestId('policy-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveAttribute('data-name', 'P1');
  const saved = (await ws.admin.api.request<SlaPolicyRecord[]>('GET', '/v1/sla/policies')).find(
    (p) => p.name === 'P1',
  );
  expect(saved).toMatchObject({
    conditions: { priorities: ['urgent'], tags: ['outage'] },
    targets: { firstResponse: 30, resolution: 480 },
    clock: 'business',
    calendarId: calendar!.id,
    pauseWhen: ['pending', 'snoozed'],
  });

  // P1 goes first; focus stays on the moved row, and the API has the new order.
  const up = page.getByRole('button', { name: 'Move up P1' });
  await up.click();
  await expect(rows.nth(0)).toHaveAttribute('data-name', 'P1');
  await expect(page.getByRole('button', { name: 'Move down P1' })).toBeFocused();
  await expect.poll(() => policyNames(ws.admin)).toEqual(['P1', 'General']);
  await expect(up).toBeDisabled();
});

test('an agent reads the SLA section without the means to change it', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  const calendar = await ws.admin.api.request<SlaCalendarRecord>('POST', '/v1/sla/calendars', {
    name: 'New York office',
    timeZone: 'America/New_York',
    weekly: weekdays([{ start: '09:00', end: '17:00' }]),
  });
  await ws.admin.api.request('POST', '/v1/sla/policies', {
    name: 'P2 billing',
    targets: { firstResponse: 120 },
    clock: 'business',
    calendarId: calendar.id,
  });
  const page = await slaPage(extension, api.url, ws, ws.agent, 'policies');
  await expect(page.getByTestId('sla-readonly')).toContainText('Only admins change');
  await expect(page.getByRole('link', { name: 'Breach webhook' })).toHaveCount(0);
  await expect(page.getByTestId('policy-new')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Move (up|down)/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'P2 billing' }).click();
  const policy = page.getByTestId('policy-editor');
  await expect(policy.getByTestId('policy-name')).toBeDisabled();
  await expect(policy.getByLabel('hours for first response')).toBeDisabled();
  await expect(policy.getByTestId('policy-save')).toHaveCount(0);
  // The preview still answers "when would it be due?": Friday 16:30 + 2 h of 09–17.
  await policy.getByTestId('preview-arrival').fill('2026-01-09T16:30');
  await expect(policy.getByTestId('preview-sentence')).toHaveText(
    'a P2 billing email arriving Friday 16:30 is due Monday 10:30',
  );
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Calendars' }).click();
  await page.getByRole('button', { name: 'New York office' }).click();
  const editor = page.getByTestId('calendar-editor');
  await expect(editor.getByTestId('calendar-name')).toBeDisabled();
  await expect(editor.getByTestId('import-run')).toBeDisabled();
  await expect(editor.getByTestId('calendar-save')).toHaveCount(0);
  await expect(page.getByTestId('calendar-new')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await expect(
    ws.agent.api.request('PATCH', `/v1/sla/calendars/${calendar.id}`, {
      expectedVersion: calendar.version,
      name: 'Mine',
    }),
  ).rejects.toThrow(/→ 403/);
});

test('a stale calendar save loads the other admin’s version and reapplies only my change', async ({
  extension,
  api,
}) => {
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  const calendar = await ws.admin.api.request<SlaCalendarRecord>('POST', '/v1/sla/calendars', {
    name: 'Office',
    timeZone: 'Europe/Berlin',
    weekly: weekdays([{ start: '09:00', end: '17:00' }]),
  });
  const page = await slaPage(extension, api.url, ws, ws.admin, 'calendars');
  await page.getByRole('button', { name: 'Office' }).click();
  const editor = page.getByTestId('calendar-editor');
  await editor.getByTestId('calendar-name').fill('Berlin office');
  await ws.admin.api.request('PATCH', `/v1/sla/calendars/${calendar.id}`, {
    expectedVersion: calendar.version,
    timeZone: 'Europe/Paris',
  });
  await editor.getByTestId('calendar-save').click();

  await expect(page.getByTestId('stale-notice')).toContainText(
    'Someone else saved this calendar while you edited it.',
  );
  await expect(editor.getByTestId('calendar-name')).toHaveValue('Office');
  await expect(editor.getByTestId('calendar-zone')).toHaveValue('Europe/Paris');
  expect((await calendarsOf(ws.admin))[0]).toMatchObject({
    name: 'Office',
    timeZone: 'Europe/Paris',
  });

  await page.getByRole('button', { name: 'Reapply my changes' }).click();
  await expect(editor.getByTestId('calendar-name')).toHaveValue('Berlin office');
  await expect(editor.getByTestId('calendar-zone')).toHaveValue('Europe/Paris');
  await editor.getByTestId('calendar-save').click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await calendarsOf(ws.admin))[0]).toMatchObject({
    name: 'Berlin office',
    timeZone: 'Europe/Paris',
  });
});

test('an admin sets the breach webhook, the secret stays hidden, and a test is delivered', async ({
  extension,
  api,
}) => {
  const received: IncomingHttpHeaders[] = [];
  const bodies: string[] = [];
  const receiver = createServer((req, res) => {
    received.push(req.headers);
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sla`;
    const ws = await seedWorkspace(api.url, { conversations: 0 });
    const page = await slaPage(extension, api.url, ws, ws.admin, 'webhook');
    await expect(page.getByTestId('webhook-test')).toBeDisabled();
    await page.getByTestId('webhook-url').fill(url);
    await page.getByTestId('webhook-save').click();
    await expect(page.getByText('a webhook needs a secret')).toBeVisible();
    await page.getByTestId('webhook-secret').fill('s3cret-for-the-receiver');
    await page.getByTestId('webhook-save').click();
    await expect(page.getByTestId('webhook-form').getByRole('status')).toHaveText('Saved.');
    await expect(page.getByTestId('webhook-secret')).toHaveValue('');
    await expect(page.getByTestId('webhook-secret')).toHaveAttribute('type', 'password');
    // The secret is write-only: the API says one is set, and signs with it (checked below).
    expect(await ws.admin.api.request('GET', '/v1/sla/webhook')).toEqual({ url, secretSet: true });

    await page.getByTestId('webhook-test').click();
    await expect(page.getByTestId('webhook-test-result')).toHaveText(
      'Delivered: the receiver answered 204.',
    );
    expect(received.map((h) => h['sidedesk-event'])).toEqual(['sla.test']);
    const [t, v1] =
      String(received[0]?.['sidedesk-signature'])
        .match(/^t=(\d+),v1=([0-9a-f]{64})$/)
        ?.slice(1) ?? [];
    const signed = createHmac('sha256', 's3cret-for-the-receiver')
      .update(`${t}.${bodies[0]}`)
      .digest('hex');
    expect(v1).toBe(signed);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});

test('offline, the synced calendars and policies show read-only under a banner', async ({
  extension,
  startApi,
}) => {
  const own = await startApi();
  const ws = await seedWorkspace(own.url, { conversations: 0 });
  const calendar = await ws.admin.api.request<SlaCalendarRecord>('POST', '/v1/sla/calendars', {
    name: 'Kept office',
    timeZone: 'Europe/Berlin',
    weekly: weekdays(split),
  });
  await ws.admin.api.request('POST', '/v1/sla/policies', {
    name: 'P1',
    targets: { firstResponse: 30 },
    clock: 'business',
    calendarId: calendar.id,
  });
  const page = await slaPage(extension, own.url, ws, ws.admin, 'policies');
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  // The cache has them once sync has run.
  await expect
    .poll(() => sendToBackground(page, { type: 'listSlaPolicies' }))
    .toMatchObject([{ name: 'P1' }]);
  await expect
    .poll(() => sendToBackground(page, { type: 'listSlaCalendars' }))
    .toMatchObject([{ name: 'Kept office' }]);

  await own.stop();
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toContainText('Offline.');
  await expect(page.getByTestId('policy-new')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Move (up|down)/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'P1' }).click();
  await expect(page.getByTestId('policy-name')).toBeDisabled();
  // The preview needs no API: 10 min on Friday, 20 from Monday 09:00.
  await page.getByTestId('preview-arrival').fill('2026-01-09T17:50');
  await expect(page.getByTestId('preview-sentence')).toHaveText(
    'a P1 email arriving Friday 17:50 is due Monday 09:20',
  );
  await page.getByRole('link', { name: 'Calendars' }).click();
  await page.getByRole('button', { name: 'Kept office' }).click();
  await expect(page.getByTestId('calendar-name')).toBeDisabled();
  await page.getByRole('link', { name: 'Breach webhook' }).click();
  await expect(
    page.getByTestId('offline-banner').filter({ hasText: 'breach webhook' }),
  ).toContainText('The breach webhook’s settings are read from the API only');
});
