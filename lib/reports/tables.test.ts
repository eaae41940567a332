import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../metrics';
import { reportFigures } from '../metrics/summary';
import type { ReportSummary } from '../schema/reports';
import { figuresOf } from './figures';
import { reportTable, samplesTable } from './tables';

const empty = reportFigures([], { from: 0, to: 86_400_000 }, 86_400_000, 'UTC');
const summary = (figures: Record<string, unknown>) =>
  ({ figures, definitions: [...DEFINITIONS] }) as Pick<ReportSummary, 'figures' | 'definitions'>;

describe('report tables', () => {
  it('read every figure by its shape, with its title and definition; series are tables', () => {
    const figures = figuresOf(summary(empty));
    expect(figures.map((f) => f.metric)).not.toContain('volume');
    expect(figures.find((f) => f.metric === 'conversations')).toMatchObject({
      kind: 'count',
      count: 0,
      title: 'Conversations',
    });
    expect(figures.find((f) => f.metric === 'resolution')).toMatchObject({ kind: 'duration' });
    expect(figures.find((f) => f.metric === 'slaResolution')).toMatchObject({
      kind: 'rate',
      stats: { count: 0, of: 0, rate: null, pending: 0 },
    });
    expect(figures.every((f) => f.definition)).toBe(true);
  });

  it('show a figure the API adds later, of a shape not known here, by its numbers', () => {
    const later = summary({ ...empty, nps: { score: 40, responses: 10, label: 'x' } });
    expect(figuresOf(later).find((f) => f.metric === 'nps')).toEqual({
      metric: 'nps',
      title: expect.any(String),
      definition: expect.anything(),
      kind: 'other',
      values: [
        ['score', 40],
        ['responses', 10],
      ],
      headline: 40,
    });
    const row = reportTable(later, 'figures', new Map()).rows.find((r) => r[0] === 'nps');
    expect(row?.slice(2)).toEqual([undefined, null, null, null, null, null, null, 40]);
    const odd = summary({ ...empty, mood: { happy: 3 } });
    expect(figuresOf(odd).at(-1)).toMatchObject({
      metric: 'mood',
      title: 'mood',
      definition: null,
      headline: null,
    });
  });

  it('name agents of the workload, by id when unknown', () => {
    const workload = [
      { agentId: 'a1', open: 2, assigned: 3, assignedToday: 1, closed: 4 },
      { agentId: 'a2', open: 0, assigned: 1, assignedToday: 0, closed: 0 },
    ];
    const table = reportTable(
      summary({ ...empty, workload }),
      'workload',
      new Map([['a1', 'Ana']]),
    );
    expect(table.rows).toEqual([
      ['a1', 'Ana', 2, 3, 1, 4],
      ['a2', 'a2', 0, 1, 0, 0],
    ]);
    expect(table.columns.map((c) => c.key)).toEqual([
      'agent_id',
      'agent',
      'open',
      'assigned',
      'assigned_today',
      'closed',
    ]);
  });

  it('list the samples behind a figure with their subjects', () => {
    const at = '2026-11-30T09:00:00.000Z';
    expect(
      samplesTable([
        { conversationId: 'c1', subject: 'Refund', value: 'breached', at, eventIds: [] },
      ]).rows,
    ).toEqual([['c1', 'Refund', 'breached', at]]);
  });
});
