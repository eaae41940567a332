import { describe, expect, it } from 'vitest';
import type { SlaBreach } from './breaches';
import {
  breachNotificationsFor,
  type NamedBreach,
  notificationsFor,
  notificationTarget,
} from './notifications';
import type { SlaWarning } from './warnings';

const warning = (n: number, patch: Partial<SlaWarning> = {}): SlaWarning => ({
  key: `c${n}:firstResponse:0`,
  conversationId: `c${n}`,
  subject: `Order #${n}`,
  kind: 'firstResponse',
  remainingMs: 12 * 60_000,
  mine: true,
  ...patch,
});

describe('SLA warning notifications', () => {
  it('say which target is due when, on which conversation, and whose it is', () => {
    expect(
      notificationsFor([
        warning(1),
        warning(2, { kind: 'resolution', remainingMs: 0, mine: false, subject: '' }),
      ]),
    ).toEqual([
      {
        id: 'sidedesk-sla:thread:c1',
        title: 'First response due in 12m',
        message: 'Order #1',
        contextMessage: 'Assigned to you',
      },
      {
        id: 'sidedesk-sla:thread:c2',
        title: 'Resolution due now',
        message: '(no subject)',
        contextMessage: 'Unassigned',
      },
    ]);
  });

  it('sum many up in one that opens Breaching soon', () => {
    const many = notificationsFor([1, 2, 3, 4].map((n) => warning(n)));
    expect(many).toEqual([
      {
        id: 'sidedesk-sla:queue:breaching',
        title: '4 conversations will breach their SLA soon',
        message: 'Order #1 · Order #2 · Order #3',
        contextMessage: 'Open Breaching soon to see them all',
      },
    ]);
  });

  it('open what their id names, and only ours', () => {
    expect(notificationTarget('sidedesk-sla:thread:c1')).toEqual({ conversationId: 'c1' });
    expect(notificationTarget('sidedesk-sla:breach:c1:resolution:0')).toEqual({
      conversationId: 'c1',
    });
    expect(notificationTarget('sidedesk-sla:queue:breaching')).toEqual({ queue: 'breaching' });
    expect(notificationTarget('sidedesk-sla:queue:breached')).toEqual({ queue: 'breached' });
    expect(notificationTarget('sidedesk-sla:queue:mine')).toBeNull();
    expect(notificationTarget('another-extension:1')).toBeNull();
  });
});

const breach = (n: number, patch: Partial<NamedBreach> = {}): NamedBreach => ({
  key: `c${n}:firstResponse:0`,
  conversationId: `c${n}`,
  subject: `Order #${n}`,
  kind: 'firstResponse',
  clock: 0,
  overdueMs: 60_000,
  assigneeId: 'a1',
  fresh: true,
  assignee: 'Ana Silva',
  ...patch,
});

describe('SLA breach notifications', () => {
  it('say which target is overdue by how much, on which conversation, and whose it is', () => {
    expect(
      breachNotificationsFor({
        single: [
          breach(1),
          breach(2, {
            kind: 'nextResponse',
            clock: 2,
            overdueMs: 65 * 60_000,
            assignee: null,
            assigneeId: null,
            subject: '',
          }),
          // Seen the instant it breached: "overdue 1m", never "overdue 0m".
          breach(3, { overdueMs: 1, assignee: 'you' }),
        ],
        summary: [],
      }),
    ).toEqual([
      {
        id: 'sidedesk-sla:breach:c1:firstResponse:0',
        title: 'First response overdue 1m',
        message: 'Order #1',
        contextMessage: 'Assigned to Ana Silva',
      },
      {
        id: 'sidedesk-sla:breach:c2:nextResponse:2',
        title: 'Next response overdue 1h 5m',
        message: '(no subject)',
        contextMessage: 'Unassigned',
      },
      {
        id: 'sidedesk-sla:breach:c3:firstResponse:0',
        title: 'First response overdue 1m',
        message: 'Order #3',
        contextMessage: 'Assigned to you',
      },
    ]);
  });

  it('sum up the rest in one that opens Breached, counting conversations', () => {
    const old = (n: number, kind: SlaBreach['kind'] = 'firstResponse'): SlaBreach => ({
      ...breach(n, { kind, fresh: false }),
    });
    expect(
      breachNotificationsFor({
        single: [breach(1)],
        summary: [old(2), old(2, 'resolution'), old(3), old(4), old(5)],
      }),
    ).toEqual([
      expect.objectContaining({ id: 'sidedesk-sla:breach:c1:firstResponse:0' }),
      {
        id: 'sidedesk-sla:queue:breached',
        title: '4 conversations breached their SLA',
        message: 'Order #2 · Order #3 · Order #4',
        contextMessage: 'Open Breached to see them all',
      },
    ]);
    expect(breachNotificationsFor({ single: [], summary: [old(2)] })).toMatchObject([
      { id: 'sidedesk-sla:queue:breached', title: '1 conversation breached its SLA' },
    ]);
  });
});
