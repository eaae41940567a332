/**
 * The SLA benchmarks' workspace (`npm run bench -- sla`): two split-shift offices in DST
 * zones with their country's public holidays imported as the API imports them, three
 * business-time policies, and open conversations with varied histories, in the form the
 * server keeps them (a `Conversation` and its logged activity events). Deterministic: the
 * same corpus every run.
 */
import type { BusinessCalendar, Conversation, SlaPolicy, WorkingWindow } from '../lib/schema';
import { countryHolidays } from '../lib/sla/country-holidays';
import type { LoggedEvent } from '../server/domain/sla-history';
import type { SlaSetup } from '../server/domain/sla-snapshot';
import { teamOf } from '../server/domain/sla-subject';

/** Thursday 12 Nov 2026, 15:30 in Berlin, 09:30 in New York: after both DST changes. */
export const NOW = new Date('2026-11-12T14:30:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const TEAM_EMAILS = ['ana@acme.test', 'bo@acme.test', 'cy@acme.test'];
export const SHARED_MAILBOX = 'support@acme.test';

/** A small LCG: the same sequence every run. */
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const none: WorkingWindow[] = [];
const week = (windows: WorkingWindow[]) => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
  sat: none,
  sun: none,
});

export type CalendarFields = Omit<BusinessCalendar, 'id'>;

/** Berlin: Mon–Fri 08:00–12:00 and 13:00–17:30; Germany (Berlin) holidays 2026–2027. */
export const berlinFields = (): CalendarFields => ({
  name: 'Berlin support',
  timeZone: 'Europe/Berlin',
  alwaysOpen: false,
  weekly: week([
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:30' },
  ]),
  holidays: countryHolidays('DE', 'BE', [2026, 2027]),
  holidayCountry: { country: 'DE', region: 'BE' },
});

/** New York: Mon–Fri 08:00–12:00 and 13:00–18:00; US federal holidays 2026–2027. */
export const newYorkFields = (): CalendarFields => ({
  name: 'New York support',
  timeZone: 'America/New_York',
  alwaysOpen: false,
  weekly: week([
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ]),
  holidays: countryHolidays('US', null, [2026, 2027]),
  holidayCountry: { country: 'US', region: null },
});

export type PolicyFields = Omit<SlaPolicy, 'id' | 'position' | 'calendarId'> & {
  calendar: 'berlin' | 'newYork';
};

const anything = { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] };

/** In match order: P1 outage (urgent), P2 billing (tag), P3 general (everything else). */
export const POLICIES: PolicyFields[] = [
  {
    name: 'P1 outage',
    conditions: { ...anything, priorities: ['urgent'] },
    targets: { firstResponse: 30, nextResponse: 30, resolution: 120 },
    clock: 'business',
    pauseWhen: ['pending', 'snoozed'],
    warning: { unit: 'minutes', value: 10 },
    calendar: 'berlin',
  },
  {
    name: 'P2 billing',
    conditions: { ...anything, tags: ['billing'] },
    targets: { firstResponse: 30, nextResponse: 60, resolution: 24 * 60 },
    clock: 'business',
    pauseWhen: ['pending', 'snoozed'],
    warning: { unit: 'percent', value: 20 },
    calendar: 'newYork',
  },
  {
    name: 'P3 general',
    conditions: anything,
    targets: { firstResponse: 4 * 60, nextResponse: 4 * 60, resolution: 24 * 60 },
    clock: 'business',
    pauseWhen: ['pending', 'snoozed'],
    warning: { unit: 'percent', value: 25 },
    calendar: 'berlin',
  },
];

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The setup the server reads per batch (`loadSlaSetup`), built in memory. */
export function memorySetup(): SlaSetup & { calendarList: BusinessCalendar[] } {
  const berlin: BusinessCalendar = { id: uuid(0xca1), ...berlinFields() };
  const newYork: BusinessCalendar = { id: uuid(0xca2), ...newYorkFields() };
  const policies: SlaPolicy[] = POLICIES.map(({ calendar, ...fields }, position) => ({
    ...fields,
    id: uuid(0x901 + position),
    position,
    calendarId: calendar === 'berlin' ? berlin.id : newYork.id,
  }));
  return {
    policies,
    calendars: new Map([berlin, newYork].map((c) => [c.id, c])),
    calendarList: [berlin, newYork],
    team: teamOf(TEAM_EMAILS, [SHARED_MAILBOX]),
  };
}

export type CorpusItem = { conversation: Conversation; events: LoggedEvent[] };

export type CorpusStats = {
  conversations: number;
  events: number;
  byStatus: Record<string, number>;
  replied: number;
  reopened: number;
  paused: number;
  /** Arrivals outside Mon–Fri 08–18 Berlin time (roughly: nights and weekends). */
  offHours: number;
};

/**
 * `count` conversations still owed something at NOW: arrivals at every hour and weekday
 * over the last six weeks (most in the last five days), then replies, customer messages,
 * pending and snoozed spells, closes and re-opens; none ends closed.
 */
