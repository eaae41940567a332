import { describe, expect, it } from 'vitest';
import { template as templateRecord } from '../../testing/records';
import { creatableScopes, editRefusal, listedFor } from './access';

const admin = { memberId: 'm-admin', role: 'admin' as const };
const lead = { memberId: 'm-lead', role: 'lead' as const };
const agent = { memberId: 'm-agent', role: 'agent' as const };

describe('template access as the page shows it', () => {
  it('offers only the scopes a role may create', () => {
    expect(creatableScopes('agent')).toEqual(['personal']);
    expect(creatableScopes('lead')).toEqual(['personal', 'team']);
    expect(creatableScopes('admin')).toEqual(['personal', 'team', 'workspace']);
  });

  it('explains why a template cannot be edited', () => {
    const workspace = templateRecord({ scope: 'workspace', ownerId: admin.memberId });
    expect(editRefusal(workspace, admin)).toBeNull();
    expect(editRefusal(workspace, lead)).toMatch(/Only admin members/);
    const team = templateRecord({ scope: 'team' });
    expect(editRefusal(team, lead)).toBeNull();
    expect(editRefusal(team, agent)).toMatch(/lead or admin/);
    const mine = templateRecord({ scope: 'personal', ownerId: agent.memberId });
    expect(editRefusal(mine, agent)).toBeNull();
    expect(editRefusal(mine, admin)).toMatch(/owner/);
  });

  it('lists an agent’s personal templates only', () => {
    const list = [
      templateRecord({ id: 'a', scope: 'personal', ownerId: agent.memberId }),
      templateRecord({ id: 'b', scope: 'workspace' }),
      templateRecord({ id: 'c', scope: 'personal', ownerId: lead.memberId }),
    ];
    expect(listedFor(list, agent).map((t) => t.id)).toEqual(['a']);
    expect(listedFor(list, lead)).toHaveLength(3);
  });
});
