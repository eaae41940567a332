import { describe, expect, it } from 'vitest';
import { fanOut } from './fan-out';

type Item = { name: string; signal: AbortSignal; close(): void };
const item = (name: string): Item => {
  const controller = new AbortController();
  return { name, signal: controller.signal, close: () => controller.abort() };
};

describe('a watcher shared by several handlers', () => {
  it('runs once for all of them, and a late one first hears what is live', () => {
    let starts = 0;
    let emit: (item: Item) => void = () => {};
    const register = fanOut<Item>((e) => {
      starts++;
      emit = e;
    });
    const first: string[] = [];
    const second: string[] = [];
    register((i) => first.push(i.name), new AbortController().signal);
    const a = item('a');
    const b = item('b');
    emit(a);
    emit(b);
    a.close();
    register((i) => second.push(i.name), new AbortController().signal);
    emit(item('c'));
    expect(starts).toBe(1);
    expect(first).toEqual(['a', 'b', 'c']);
    expect(second).toEqual(['b', 'c']);
  });

  it('stops with its last handler and starts afresh with the next', () => {
    const runs: AbortSignal[] = [];
    const register = fanOut<Item>((_emit, signal) => runs.push(signal));
    const one = new AbortController();
    const two = new AbortController();
    register(() => {}, one.signal);
    register(() => {}, two.signal);
    one.abort();
    expect(runs[0]?.aborted).toBe(false);
    two.abort();
    expect(runs[0]?.aborted).toBe(true);
    register(() => {}, new AbortController().signal);
    expect(runs).toHaveLength(2);
  });
});
