/**
 * How many conversations one stretch of the ticker's work covers before the worker may
 * answer a page's message: a policy change makes it look at every open conversation, and
 * 10,000 of them in one go kept the worker busy for 200 ms (docs/benchmarks.md, SLA).
 */
export const SLICE = 500;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `work` over `items` SLICE at a time, the worker free for other tasks in between. */
export async function inSlices<T, R>(
  items: readonly T[],
  work: (slice: readonly T[]) => R,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await nextTask();
    results.push(work(items.slice(start, start + SLICE)));
  }
  return results;
}

/** The earliest of some instants; null when there is none. */
export function earliest(times: readonly (number | null)[]): number | null {
  const known = times.filter((t) => t !== null);
  return known.length > 0 ? Math.min(...known) : null;
}

interface Check<D> {
  due: D[];
  nextAt: number | null;
  owed: Set<string>;
}

/** One check from the checks of its slices, `due` in `order`. */
export function mergeChecks<D>(
  parts: readonly Check<D>[],
  order: (a: D, b: D) => number,
): Check<D> {
  return {
    due: parts.flatMap((p) => p.due).sort(order),
    nextAt: earliest(parts.map((p) => p.nextAt)),
    owed: new Set(parts.flatMap((p) => [...p.owed])),
  };
}
