import { describe, expect, it } from 'vitest';
import { taskQueue } from './task-queue';

describe('the task queue', () => {
  it('runs tasks in order, never more than its concurrency at once', async () => {
    const run = taskQueue(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      order.push(n);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => run(task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('keeps going after a task fails', async () => {
    const run = taskQueue(1);
    const failed = run(async () => {
      throw new Error('no');
    });
    await expect(failed).rejects.toThrow('no');
    await expect(run(async () => 'after')).resolves.toBe('after');
  });
});
