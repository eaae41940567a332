import { describe, expect, it } from 'vitest';
import { dropItem, patchItem, putItem } from './list';

const list = {
  items: [
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
  ],
  offline: false,
};

describe('optimistic list updates', () => {
  it('patch, put and drop one item by id, leaving the rest', () => {
    expect(patchItem(list, 'b', { n: 3 })?.items).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 3 },
    ]);
    expect(putItem(list, { id: 'a', n: 9 })?.items[0]).toEqual({ id: 'a', n: 9 });
    expect(putItem(list, { id: 'c', n: 0 })?.items).toHaveLength(3);
    expect(dropItem(list, 'a')?.items).toEqual([{ id: 'b', n: 2 }]);
    expect(patchItem(undefined, 'a', {})).toBeUndefined();
  });
});
