import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ROUTING, type Incident, type Team } from '../schema';
import { conversation } from '../testing/records';
import { ana, ben, leo } from '../testing/thread-data';
import { automationView, loadAutomationFacts, NO_AUTOMATION_FACTS } from './thread-automation';

const billing: Team = {
  id: '00000000-0000-4000-8000-0000000000b1',
  name: 'Billing',
  memberIds: [],
  routing: DEFAULT_ROUTING,
};
const incident = (conversationIds: string[], resolvedAt: string | null = null): Incident => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  monitorId: '00000000-0000-4000-8000-0000000000e2',
  name: 'Login outage',
  openedAt: '2026-11-29T10:00:00.000Z',
  resolvedAt,
  conversationIds,
  teamId: null,
  templateId: '00000000-0000-4000-8000-0000000000e3',
});

describe('the sidebar’s team, followers, escalation and incident', () => {
  const c = conversation('c1', {
    teamId: billing.id,
    assigneeId: ben.id,
    followers: [ana.id, '00000000-0000-4000-8000-0000000000ff'],
  });

  it('names the team and the followers, and finds the open incident holding the conversation', () => {
    const view = automationView(
      c,
      { incidents: [incident(['c9']), incident(['c1'])], teams: [billing] },
      [ana, ben],
      ben,
      'agent',
    );
    expect(view).toEqual({
      team: 'Billing',
      followers: ['Ana Silva', 'A former member'],
      canEscalate: true,
      incident: {
        id: '00000000-0000-4000-8000-0000000000e1',
        name: 'Login outage',
        templateId: '00000000-0000-4000-8000-0000000000e3',
      },
    });
  });

  it('lets agents escalate only their own or unassigned conversations, leads any', () => {
    const facts = { incidents: [incident(['c1'], '2026-11-29T11:00:00.000Z')], teams: [] };
    const asAna = automationView(c, facts, [], ana, 'agent');
    expect(asAna).toMatchObject({ team: 'A team', canEscalate: false, incident: null });
    expect(automationView(c, facts, [], leo, 'lead').canEscalate).toBe(true);
    const queued = conversation('c2', { assigneeId: null });
    expect(automationView(queued, facts, [], ana, 'agent')).toMatchObject({
      team: null,
      canEscalate: true,
    });
    expect(automationView(queued, facts, [], null, null).canEscalate).toBe(false);
  });

  it('reads incidents and teams from the worker, each empty when the API cannot answer', async () => {
    const send = vi.fn(async ({ type }: { type: string }) => {
      if (type === 'listTeams') return [billing];
      throw new Error('offline');
    });
    expect(await loadAutomationFacts({ send: send as never })).toEqual({
      ...NO_AUTOMATION_FACTS,
      teams: [billing],
    });
  });
});
