import { describe, expect, it } from 'vitest';
import type { Tag } from '../schema';
import { conversation, member } from '../testing/records';
import { emptyText, queueNavItems, queueRows, queueTitle } from './queue-model';

const ana = member('00000000-0000-4000-8000-00000000000a', 'Ana Agent', 'agent');
const tag = (name: string, archived = false): Tag => ({
  id: `00000000-0000-4000-8000-0000000000${name.length}${archived ? 1 : 0}`,
  name,
  color: '#000',
  archived,
  version: 1,
});

describe('queue navigation', () => {
  it('lists the fixed queues, then each live tag', () => {
    expect(queueNavItems([tag('billing'), tag('old', true)])).toEqual([
      { queue: 'mine', name: 'Mine' },
      { queue: 'unassigned', name: 'Unassigned' },
      { queue: 'all-open', name: 'All open' },
      { queue: 'breaching', name: 'Breaching soon' },
      { queue: 'tag:billing', name: '#billing' },
    ]);
    expect(queueTitle('breaching')).toBe('Breaching soon');
    expect(queueTitle('tag:billing')).toBe('Tagged billing');
  });

  it('says why each queue is empty', () => {
    expect(emptyText('mine')).toMatch(/assigned to you/);
    expect(emptyText('breaching')).toMatch(/SLA/);
    expect(emptyText('tag:vip')).toBe('No conversation is tagged vip.');
  });
});

describe('queueRows', () => {
  const page = { host: 'gmail' as const, mailbox: 'ana@acme.test' };
  const now = Date.parse('2026-01-05T09:05:00.000Z');

  it('shows customer, assignee initials, status, tags, age and the thread in this mailbox', () => {
    const c = conversation('c1', {
      assigneeId: ana.id,
      tags: ['vip'],
      status: 'pending',
      refs: [
        { host: 'gmail', mailbox: 'ben@acme.test', threadId: 'ben-1' },
        { host: 'gmail', mailbox: 'Ana@acme.test', threadId: 'ana-1' },
      ],
      participants: [
        { email: ana.email, name: 'Ana Agent' },
        { email: 'maria@customer.test', name: 'Maria Lopez' },
      ],
    });
    expect(queueRows([c], [ana], page, now)).toEqual([
      {
        id: 'c1',
        subject: 'Subject c1',
        customer: 'Maria Lopez',
        assignee: { name: 'Ana Agent', initials: 'AA' },
        status: 'pending',
        tags: ['vip'],
        updated: '5 min ago',
        threadId: 'ana-1',
      },
    ]);
  });

  it('has no thread when only another mailbox holds the conversation', () => {
    const [row] = queueRows(
      [conversation('c2', { assigneeId: 'gone', subject: '' })],
      [ana],
      page,
      now,
    );
    expect(row).toMatchObject({
      threadId: null,
      subject: '(no subject)',
      customer: 'customer@example.com',
      assignee: { name: 'someone', initials: 'SO' },
    });
  });
});
