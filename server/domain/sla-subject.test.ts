import { describe, expect, it } from 'vitest';
import { conversation } from '../../lib/testing/records';
import { slaSubject, teamOf } from './sla-subject';

const team = teamOf(['Ana@Acme.test', 'bo@acme.test'], ['support@acme.test']);

describe('what policies match a conversation on', () => {
  it('reads priority, tags, mailboxes and the customer domain; no segments yet', () => {
    const c = conversation('c1', {
      priority: 'urgent',
      tags: ['billing'],
      refs: [{ host: 'gmail', mailbox: 'ana@acme.test', threadId: 't1' }],
      participants: [
        { email: 'ana@acme.test', name: 'Ana' },
        { email: 'maria@eu.customer.test', name: 'Maria' },
        { email: 'support@acme.test', name: null },
      ],
    });
    expect(slaSubject(c, team)).toEqual({
      priority: 'urgent',
      tags: ['billing'],
      // A group address that forwards to each agent is reached, not the agent's own copy.
      mailboxes: ['ana@acme.test', 'support@acme.test'],
      customerDomain: 'eu.customer.test',
      segments: [],
    });
  });

  it('has no customer domain when only the team took part', () => {
    const c = conversation('c1', { participants: [{ email: 'bo@acme.test', name: null }] });
    expect(slaSubject(c, team).customerDomain).toBeNull();
  });
});
