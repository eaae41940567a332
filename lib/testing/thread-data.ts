import type { ThreadData } from '../features/watch-thread';
import type { Conversation, Member, Tag } from '../schema';
import type { SessionState, SyncNotice } from '../schema/messages';
import { conversation, member } from './records';

export const ana = member('00000000-0000-4000-8000-000000000001', 'Ana Silva', 'agent');
export const ben = member('00000000-0000-4000-8000-000000000002', 'Ben', 'agent');
export const leo = member('00000000-0000-4000-8000-000000000003', 'Leo Lead', 'lead');

export const tag = (name: string, archived = false): Tag => ({
  id: crypto.randomUUID(),
  name,
  color: '#6b7280',
  archived,
  version: 1,
});

export function sessionOf(me: Member, sync: Partial<SessionState['sync']> = {}): SessionState {
  return {
    serverUrl: 'http://127.0.0.1:8787',
    identity: null,
    workspace: null,
    member: me,
    role: me.role,
    sync: {
      online: true,
      pending: 0,
      lastSyncAt: null,
      lastError: null,
      notices: [],
      pageError: null,
      ...sync,
    },
  };
}

export function threadData(
  me: Member,
  patch: Partial<Conversation> = {},
  extra: { tags?: Tag[]; notices?: SyncNotice[] } = {},
): ThreadData {
  return {
    conversation: conversation('c1', patch),
    members: [ana, ben, leo],
    tags: extra.tags ?? [],
    session: sessionOf(me, { notices: extra.notices ?? [] }),
    pending: 0,
  };
}
