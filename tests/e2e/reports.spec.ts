import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { conversationIdFor } from '../../lib/conversation-id';
import { expect, test } from './fixtures';
import { meta } from './harness/api-client';
import { saveScreenshot } from './harness/screenshots';
import { type SeededMember, seedWorkspace } from './harness/seed';

test.setTimeout(60_000);

const MINUTE = 60_000;
const LATE = 'Refund for order #1042 never arrived';

/** One instant the story's times count back from, so its durations are whole minutes. */
const NOW = Date.now();
const before = (minutes: number) => new Date(NOW - minutes * MINUTE).toISOString();

/** A conversation whose first message came `ago` minutes ago, recorded now by `who`. */
async function arrived(who: SeededMember, n: number, subject: string, ago: number) {
  const at = before(ago);
  const m = { ...meta(subject, 'support@acme.test', n), firstMessageAt: at, lastMessageAt: at };
  await who.sync.mutate('conversation.upsert', { meta: m });
  return conversationIdFor(m.key);
}

const replied = (who: SeededMember, conversationId: string, ago: number) =>
  who.sync.mutate('conversation.reply', {
    conversationId,
    at: before(ago),
  });

test('a lead opens Reports, sees the charts, and drills from SLA adherence to a breached conversation and its timeline', async ({
  extension,
  api,
}, testInfo) => {
  // History through the API: a 30-minute first-response target; one conversation answered
  // after two hours (breached), one in ten minutes and closed, one yesterday in five (met).
  const ws = await seedWorkspace(api.url, { conversations: 0 });
  await ws.admin.api.request('POST', '/v1/sla/policies', {
    name: 'Standard',
    targets: { firstResponse: 30 },
    clock: 'calendar',
  });
  const late = await arrived(ws.admin, 1, LATE, 180);
  await replied(ws.agent, late, 60);
  const quick = await arrived(ws.admin, 2, 'Invoice address change', 120);
  await replied(ws.agent, quick, 110);
  await ws.agent.sync.mutate('conversation.setStatus', {
    conversationId: quick,
    status: 'closed',
    snoozedUntil: null,
  });
  const yesterday = await arrived(ws.admin, 3, 'Can I change my plan?', 26 * 60);
  await replied(ws.agent, yesterday, 26 * 60 - 5);

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, ws.lead.email);
  await popup.expectSignedIn({ workspace: ws.workspaceName, role: 'lead' });
  await popup.page.close();
  const page = await extension.openPage('options.html#/reports?range=7');
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('heading', { level: 2, name: 'Reports' })).toBeVisible();

  // The charts are drawn with data, each with its title and its table.
  const volume = page.getByTestId('chart-volume');
  await expect(volume.getByRole('heading', { name: 'Volume per day' })).toBeVisible();
  await expect(volume.locator('svg .recharts-bar-rectangle path').first()).toBeVisible();
  await expect(page.getByTestId('chart-backlog').locator('svg .recharts-area-area')).toBeVisible();
  await expect(
    page.getByTestId('chart-sla').locator('svg .recharts-bar-rectangle path'),
  ).toHaveCount(2);
  // Its CSV comes from the API's .csv route, through the background.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV: Volume per day' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sidedesk-volume-[\d-]{10}-[\d-]{10}\.csv$/);
  const rows = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
  expect(rows[0]).toBe('date,arrived,closed');
  expect(rows).toHaveLength(1 + 7);

  const sla = page.locator('[data-testid="figure-card"][data-metric="slaFirstResponse"]');
  await expect(sla.getByRole('button')).toHaveText('66.7%');
  await expect(sla).toContainText('2 of 3');
  await sla.getByText('How is this computed?').click();
  await expect(sla).toContainText('targets that are settled, the share met');
  expect(
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
  await saveScreenshot(page, testInfo, 'reports-dashboard.png');
  await volume.getByText('Volume per day as a table').click();
  await expect(volume.getByRole('table', { name: 'Volume per day' }).getByRole('row')).toHaveCount(
    1 + 7,
  );

  // SLA adherence → the conversations behind it → the breached one's timeline.
  await sla.getByRole('button').click();
  const drill = page.getByTestId('drill-down');
  await expect(drill.getByRole('heading', { level: 3 })).toContainText(
    'the conversations behind the figure',
  );
  const breached = drill.locator('[data-testid="sample-row"][data-value="breached"]');
  await expect(breached).toHaveCount(1);
  await expect(drill.locator('[data-testid="sample-row"][data-value="met"]')).toHaveCount(2);
  await breached.getByRole('button', { name: LATE }).click();

  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('heading', { level: 3 })).toHaveText(`Timeline: ${LATE}`);
  const breach = timeline.locator('[data-testid="fact-line"][data-state="breached"]');
  await expect(breach).toContainText('SLA first response breached: used 2h,');
  await expect(breach).toContainText('from “Customer message (arrival)');
  await expect(breach).toContainText('to “Reply');
  await expect(
    timeline.locator('[data-testid="fact-line"]').filter({ hasText: 'First response 2h:' }),
  ).toBeVisible();
  await expect(timeline.getByTestId('timeline-event')).toHaveText([
    /Customer message \(arrival\).*by Ada Admin.*starts First response/,
    /Reply.*by Ana Agent.*ends First response \(2h\).*ends SLA first response \(breached/,
  ]);

  // The view is in the hash: a reload shows the same timeline.
  expect(page.url()).toContain(`conversation=${late}`);
  await page.reload();
  await expect(page.getByTestId('timeline').getByRole('heading', { level: 3 })).toHaveText(
    `Timeline: ${LATE}`,
    { timeout: 20_000 },
  );
});
