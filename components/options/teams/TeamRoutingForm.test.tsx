// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ROUTING, type Team } from '../../../lib/schema';
import { TeamRoutingForm } from './TeamRoutingForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const calls: { method: string; path: string; body: unknown }[] = [];
const team = (n: number, name: string, escalatesTo: string | null = null): Team => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name,
  memberIds: [],
  routing: { ...DEFAULT_ROUTING, escalatesTo },
});
const senior = team(3, 'Senior');
const specialists = team(2, 'Specialists', senior.id);
const frontline = team(1, 'Frontline', specialists.id);

vi.mock('../../../lib/messaging', () => ({
  send: async ({ method, path, body }: { method: string; path: string; body?: unknown }) => {
    calls.push({ method, path, body });
    return { status: 200, body: { ...senior, routing: body } };
  },
}));

let root: Root;
let container: HTMLElement;
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('a team’s routing', () => {
  it('saves the mode, switches and next tier, offering no tier that leads back', async () => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => {
      root.render(
        <QueryClientProvider client={new QueryClient()}>
          <TeamRoutingForm team={senior} teams={[frontline, specialists, senior]} />
        </QueryClientProvider>,
      );
    });
    const select = container.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['No team (the last tier)']);
    const save = container.querySelector('[data-testid="routing-save"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const deadline = container.querySelectorAll('input[type="checkbox"]')[0] as HTMLInputElement;
    expect(deadline.disabled).toBe(true);
    await act(async () =>
      (container.querySelector('[data-testid="routing-round_robin"]') as HTMLInputElement).click(),
    );
    await act(async () => deadline.click());
    await act(async () => save.click());
    expect(calls).toEqual([
      {
        method: 'PATCH',
        path: `/v1/teams/${senior.id}/routing`,
        body: { mode: 'round_robin', deadlineAware: true, useSkills: false, escalatesTo: null },
      },
    ]);
  });
});
