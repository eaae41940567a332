import { describe, expect, it, vi } from 'vitest';
import { readOnce } from './read-once';

describe('reading an opened thread', () => {
  it('reads the page once, however many features ask', async () => {
    const read = vi.fn(async () => ({ ok: false as const, message: 'no subject' }));
    const thread = { read };
    const [a, b] = await Promise.all([readOnce(thread), readOnce(thread)]);
    expect(a).toEqual({ ok: false, message: 'no subject' });
    expect(b).toBe(a);
    expect(read).toHaveBeenCalledTimes(1);
    await readOnce({ read });
    expect(read).toHaveBeenCalledTimes(2);
  });
});
