import type { BusinessCalendar, SlaPolicy } from '../../schema';
import { formatDuration } from '../../sla';
import { TARGET_KINDS } from './policy-draft';

const SHORT = { firstResponse: 'FR', nextResponse: 'NR', resolution: 'RES' } as const;

/** "urgent, high · tag billing · acme.com" or "every conversation". */
export function conditionsText({ conditions: c }: Pick<SlaPolicy, 'conditions'>): string {
  const parts = [
    c.priorities.join(', '),
    c.tags.length ? `tag ${c.tags.join(', ')}` : '',
    c.mailboxes.join(', '),
    c.customerDomains.join(', '),
    c.segments.length ? `segment ${c.segments.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'every conversation';
}

/** "FR 30m · RES 8h, business hours (Berlin office)". */
export function targetsText(
  policy: Pick<SlaPolicy, 'targets' | 'clock' | 'calendarId'>,
  calendars: readonly Pick<BusinessCalendar, 'id' | 'name'>[],
): string {
  const targets = TARGET_KINDS.flatMap((kind) => {
    const minutes = policy.targets[kind];
    return minutes === undefined ? [] : [`${SHORT[kind]} ${formatDuration(minutes * 60_000)}`];
  });
  const calendar = calendars.find((c) => c.id === policy.calendarId);
  const clock =
    policy.clock === 'calendar'
      ? 'calendar time'
      : `business hours (${calendar?.name ?? 'unknown calendar'})`;
  return `${targets.length ? targets.join(' · ') : 'no targets'}, ${clock}`;
}
