import { createHash, randomUUID } from 'node:crypto';
import { ApiRequestError, createApiClient } from '../lib/api-client';
import { conversationIdFor } from '../lib/conversation-id';
import { CreatedInvite, type Note, type Session } from '../lib/schema';
import { meta, mutation } from '../server/testing/fixtures';

/** A member signed in as an extension would be: the session and the identity token. */
export type Agent = Session & { identityToken: string };
export type SeededWorkspace = { agents: Agent[]; conversationIds: string[] };

/**
 * Runs an API call, again after a second while it answers 503 or 429 (a saturated target's
 * database refusing connections; Retry-After is 1), for up to a minute: the reads that
 * check a run must not fail with it.
 */
async function untilAvailable<T>(call: () => Promise<T>): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await call();
    } catch (e) {
      const busy = e instanceof ApiRequestError && (e.status === 503 || e.status === 429);
      if (!busy || Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * A workspace made over HTTP alone (dev sign-in, create, invite, accept), so it works on
 * any target: its creator (admin) and `agents - 1` agents, and `conversations` threads.
 */
export async function seedWorkspace(
  url: string,
  name: string,
  agents: number,
  conversations: number,
): Promise<SeededWorkspace> {
  const api = createApiClient(url);
  const tag = randomUUID().slice(0, 8);
  const creator = await untilAvailable(() => api.signInDev(`admin-${tag}@load.test`));
  const admin = await untilAvailable(() => api.createWorkspace(creator.identityToken, name));
  const seeded: Agent[] = [{ ...admin, identityToken: creator.identityToken }];
  for (let i = 1; i < agents; i++) {
    const email = `agent${i}-${tag}@load.test`;
    // The extension's client has no call for invites (the options page relays it).
    const invited = await untilAvailable(async () => {
      const res = await api.relay(admin.token, {
        method: 'POST',
        path: '/v1/invites',
        body: { email, role: 'agent' },
      });
      if (res.status >= 300)
        throw new ApiRequestError(res.status, 'http', `inviting ${email} answered ${res.status}`);
      return res.body;
    });
    const { code } = CreatedInvite.parse(invited);
    const identity = await untilAvailable(() => api.signInDev(email));
    const session = await untilAvailable(() => api.acceptInvite(identity.identityToken, code));
    seeded.push({ ...session, identityToken: identity.identityToken });
  }
  const metas = Array.from({ length: conversations }, () => meta());
  const { results } = await untilAvailable(() =>
    api.push(admin.token, {
      clientId: randomUUID(),
      mutations: metas.map((m, i) => mutation(i + 1, 'conversation.upsert', { meta: m })),
    }),
  );
  if (results.some((r) => r.status !== 'ok')) throw new Error('seeding conversations failed');
  const conversationIds = await Promise.all(metas.map((m) => conversationIdFor(m.key)));
  return { agents: seeded, conversationIds };
}

/** Every live note of the workspace as the server holds it (bootstrap, every page). */
export async function serverNotes(url: string, token: string): Promise<Note[]> {
  const api = createApiClient(url);
  const notes: Note[] = [];
  let page: string | undefined;
  do {
    const from = page;
    const body = await untilAvailable(() => api.bootstrap(token, from, 2000));
    for (const c of body.changes) if (c.entity === 'note' && c.record) notes.push(c.record);
    page = body.next ?? undefined;
  } while (page !== undefined);
  return notes;
}

/** One digest of a set of note ids, to compare a cache with the server without sending both. */
export const digestOf = (ids: Iterable<string>) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
