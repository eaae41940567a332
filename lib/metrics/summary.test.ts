import { describe, expect, it } from 'vitest';
import { MetricId, ReportFigures } from '../schema/reports';
import { HOUR } from '../sla/test-fixtures';
import { DEFINITIONS } from './definitions';
import { conversationFacts } from './facts';
import { durationStats } from './stats';
import { reportFigures } from './summary';
import { AGENT_A, AGENT_B, logOf, T0, t } from './test-history';

const MIN = 60_000;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const RANGE = { from: Date.parse('2026-11-30T00:00:00Z'), to: Date.parse('2026-12-02T00:00:00Z') };

function factsOf(id: string, arrivedAt: string, build: (log: ReturnType<typeof logOf>) => void) {
  const log = logOf(`${id}-`);
  log.created(arrivedAt);
  build(log);
  return conversationFacts({
    conversation: { id, firstMessageAt: arrivedAt, createdAt: arrivedAt },
    events: log.events,
    sla: null,
    businessCalendar: null,
    now: NOW,
  });
}

const A = factsOf('a', t(0), (log) => {
  log.assign(t(10), AGENT_A);
  log.reply(t(30));
  log.status(t(60), 'closed');
});
const B = factsOf('b', t(60), (log) => {
  log.reply(t(70));
  log.customer(t(100));
  log.reply(t(160));
  log.assign(t(1500), AGENT_B); // 1 Dec 10:00, today
});
const C = factsOf('c', t(120), (log) => {
  log.priority(t(121), 'normal', 'urgent');
  log.draft(t(122), 'accepted');
  log.draft(t(123), 'edited');
  log.draft(t(124), 'discarded');
});
/** Arrived before the period, closed in it: not in the per-conversation figures. */
const D = factsOf('d', '2026-11-29T20:00:00.000Z', (log) => log.status(t(30), 'closed'));

