/**
 * How long the event loop could not run anything else: a probe re-queues itself with
 * `setImmediate` (the queue fake-indexeddb's requests use too), so the gap between two of
 * its ticks is the longest uninterrupted run of other work in between (a task and the
 * microtasks it set off). A page's message to the worker waits that long at worst.
 */

export type SliceStats = {
  /** The longest gap between two ticks, ms. */
  longest: number;
  /** Gaps longer than `threshold` (a long task in the browser's sense: 50 ms). */
  over: number;
  /** Their total, ms. */
  overMs: number;
};

/** The gaps between consecutive tick times (ms), summarised. */
export function sliceStats(ticks: readonly number[], threshold = 50): SliceStats {
  let longest = 0;
  let over = 0;
  let overMs = 0;
  for (let i = 1; i < ticks.length; i++) {
    const gap = ticks[i]! - ticks[i - 1]!;
    if (gap > longest) longest = gap;
    if (gap > threshold) {
      over++;
      overMs += gap;
    }
  }
  return { longest, over, overMs };
}

/** Starts the probe; `stop()` ends it and summarises what it saw. */
export function watchLoop(threshold = 50) {
  const ticks = [performance.now()];
  let running = true;
  const tick = () => {
    ticks.push(performance.now());
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop(): SliceStats {
      running = false;
      ticks.push(performance.now());
      return sliceStats(ticks, threshold);
    },
  };
}
