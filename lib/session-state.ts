import type { SidedeskDb } from './db';
import { getMeta } from './meta';
import type { SessionState } from './schema/messages';
import { DEFAULT_SERVER_URL } from './server-url';

/** What the UI may know of the sign-in and sync: everything but the tokens. */
export async function readSessionState(db: SidedeskDb): Promise<SessionState> {
  // One transaction rather than nine: the sidebar waits on this every time a thread opens.
  const [serverUrl, identity, session, online, lastSyncAt, lastError, notices, pageError, pending] =
    await db.transaction('r', db.meta, db.outbox, () =>
      Promise.all([
        getMeta(db, 'serverUrl'),
        getMeta(db, 'identity'),
        getMeta(db, 'session'),
        getMeta(db, 'online'),
        getMeta(db, 'lastSyncAt'),
        getMeta(db, 'lastError'),
        getMeta(db, 'notices'),
        getMeta(db, 'pageError'),
        db.outbox.count(),
      ]),
    );
  return {
    serverUrl: serverUrl ?? DEFAULT_SERVER_URL,
    identity: identity
      ? {
          email: identity.email,
          name: identity.name,
          memberships: identity.memberships,
          invites: identity.invites,
        }
      : null,
    workspace: session?.workspace ?? null,
    member: session?.member ?? null,
    role: session?.member.role ?? null,
    sync: {
      online: Boolean(session && online),
      pending,
      lastSyncAt: lastSyncAt ?? null,
      lastError: lastError ?? null,
      notices: notices ?? [],
      pageError: pageError ?? null,
    },
  };
}