export function openConversations(count: number, seed = 7): CorpusItem[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const domains = ['globex.com', 'initech.io', 'umbrella.de', 'hooli.com', 'stark.co.uk'];
  const items: CorpusItem[] = [];
  for (let i = 0; i < count; i++) {
    const ageMs = rnd() < 0.8 ? rnd() * 5 * DAY : 5 * DAY + rnd() * 37 * DAY;
    const arrived = NOW.getTime() - Math.max(MINUTE, ageMs);
    const customer = `c${i}@${pick(domains)}`;
    const events: LoggedEvent[] = [];
    let at = arrived;
    let status = 'open' as Conversation['status'];
    let snoozedUntil: string | null = null;
    const steps = Math.floor(rnd() * 7);
    for (let s = 0; s < steps; s++) {
      // Gaps from minutes to a couple of days, never past NOW.
      const gap = rnd() < 0.6 ? rnd() * 3 * HOUR : rnd() * 2 * DAY;
      if (at + gap >= NOW.getTime() - MINUTE) break;
      at += gap;
      const when = new Date(at);
      const r = rnd();
      const setStatus = (next: Conversation['status'], until: string | null = null) => {
        status = next;
        snoozedUntil = until;
        events.push({
          type: 'conversation.status',
          after: { status: next, snoozedUntil: until },
          at: when,
        });
      };
      if (status === 'closed') {
        setStatus('open'); // a re-open
      } else if (r < 0.35) {
        events.push({
          type: 'conversation.replied',
          after: { at: when.toISOString(), from: pick(TEAM_EMAILS) },
          at: when,
        });
      } else if (r < 0.6) {
        events.push({
          type: 'conversation.message_received',
          after: { at: when.toISOString(), from: customer },
          at: when,
        });
        if (status === 'pending') setStatus('open');
      } else if (r < 0.72 && status === 'open') {
        setStatus('pending');
      } else if (r < 0.82 && status === 'open') {
        setStatus('snoozed', new Date(at + (1 + rnd() * 47) * HOUR).toISOString());
      } else if (r < 0.92) {
        setStatus('closed');
      } else if (status !== 'open') {
        setStatus('open');
      }
    }
    if (status === 'closed') {
      at = Math.min(NOW.getTime() - MINUTE / 2, at + rnd() * DAY);
      status = 'open';
      snoozedUntil = null;
      events.push({
        type: 'conversation.status',
        after: { status: 'open', snoozedUntil: null },
        at: new Date(at),
      });
    }
    const first = new Date(arrived).toISOString();
    const last = new Date(at).toISOString();
    const id = `bench-sla-${i}`;
    const priority = rnd() < 0.15 ? 'urgent' : pick(['high', 'normal', 'normal', 'low'] as const);
    const tags = rnd() < 0.3 ? ['billing'] : rnd() < 0.5 ? ['shipping'] : [];
    items.push({
      conversation: {
        id,
        key: `msgid:<${id}@bench.test>`,
        host: 'gmail',
        refs: [{ host: 'gmail', mailbox: SHARED_MAILBOX, threadId: `t-${i}` }],
        subject: `Order ${10_000 + i}`,
        participants: [
          { email: customer, name: null },
          { email: SHARED_MAILBOX, name: 'Support' },
        ],
        firstMessageAt: first,
        lastMessageAt: last,
        status,
        snoozedUntil,
        priority,
        assigneeId: null,
        tags,
        dueAt: null,
        sla: null,
        lastMessageFrom: null,
        teamId: null,
        followers: [],
        slaPolicyId: null,
        createdAt: first,
        updatedAt: last,
        version: 1,
      },
      events,
    });
  }
  return items;
}

export function corpusStats(items: readonly CorpusItem[]): CorpusStats {
  const byStatus: Record<string, number> = {};
  let events = 0;
  let replied = 0;
  let reopened = 0;
  let paused = 0;
  let offHours = 0;
  const berlinHour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: 'numeric',
    weekday: 'short',
    hourCycle: 'h23',
  });
  for (const { conversation, events: list } of items) {
    byStatus[conversation.status] = (byStatus[conversation.status] ?? 0) + 1;
    events += list.length;
    if (list.some((e) => e.type === 'conversation.replied')) replied++;
    const statuses = list.flatMap((e) =>
      e.type === 'conversation.status' ? [(e.after as { status: string }).status] : [],
    );
    if (statuses.some((s, i) => s !== 'closed' && statuses[i - 1] === 'closed')) reopened++;
    if (statuses.some((s) => s === 'pending' || s === 'snoozed')) paused++;
    const parts = berlinHour.formatToParts(new Date(conversation.firstMessageAt!));
    const hour = Number(parts.find((p) => p.type === 'hour')?.value);
    const weekday = parts.find((p) => p.type === 'weekday')?.value ?? '';
    if (weekday === 'Sat' || weekday === 'Sun' || hour < 8 || hour >= 18) offHours++;
  }
  return { conversations: items.length, events, byStatus, replied, reopened, paused, offHours };
}
