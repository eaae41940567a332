// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, IncidentMonitor } from '../../../lib/schema';
import { byTestId, click, mount, settle, type } from '../../testing/mount';
import type { SignedInSession } from '../section-props';
import { IncidentsPage } from './IncidentsPage';

const calls: { method: string; path: string; body: unknown }[] = [];
let open: Incident[] = [];
const monitor: IncidentMonitor = {
  id: '00000000-0000-4000-8000-0000000000d1',
  name: 'Login outage',
  enabled: true,
  tags: ['login'],
  keywords: [],
  threshold: 5,
  windowMinutes: 30,
  teamId: null,
  templateId: null,
  escalateAfterMinutes: null,
};
const incident: Incident = {
  id: '00000000-0000-4000-8000-0000000000e1',
  monitorId: monitor.id,
  name: 'Login outage',
  openedAt: '2026-11-29T10:00:00.000Z',
  resolvedAt: null,
  conversationIds: ['c1', 'c2'],
  teamId: null,
  templateId: null,
};

// The worker's relay answers as the API would; the page's own relay parses it.
vi.mock('../../../lib/messaging', () => ({
  subscribeChanges: () => () => {},
  send: async ({ method, path, body }: { method: string; path: string; body?: unknown }) => {
    calls.push({ method, path, body });
    const answer = (b: unknown, status = 200) => ({ status, body: b });
    if (path === '/v1/incidents?state=open') return answer(open);
    if (path === '/v1/incidents/monitors' && method === 'GET') return answer([monitor]);
    if (path.endsWith('/resolve')) {
      open = [];
      return answer({ ...incident, resolvedAt: '2026-11-29T11:00:00.000Z' });
    }
    if (method === 'POST')
      return answer({ ...monitor, id: crypto.randomUUID(), ...(body as object) }, 201);
    return answer([]);
  },
}));

let page: Awaited<ReturnType<typeof mount>>;

async function render() {
  page = await mount(<IncidentsPage session={{ role: 'lead' } as SignedInSession} />);
  await settle(() => !page.container.querySelector('[data-testid="loading"]'));
}

const one = (id: string) => byTestId(id)[0] as HTMLElement;

beforeEach(() => {
  calls.length = 0;
  open = [incident];
});
afterEach(() => page.unmount());

describe('the incidents page', () => {
  it('lists open incidents and resolves one', async () => {
    await render();
    expect(one('incident-row').textContent).toContain('2 conversations');
    expect(one('monitor-row').textContent).toContain('5 in 30 min matching tags login');
    await click(one('incident-resolve'));
    await settle(() => byTestId('incident-row').length === 0);
    expect(
      calls.some((c) => c.method === 'POST' && c.path === `/v1/incidents/${incident.id}/resolve`),
    ).toBe(true);
    expect(page.container.textContent).toContain('No open incidents.');
  });

  it('creates a monitor as CreateIncidentMonitor has it, and needs a tag or a keyword first', async () => {
    await render();
    await click(one('monitor-new'));
    await type(one('monitor-name'), 'Payments down');
    await click(one('monitor-save'));
    expect(page.container.textContent).toContain('name at least one tag or keyword');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await type(one('monitor-keywords'), 'payment failed, card declined');
    await type(one('monitor-escalateAfterMinutes'), '20');
    await click(one('monitor-save'));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/v1/incidents/monitors',
      body: {
        name: 'Payments down',
        enabled: true,
        tags: [],
        keywords: ['payment failed', 'card declined'],
        threshold: 5,
        windowMinutes: 30,
        teamId: null,
        templateId: null,
        escalateAfterMinutes: 20,
      },
    });
  });
});
