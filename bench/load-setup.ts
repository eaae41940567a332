import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { conversationIdFor } from '../lib/conversation-id';
import {
  BootstrapPage,
  CreatedInvite,
  type Note,
  PushResponse,
  Session,
  SignInResult,
} from '../lib/schema';
import { meta, mutation } from '../server/testing/fixtures';

/** A member signed in as an extension would be: the session and the identity token. */
export type Agent = Session & { identityToken: string };
export type SeededWorkspace = { agents: Agent[]; conversationIds: string[] };

/**
 * A call to the API over HTTP; anything but 2xx is an error naming the route. A 503 or 429
 * (a saturated target's database refusing connections) is tried again after its
 * Retry-After, for up to a minute: the reads that check a run must not fail with it.
 */
export async function api<S extends z.ZodType>(
  url: string,
  path: string,
  token: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.ok) return schema.parse(await res.json());
    const text = await res.text();
    if ((res.status !== 503 && res.status !== 429) || Date.now() > until)
      throw new Error(`${path} answered ${res.status}: ${text}`);
    const seconds = Number(res.headers.get('retry-after')) || 1;
    await new Promise((r) => setTimeout(r, seconds * 1000));
  }
}

const devSignIn = async (url: string, email: string) => {
  const res = await fetch(`${url}/v1/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`dev sign-in of ${email} answered ${res.status}`);
  return SignInResult.parse(await res.json());
};

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
  const tag = randomUUID().slice(0, 8);
  const creator = await devSignIn(url, `admin-${tag}@load.test`);
  const admin = await api(url, '/v1/workspaces', creator.identityToken, Session, { name });
  const seeded: Agent[] = [{ ...admin, identityToken: creator.identityToken }];
  for (let i = 1; i < agents; i++) {
    const email = `agent${i}-${tag}@load.test`;
    const { code } = await api(url, '/v1/invites', admin.token, CreatedInvite, {
      email,
      role: 'agent',
    });
    const identity = await devSignIn(url, email);
    const session = await api(url, '/v1/invites/accept', identity.identityToken, Session, {
      code,
    });
    seeded.push({ ...session, identityToken: identity.identityToken });
  }
  const metas = Array.from({ length: conversations }, () => meta());
  const { results } = await api(url, '/v1/push', admin.token, PushResponse, {
    clientId: randomUUID(),
    mutations: metas.map((m, i) => mutation(i + 1, 'conversation.upsert', { meta: m })),
  });
  if (results.some((r) => r.status !== 'ok')) throw new Error('seeding conversations failed');
  const conversationIds = await Promise.all(metas.map((m) => conversationIdFor(m.key)));
  return { agents: seeded, conversationIds };
}

/** Every live note of the workspace as the server holds it (bootstrap, every page). */
export async function serverNotes(url: string, token: string): Promise<Note[]> {
  const notes: Note[] = [];
  let page: string | null = null;
  do {
    const query: string = page ? `&page=${encodeURIComponent(page)}` : '';
    const body: BootstrapPage = await api(
      url,
      `/v1/bootstrap?limit=2000${query}`,
      token,
      BootstrapPage,
    );
    for (const c of body.changes) if (c.entity === 'note' && c.record) notes.push(c.record);
    page = body.next;
  } while (page !== null);
  return notes;
}

/** One digest of a set of note ids, to compare a cache with the server without sending both. */
export const digestOf = (ids: Iterable<string>) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
