import type { OpenedThread } from '../hosts/types';
import type { Background } from './background';
import type { Feature } from './index';
import { readOnce } from './read-once';

/**
 * Records the opened thread's metadata (never its bodies) so every agent's copy meets in
 * one conversation. A thread that could not be fully read is not written at all.
 */
export async function upsertOpenedThread(
  thread: Pick<OpenedThread, 'read'>,
  background: Pick<Background, 'send'>,
): Promise<void> {
  const read = await readOnce(thread);
  if (!read.ok) throw new Error(read.message);
  const result = await background.send({
    type: 'mutate',
    name: 'conversation.upsert',
    args: { meta: read.value },
  });
  if (!result.ok) throw new Error(`conversation.upsert ${result.status}: ${result.message}`);
}

export const conversationUpsert: Feature = {
  name: 'conversation-upsert',
  init({ host, background, signal, report }) {
    host.onThreadOpened((thread) => {
      upsertOpenedThread(thread, background).catch(report);
    }, signal);
  },
};
