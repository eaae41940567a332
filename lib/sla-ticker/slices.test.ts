import { describe, expect, it } from 'vitest';
import { earliest, inSlices, mergeChecks, SLICE } from './slices';

describe('the ticker in slices', () => {
  it('covers every item once, in order, and lets other tasks run between slices', async () => {
    const items = Array.from({ length: 2 * SLICE + 7 }, (_, i) => i);
    const seen: string[] = [];
    setTimeout(() => seen.push('a message answered'), 0);
    const sums = await inSlices(items, (slice) => {
      seen.push(`slice of ${slice.length}`);
      return slice.reduce((a, b) => a + b, 0);
    });
    expect(sums.reduce((a, b) => a + b, 0)).toBe(items.reduce((a, b) => a + b, 0));
    expect(seen).toEqual([
      `slice of ${SLICE}`,
      'a message answered',
      `slice of ${SLICE}`,
      'slice of 7',
    ]);
    expect(await inSlices([], () => 1)).toEqual([]);
  });

  it('merges the slices’ checks as one check of them all would read', () => {
    const merged = mergeChecks(
      [
        { due: [5, 1], nextAt: 300, owed: new Set(['a']) },
        { due: [3], nextAt: null, owed: new Set(['b', 'a']) },
        { due: [], nextAt: 200, owed: new Set() },
      ],
      (x: number, y: number) => x - y,
    );
    expect(merged).toEqual({ due: [1, 3, 5], nextAt: 200, owed: new Set(['a', 'b']) });
    expect(earliest([null, null])).toBeNull();
  });
});
