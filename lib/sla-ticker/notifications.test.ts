import { describe, expect, it } from 'vitest';
import { notificationsFor, notificationTarget } from './notifications';
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
    expect(notificationTarget('sidedesk-sla:queue:breaching')).toEqual({ queue: 'breaching' });
    expect(notificationTarget('sidedesk-sla:queue:mine')).toBeNull();
    expect(notificationTarget('another-extension:1')).toBeNull();
  });
});
