import type { Conversation, Member, Tag, ThreadRef } from '../schema';
import type { ChangeNotice, SessionState } from '../schema/messages';
import type { Background } from './background';

/** Everything the thread sidebar draws, as the background's cache has it now. */
export interface ThreadData {
  conversation: Conversation | null;
  members: Member[];
  tags: Tag[];
  session: SessionState;
  /** This conversation's changes still waiting in the outbox. */
  pending: number;
}

/**
 * Reads the thread's conversation from the cache, then again after every change the
 * background announces; members and tags only when theirs changed. Stops with `signal`.
 */
export async function watchThread(
  ref: ThreadRef,
  background: Background,
  onData: (data: ThreadData) => void,
  signal: AbortSignal,
): Promise<void> {
  const { send } = background;
  let members: Promise<Member[]> = send({ type: 'listMembers' });
  let tags: Promise<Tag[]> = send({ type: 'listTags' });
  let latest = 0;
  const load = async () => {
    const run = ++latest;
    // One message: every hop to the worker costs a turn of its queue, and sync is busy.
    const thread = await send({ type: 'getThread', ref });
    const data = { ...thread, members: await members, tags: await tags };
    // An older read finishing late must not overwrite a newer one.
    if (run === latest && !signal.aborted) onData(data);
  };
  const onNotice = (notice: ChangeNotice) => {
    if (notice.tables.includes('members')) members = send({ type: 'listMembers' });
    if (notice.tables.includes('tags')) tags = send({ type: 'listTags' });
    void load().catch(() => {});
  };
  const unsubscribe = background.subscribe(onNotice);
  signal.addEventListener('abort', unsubscribe, { once: true });
  await load();
}
