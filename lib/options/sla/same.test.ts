import { describe, expect, it } from 'vitest';
import { sameValue } from './same';

describe('sameValue', () => {
  it('compares JSON values by content, whatever the key order', () => {
    expect(sameValue({ a: 1, b: [{ x: '1', y: null }] }, { b: [{ y: null, x: '1' }], a: 1 })).toBe(
      true,
    );
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('09:00', '09:00')).toBe(true);
  });
});
