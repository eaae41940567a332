import { describe, expect, it } from 'vitest';
import { sliceStats, watchLoop } from './sla-slices';

describe('event-loop slices', () => {
  it('reports the longest gap and those over the threshold', () => {
    expect(sliceStats([0, 1, 2, 60, 61, 200], 50)).toEqual({ longest: 139, over: 2, overMs: 197 });
    expect(sliceStats([5], 50)).toEqual({ longest: 0, over: 0, overMs: 0 });
  });

  it('sees a synchronous loop between its ticks', async () => {
    const watch = watchLoop(20);
    await new Promise((resolve) => setImmediate(resolve));
    const until = performance.now() + 30;
    while (performance.now() < until) {
      // busy: nothing else can run
    }
    await new Promise((resolve) => setImmediate(resolve));
    const stats = watch.stop();
    expect(stats.longest).toBeGreaterThanOrEqual(30);
    expect(stats.over).toBeGreaterThanOrEqual(1);
  });
});
