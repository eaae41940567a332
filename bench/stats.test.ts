import { describe, expect, it } from 'vitest';
import { percentile, row } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });

  it('states a benchmark as a ratio to its baseline', () => {
    expect(row('push', [4, 4, 4], 'bare route', [2, 2, 2]).ratio).toBe(2);
  });
});