describe('report figures', () => {
  it('medians, p90, averages, rates, volume, backlog and workload (hand-checked)', () => {
    const figures = reportFigures([A, B, C, D], RANGE, NOW.getTime(), 'UTC');
    expect(ReportFigures.parse(figures)).toEqual(figures);
    expect(figures.conversations).toBe(3);
    expect(figures.firstResponse).toEqual({
      count: 2,
      medianMs: 20 * MIN,
      p90Ms: 30 * MIN,
      averageMs: 20 * MIN,
    });
    expect(figures.firstResponseFromAssignment).toEqual({
      count: 1,
      medianMs: 20 * MIN,
      p90Ms: 20 * MIN,
      averageMs: 20 * MIN,
      repliedBeforeAssignment: 1,
    });
    expect(figures.nextResponse.medianMs).toBe(60 * MIN);
    expect(figures.averageResponse).toEqual({
      count: 3,
      medianMs: 30 * MIN,
      p90Ms: 60 * MIN,
      averageMs: 2_000_000,
    });
    expect(figures.resolution).toMatchObject({ count: 1, medianMs: 60 * MIN });
    expect(figures.firstContactResolution).toEqual({ count: 1, of: 1, rate: 1 });
    expect(figures.reopenRate).toEqual({ count: 0, of: 1, rate: 0 });
    expect(figures.escalationRate).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    expect(figures.copilotAcceptance).toEqual({
      count: 2,
      of: 3,
      rate: 2 / 3,
      accepted: 1,
      edited: 1,
      discarded: 1,
    });
    expect(figures.slaFirstResponse).toEqual({ count: 0, of: 0, rate: null, pending: 0 });
    expect(figures.volume).toEqual([
      { date: '2026-11-30', arrived: 3, closed: 2 },
      { date: '2026-12-01', arrived: 0, closed: 0 },
    ]);
    expect(figures.backlog).toEqual([
      { date: '2026-11-30', open: 2 },
      { date: '2026-12-01', open: 2 },
    ]);
    expect(figures.workload).toEqual([
      { agentId: AGENT_A, open: 0, assigned: 1, assignedToday: 0, closed: 1 },
      { agentId: AGENT_B, open: 1, assigned: 1, assignedToday: 1, closed: 0 },
    ]);
  });

  it('CSAT, NPS and CES count every rating of the conversations that arrived (hand-checked)', () => {
    const R1 = factsOf('r1', t(0), (log) => {
      log.rated(t(30), 'csat', 'five', 5);
      log.rated(t(90), 'csat', 'five', 3);
      log.rated(t(95), 'csat', 'five', 4);
      log.rated(t(100), 'nps', 'ten', 10);
      log.rated(t(101), 'nps', 'ten', 9);
      log.rated(t(110), 'ces', 'seven', 6);
    });
    const R2 = factsOf('r2', t(60), (log) => {
      log.rated(t(70), 'csat', 'thumbs', 1);
      log.rated(t(80), 'csat', 'thumbs', 0);
      log.rated(t(90), 'nps', 'ten', 6);
      log.rated(t(91), 'nps', 'ten', 8);
      log.rated(t(92), 'ces', 'seven', 2);
      log.rated(t(93), 'ces', 'seven', 7);
    });
    // Arrived before the period: its rating is not in the figures.
    const early = factsOf('early', '2026-11-29T20:00:00.000Z', (log) =>
      log.rated(t(30), 'csat', 'thumbs', 0),
    );
    const figures = reportFigures([R1, R2, early], RANGE, NOW.getTime(), 'UTC');
    expect(ReportFigures.parse(figures)).toEqual(figures);
    // Satisfied: 5, 4 and 👍 of 5, 3, 4, 👍, 👎.
    expect(figures.csat).toEqual({ count: 3, of: 5, rate: 0.6 });
    // Promoters 10 and 9, passive 8, detractor 6: (2 − 1) / 4 = 25.
    expect(figures.nps).toEqual({ count: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    // (6 + 2 + 7) / 3.
    expect(figures.ces).toEqual({ count: 3, average: 5 });
  });

  it('cuts days in the report’s time zone', () => {
    // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Berlin.
    const late = factsOf('late', '2026-11-30T23:30:00.000Z', () => {});
    const utc = reportFigures([late], RANGE, NOW.getTime(), 'UTC');
    const berlin = reportFigures([late], RANGE, NOW.getTime(), 'Europe/Berlin');
    expect(utc.volume.map((d) => d.arrived)).toEqual([1, 0]);
    // The Berlin days the UTC period touches: 30 Nov from 01:00, 1 Dec (2 Dec starts after now).
    expect(berlin.volume).toEqual([
      { date: '2026-11-30', arrived: 0, closed: 0 },
      { date: '2026-12-01', arrived: 1, closed: 0 },
    ]);
    expect(berlin.backlog).toEqual([
      { date: '2026-11-30', open: 0 },
      { date: '2026-12-01', open: 1 },
    ]);
  });

  it('an empty period has no durations and no rates', () => {
    const figures = reportFigures([], RANGE, T0, 'UTC');
    expect(figures.firstResponse).toEqual({
      count: 0,
      medianMs: null,
      p90Ms: null,
      averageMs: null,
    });
    expect(figures.reopenRate.rate).toBeNull();
    expect(figures.csat.rate).toBeNull();
    expect(figures.nps).toEqual({
      count: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
    });
    expect(figures.ces).toEqual({ count: 0, average: null });
  });

  it('median of an even count is the mean of the middle two; p90 is the nearest rank', () => {
    expect(durationStats([4, 1, 3, 2])).toEqual({ count: 4, medianMs: 3, p90Ms: 4, averageMs: 3 });
    const tens = Array.from({ length: 10 }, (_, i) => (i + 1) * HOUR);
    expect(durationStats(tens).p90Ms).toBe(9 * HOUR);
  });

  it('defines every metric once, in a sentence or two', () => {
    expect(DEFINITIONS.map((d) => d.id).sort()).toEqual([...MetricId.options].sort());
    for (const d of DEFINITIONS) {
      const sentences = d.definition.split(/(?<=\.)\s+/);
      expect(sentences.length, d.id).toBeLessThanOrEqual(2);
    }
  });
});
