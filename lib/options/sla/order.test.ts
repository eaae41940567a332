import { describe, expect, it } from 'vitest';
import { inOrder, moved, reordered } from './order';

const items = [
  { id: 'c', position: 2 },
  { id: 'a', position: 0 },
  { id: 'b', position: 1 },
];

describe('policy order', () => {
  it('sorts by position and moves one place at a time', () => {
    expect(inOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moved(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moved(['a', 'b', 'c'], 'x', 1)).toBeNull();
  });

  it('renumbers positions in the new order', () => {
    expect(reordered(items, ['c', 'a', 'b'])).toEqual([
      { id: 'c', position: 0 },
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });
});
