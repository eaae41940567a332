// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ROUTING, type Team } from '../../../lib/schema';
import { click, mount } from '../../testing/mount';
import { TeamRoutingForm } from './TeamRoutingForm';

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

let page: Awaited<ReturnType<typeof mount>>;
afterEach(() => page.unmount());

describe('a team’s routing', () => {
  it('saves the mode, switches and next tier, offering no tier that leads back', async () => {
    page = await mount(<TeamRoutingForm team={senior} teams={[frontline, specialists, senior]} />);
    const { container } = page;
    const select = container.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['No team (the last tier)']);
    const save = container.querySelector('[data-testid="routing-save"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const deadline = container.querySelectorAll('input[type="checkbox"]')[0] as HTMLInputElement;
    expect(deadline.disabled).toBe(true);
    await click(container.querySelector('[data-testid="routing-round_robin"]')!);
    await click(deadline);
    await click(save);
    expect(calls).toEqual([
      {
        method: 'PATCH',
        path: `/v1/teams/${senior.id}/routing`,
        body: { mode: 'round_robin', deadlineAware: true, useSkills: false, escalatesTo: null },
      },
    ]);
  });
});
