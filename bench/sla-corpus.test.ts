import { describe, expect, it } from 'vitest';
import { corpusStats, memorySetup, NOW, openConversations } from './sla-corpus';

describe('the SLA bench corpus', () => {
  it('is the same every run, and every conversation is still owed something', () => {
    const items = openConversations(300);
    expect(openConversations(300)).toEqual(items);
    for (const { conversation, events } of items) {
      expect(conversation.status).not.toBe('closed');
      expect(Date.parse(conversation.firstMessageAt!)).toBeLessThan(NOW.getTime());
      for (const e of events) expect(e.at.getTime()).toBeLessThan(NOW.getTime());
    }
  });

  it('has varied histories and imported holidays', () => {
    const stats = corpusStats(openConversations(1000));
    expect(stats.replied).toBeGreaterThan(100);
    expect(stats.paused).toBeGreaterThan(100);
    expect(stats.reopened).toBeGreaterThan(50);
    expect(stats.offHours).toBeGreaterThan(100);
    const { calendarList, policies } = memorySetup();
    expect(calendarList.every((c) => c.holidays.length > 10)).toBe(true);
    expect(policies.map((p) => p.position)).toEqual([0, 1, 2]);
  });
});
