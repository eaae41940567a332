// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GoalWithProgress, Role } from '../../../lib/schema';
import { byTestId, click, mount, settle, type } from '../../testing/mount';
import type { SignedInSession } from '../section-props';
import { GoalsPanel } from './GoalsPanel';

const calls: { method: string; path: string; body: unknown }[] = [];
let goals: GoalWithProgress[] = [];

// The worker's relay answers as the API would; the page's own relay parses it.
vi.mock('../../../lib/messaging', () => ({
  send: async ({ method, path, body }: { method: string; path: string; body?: unknown }) => {
    calls.push({ method, path, body });
    const answer = (b: unknown, status = 200) => ({ status, body: b });
    if (path === '/v1/teams') return answer([]);
    if (method === 'GET') return answer(goals);
    if (method === 'DELETE') return answer(null, 204);
    return answer({ ...goal('new', 0), ...(body as object) }, 201);
  },
}));

function goal(id: string, value: number | null, onTrack = false): GoalWithProgress {
  return {
    id: `00000000-0000-4000-8000-00000000000${id === 'new' ? 9 : id}`,
    name: `Goal ${id}`,
    metric: 'firstResponseP90',
    comparison: 'atMost',
    target: 7_200_000,
    timeframe: { kind: 'month' },
    filters: {},
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    progress: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      asOf: '2026-11-30T12:00:00.000Z',
      timeZone: 'UTC',
      value,
      samples: value === null ? 0 : 12,
      onTrack,
      problem: null,
    },
  };
}

const session = (role: Role) => ({ role }) as SignedInSession;

let page: Awaited<ReturnType<typeof mount>>;

async function render(role: Role) {
  page = await mount(<GoalsPanel session={session(role)} />);
  // The list arrives through the mocked relay: wait for it, not for a fixed number of ticks
  // (a busy machine needs more of them).
  await settle(() => byTestId('goal-state').length >= goals.length);
}

beforeEach(() => {
  calls.length = 0;
  goals = [goal('1', 5_400_000, true), goal('2', 10_800_000), goal('3', null)];
});
afterEach(() => page.unmount());

describe('the goals panel', () => {
  it('shows each goal’s value against its target, on or off track', async () => {
    await render('agent');
    expect(byTestId('goal-state').map((e) => e.textContent)).toEqual([
      'on track',
      'off track',
      'no data yet',
    ]);
    expect(byTestId('goal-progress')[0]?.textContent).toContain('1h 30m · target ≤ 2h');
    expect(byTestId('goal-add')).toHaveLength(0);
    expect(byTestId('goal-delete')).toHaveLength(0);
  });

  it('lets a lead add a goal in minutes, sent to the API in milliseconds', async () => {
    await render('lead');
    await click(byTestId('goal-add')[0]!);
    await type(byTestId('goal-name')[0]!, 'FRT p90 under 2 h');
    await type(byTestId('goal-target')[0]!, '120');
    await click(byTestId('goal-save')[0]!);
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/v1/goals',
      body: expect.objectContaining({
        name: 'FRT p90 under 2 h',
        metric: 'firstResponseP90',
        target: 7_200_000,
        timeframe: { kind: 'month' },
      }),
    });
  });

  it('refuses a rate target above 100 % before asking the API', async () => {
    await render('admin');
    await click(byTestId('goal-add')[0]!);
    await type(byTestId('goal-name')[0]!, 'FCR');
    await type(byTestId('goal-metric')[0]!, 'firstContactResolution');
    await type(byTestId('goal-target')[0]!, '850');
    await click(byTestId('goal-save')[0]!);
    expect(page.container.textContent).toContain('a percentage from 0 to 100');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
