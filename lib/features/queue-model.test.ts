import { describe, expect, it } from 'vitest';
import type { Tag } from '../schema';
import { policyClocks, slaState } from '../sla';
import { arrived, policy } from '../sla/test-fixtures';
import { conversation, member } from '../testing/records';
import { emptyText, queueNavItems, queueRows, queueTitle, whereElse } from './queue-model';

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
      { queue: 'breached', name: 'Breached' },
      { queue: 'tag:billing', name: '#billing' },
    ]);
    expect(queueTitle('breaching')).toBe('Breaching soon');
    expect(queueTitle('breached')).toBe('Breached');
    expect(queueTitle('tag:billing')).toBe('Tagged billing');
  });

  it('says why each queue is empty', () => {
    expect(emptyText('mine')).toMatch(/assigned to you/);
    expect(emptyText('breaching')).toBe('No conversation is in its SLA warning window.');
    expect(emptyText('breached')).toBe('No open conversation is past its SLA.');
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
        elsewhere: null,
        sla: null,
      },
    ]);
  });

  it('shows the most urgent SLA countdown in its tone', () => {
    const p1 = policy({
      name: 'P1 outage',
      targets: { firstResponse: 30 },
      clock: 'calendar',
      calendarId: null,
      warning: { unit: 'minutes', value: 10 },
    });
    const arrival = '2026-01-05T08:40:00.000Z';
    const sla = slaState({
      policy: p1,
      calendar: null,
      history: [arrived(arrival)],
      now: new Date(arrival),
    });
    const [row] = queueRows(
      [conversation('c3', { sla, dueAt: sla.dueAt })],
      [ana],
      page,
      now,
      policyClocks([p1], []),
    );
    expect(row?.sla).toEqual({ label: 'FR 5m', tone: 'amber' });
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
      elsewhere: 'In another agent’s mailbox',
      subject: '(no subject)',
      customer: 'customer@example.com',
      assignee: { name: 'someone', initials: 'SO' },
    });
  });
});

describe('where a conversation lives when this mailbox has no thread of it', () => {
  const gmail = { host: 'gmail' as const, mailbox: 'ana@acme.test' };
  const outlook = { host: 'outlook' as const, mailbox: 'support@acme.test' };
  const now = Date.parse('2026-01-05T09:05:00.000Z');
  const fromOutlook = conversation('o1', {
    host: 'outlook',
    refs: [{ host: 'outlook', mailbox: 'support@acme.test', threadId: 'AAQk-1' }],
  });
  const fromGmail = conversation('g1', {
    refs: [{ host: 'gmail', mailbox: 'ana@acme.test', threadId: '1a1e' }],
  });

  it('names the other host when only it recorded the conversation', () => {
    expect(whereElse(fromOutlook, gmail)).toBe('In Outlook');
    expect(whereElse(fromGmail, outlook)).toBe('In Gmail');
  });

  it('says another agent’s mailbox when this host has it in another mailbox', () => {
    expect(whereElse(fromGmail, { host: 'gmail', mailbox: 'ben@acme.test' })).toBe(
      'In another agent’s mailbox',
    );
    expect(whereElse(fromOutlook, { host: 'outlook', mailbox: 'sales@acme.test' })).toBe(
      'In another agent’s mailbox',
    );
  });

  it('prefers a mailbox of this host, which the agent can open here, over the other host', () => {
    const both = conversation('b1', {
      refs: [
        { host: 'outlook', mailbox: 'support@acme.test', threadId: 'AAQk-2' },
        { host: 'gmail', mailbox: 'ben@acme.test', threadId: '1b70' },
      ],
    });
    expect(whereElse(both, gmail)).toBe('In another agent’s mailbox');
  });

  it('gives each row of one queue its place: here (enabled), another host, or a teammate', () => {
    const rows = queueRows([fromGmail, fromOutlook], [], gmail, now);
    expect(rows.map((r) => [r.id, r.threadId, r.elsewhere])).toEqual([
      ['g1', '1a1e', null],
      ['o1', null, 'In Outlook'],
    ]);
    const onOutlook = queueRows([fromGmail, fromOutlook], [], outlook, now);
    expect(onOutlook.map((r) => [r.id, r.threadId, r.elsewhere])).toEqual([
      ['g1', null, 'In Gmail'],
      ['o1', 'AAQk-1', null],
    ]);
  });
});
