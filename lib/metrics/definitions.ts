import type { MetricDefinition, MetricId } from '../schema/reports';

const d = (
  id: MetricId,
  title: string,
  unit: MetricDefinition['unit'],
  definition: string,
): MetricDefinition => ({ id, title, unit, definition });

/**
 * What every metric means, in the words the reports UI shows beside it. Durations are in
 * the report's clock: business hours of the conversation's SLA calendar (or the
 * workspace's), or elapsed calendar time.
 */
export const DEFINITIONS: readonly MetricDefinition[] = [
  d(
    'conversations',
    'Conversations',
    'count',
    'Conversations whose first message arrived in the period. Every per-conversation figure below counts these conversations, as they stand now.',
  ),
  d(
    'firstResponse',
    'First response time',
    'ms',
    "Time from the customer's first message to the team's first reply. Conversations not answered yet are left out.",
  ),
  d(
    'firstResponseFromAssignment',
    'First response time from assignment',
    'ms',
    'Time from the first assignment to the first reply. Conversations answered before anyone was assigned are counted apart, not as zero.',
  ),
  d(
    'nextResponse',
    'Next response time',
    'ms',
    'After the first reply, the time from each customer message (or re-open) that found nothing owed to the next reply. Further messages while a reply is owed do not restart the wait.',
  ),
  d(
    'averageResponse',
    'Average response time',
    'ms',
    'Every response wait of the period together: the first responses and the next responses.',
  ),
  d(
    'resolution',
    'Resolution time',
    'ms',
    'Time from arrival to the last close of conversations closed now, leaving out the time spent closed before a re-open and, when their SLA policy pauses for pending or snoozed, the time spent so.',
  ),
  d(
    'firstContactResolution',
    'First-contact resolution',
    'rate',
    'Of the closed conversations the team replied to, the share closed after exactly one reply and never re-opened.',
  ),
  d(
    'reopenRate',
    'Reopen rate',
    'rate',
    'Of the conversations closed at least once, the share re-opened afterwards.',
  ),
  d(
    'slaFirstResponse',
    'SLA adherence: first response',
    'rate',
    'Of the first-response targets that are settled, the share met; a target is breached once it used more time than its policy allows. The same computation as the countdowns, in the policy’s own clock.',
  ),
  d(
    'slaNextResponse',
    'SLA adherence: next response',
    'rate',
    'Of the next-response targets that are settled (one per wait), the share met. Targets still counting or paused are pending.',
  ),
  d(
    'slaResolution',
    'SLA adherence: resolution',
    'rate',
    'Of the resolution targets that are settled, the share met: closed within the target, or still open but not yet over it (pending).',
  ),
  d(
    'escalationRate',
    'Escalation rate',
    'rate',
    'The share of conversations whose priority was raised at least once (for example normal to urgent).',
  ),
  d(
    'copilotAcceptance',
    'Copilot acceptance rate',
    'rate',
    'Of the copilot drafts recorded on these conversations, the share the agent used, as written or edited; the rest were discarded.',
  ),
  d(
    'csat',
    'CSAT',
    'rate',
    'Of the CSAT ratings customers gave on these conversations, the share satisfied: 👍, or 4 or 5 of 5. Each rating link counts once, so a conversation rated after several replies counts several times.',
  ),
  d(
    'nps',
    'NPS',
    'score',
    'The percentage of promoters (9 or 10 of 0–10, “how likely are you to recommend us”) minus the percentage of detractors (0 to 6), from −100 to 100. Each rating link counts once.',
  ),
  d(
    'ces',
    'Customer effort (CES)',
    'score',
    'The average answer to “how easy was it to get your issue resolved”, from 1 (very difficult) to 7 (very easy). Each rating link counts once.',
  ),
  d(
    'volume',
    'Volume',
    'count',
    'Per day of the period in the report’s time zone: conversations that arrived, and closes recorded.',
  ),
  d(
    'backlog',
    'Backlog',
    'count',
    'Per day of the period: the conversations open (not closed) at the end of the day; today, as of now.',
  ),
  d(
    'workload',
    'Workload per agent',
    'count',
    'For each agent: conversations assigned to them and not closed now, assignments to them in the period and today, and closes in the period while they held the conversation.',
  ),
];

/** Issue #9 metrics that are not computed yet, and why: shown beside the figures. */
export const NOT_YET: readonly { metric: string; reason: string }[] = [];

const byId = new Map(DEFINITIONS.map((x) => [x.id, x]));

export const definitionOf = (id: MetricId): MetricDefinition => byId.get(id)!;
