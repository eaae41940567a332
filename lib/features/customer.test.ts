import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/records';
import { ana } from '../testing/thread-data';
import { customerOf, threadIdIn } from './customer';

describe('the customer of a conversation', () => {
  it('is the first participant who is neither a member nor this mailbox', () => {
    const c = conversation('c1', {
      participants: [
        { email: 'Support@Acme.test', name: 'Support' },
        { email: ana.email, name: 'Ana' },
        { email: 'carla@customer.test', name: 'Carla' },
        { email: 'dan@customer.test', name: null },
      ],
    });
    expect(customerOf(c, [ana], 'support@acme.test')?.email).toBe('carla@customer.test');
    expect(customerOf(conversation('c2', { participants: [] }), [], 'x@acme.test')).toBeNull();
  });

  it("opens another conversation through this mailbox's copy only", () => {
    const c = conversation('c1', {
      refs: [
        { host: 'gmail', mailbox: 'ben@acme.test', threadId: 'b1' },
        { host: 'gmail', mailbox: 'ana@acme.test', threadId: 'a1' },
      ],
    });
    expect(threadIdIn(c, 'gmail', 'Ana@acme.test')).toBe('a1');
    expect(threadIdIn(c, 'outlook', 'ana@acme.test')).toBeNull();
    expect(threadIdIn(c, 'gmail', 'leo@acme.test')).toBeNull();
  });
});
