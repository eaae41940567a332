import { describe, expect, it, vi } from 'vitest';
import type { MailHost } from '../hosts/types';
import { openRequested } from './open-requests';

function host(kind: 'gmail' | 'outlook', mailbox: string) {
  const openThread = vi.fn(async () => {});
  const openQueue = vi.fn(async () => {});
  return { host: kind, mailbox, openThread, openQueue } as unknown as MailHost & {
    openThread: typeof openThread;
    openQueue: typeof openQueue;
  };
}

const refs = [
  { host: 'gmail' as const, mailbox: 'ben@acme.test', threadId: 'ben-1' },
  { host: 'gmail' as const, mailbox: 'Ana@acme.test', threadId: 'ana-1' },
];

describe('what a click on an SLA warning opens in a mail tab', () => {
  it('the thread of this mailbox, when it holds one', async () => {
    const ana = host('gmail', 'ana@acme.test');
    expect(await openRequested(ana, { type: 'sidedesk:openThread', refs })).toEqual({
      opened: true,
    });
    expect(ana.openThread).toHaveBeenCalledWith('ana-1');
  });

  it('nothing in a mailbox or host without a thread of it', async () => {
    for (const other of [host('gmail', 'leo@acme.test'), host('outlook', 'ana@acme.test')]) {
      expect(await openRequested(other, { type: 'sidedesk:openThread', refs })).toEqual({
        opened: false,
      });
      expect(other.openThread).not.toHaveBeenCalled();
    }
  });

  it('a queue, in any mail tab', async () => {
    const ana = host('outlook', 'support@acme.test');
    expect(await openRequested(ana, { type: 'sidedesk:openQueue', queue: 'breaching' })).toEqual({
      opened: true,
    });
    expect(ana.openQueue).toHaveBeenCalledWith('breaching');
  });
});
