// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GoalWithProgress, Role } from '../../../lib/schema';
import type { SignedInSession } from '../section-props';
import { GoalsPanel } from './GoalsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

let root: Root;
let container: HTMLElement;

async function render(role: Role) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <GoalsPanel session={session(role)} />
      </QueryClientProvider>,
    );
  });
  // The list arrives through the mocked relay: wait for it, not for a fixed number of ticks
  // (a busy machine needs more of them).
  for (let i = 0; i < 100 && byTestId('goal-state').length < goals.length; i++)
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

const byTestId = (id: string) => [...container.querySelectorAll(`[data-testid="${id}"]`)];
function type(el: Element, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(el, value);
  el.dispatchEvent(
    new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

beforeEach(() => {
  calls.length = 0;
  goals = [goal('1', 5_400_000, true), goal('2', 10_800_000), goal('3', null)];
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

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
    await act(async () => (byTestId('goal-add')[0] as HTMLButtonElement).click());
    await act(async () => {
      type(byTestId('goal-name')[0]!, 'FRT p90 under 2 h');
      type(byTestId('goal-target')[0]!, '120');
    });
    await act(async () => (byTestId('goal-save')[0] as HTMLButtonElement).click());
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
    await act(async () => (byTestId('goal-add')[0] as HTMLButtonElement).click());
    await act(async () => {
      type(byTestId('goal-name')[0]!, 'FCR');
      type(byTestId('goal-metric')[0]!, 'firstContactResolution');
      type(byTestId('goal-target')[0]!, '850');
    });
    await act(async () => (byTestId('goal-save')[0] as HTMLButtonElement).click());
    expect(container.textContent).toContain('a percentage from 0 to 100');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
