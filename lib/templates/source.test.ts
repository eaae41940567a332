import { describe, expect, it } from 'vitest';
import { conversation, member } from '../testing/records';
import { variableSource } from './source';

const ana = member('00000000-0000-4000-8000-00000000000a', 'Ana', 'agent');
const base = { members: [ana], me: ana, mailbox: 'support@acme.test' };

describe('variableSource', () => {
  it('reads a reply from its conversation: the first participant outside the team', () => {
    const c = conversation('c1', {
      subject: 'Order #1042',
      priority: 'high',
      participants: [
        { email: 'support@acme.test', name: 'Support' },
        { email: ana.email, name: 'Ana' },
        { email: 'maria@customer.test', name: 'Maria Lopez' },
      ],
    });
    const source = variableSource({ ...base, conversation: c, recipients: [] });
    expect(source).toEqual({
      customer: { email: 'maria@customer.test', name: 'Maria Lopez' },
      agent: { name: 'Ana' },
      conversation: { subject: 'Order #1042', status: 'open', priority: 'high' },
    });
  });

  it('reads a new message from its typed recipients, and knows no conversation', () => {
    const recipients = [
      { email: ana.email, name: null },
      { email: 'bob@customer.test', name: 'Bob' },
    ];
    const source = variableSource({ ...base, conversation: null, recipients });
    expect(source.customer).toEqual({ email: 'bob@customer.test', name: 'Bob' });
    expect(source.conversation).toBeNull();
    expect(variableSource({ ...base, conversation: null, recipients: [] }).customer).toBeNull();
  });

  it('has no agent when signed out', () => {
    expect(
      variableSource({ ...base, me: null, conversation: null, recipients: [] }).agent,
    ).toBeNull();
  });
});
