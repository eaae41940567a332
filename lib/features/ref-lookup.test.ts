import { describe, expect, it, vi } from 'vitest';
import type { Request } from '../schema/messages';
import { conversation } from '../testing/records';
import type { Background } from './background';
import { refLookup } from './ref-lookup';

const ref = (threadId: string) => ({ host: 'gmail' as const, mailbox: 'ana@acme.test', threadId });

describe('looking threads up', () => {
  it('sends one request per burst, asks for a thread once, and answers each caller', async () => {
    vi.useFakeTimers();
    try {
      const asked: Request[] = [];
      const send = vi.fn(async (request: Request) => {
        asked.push(request);
        return request.type === 'getConversationsByRefs'
          ? request.refs.map((r) => (r.threadId === 't1' ? conversation('c1') : null))
          : null;
      }) as unknown as Background['send'];
      const lookup = refLookup(send);
      const answers = Promise.all([lookup(ref('t1')), lookup(ref('t2')), lookup(ref('t1'))]);
      await vi.runAllTimersAsync();
      expect((await answers).map((c) => c?.id ?? null)).toEqual(['c1', null, 'c1']);
      expect(asked).toEqual([{ type: 'getConversationsByRefs', refs: [ref('t1'), ref('t2')] }]);

      const later = lookup(ref('t2'));
      await vi.runAllTimersAsync();
      await expect(later).resolves.toBeNull();
      expect(asked).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails every caller of a failed request', async () => {
    const send = vi.fn(async () => {
      throw new Error('worker gone');
    }) as unknown as Background['send'];
    const lookup = refLookup(send);
    await expect(Promise.all([lookup(ref('a')), lookup(ref('b'))])).rejects.toThrow('worker gone');
  });
});
