import { setMeta } from '../meta';
import type { Event, Session } from '../schema';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine';
import type { Timers } from '../sync/timers';
import { memoryDb } from './memory-db';

type SignedIn = Session & { identityToken: string };

/** A fetch whose network can be cut, and whose pushes can be watched or held. */
export class TestNetwork {
  offline = false;
  /** While set, a push reaches the server but its answer never comes back. */
  swallowPushAnswers = false;
  readonly pushedIds: number[] = [];
  pulls = 0;
  readonly acknowledged: { id: number; status: string }[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.offline) throw new TypeError('fetch failed (offline)');
    const url = new URL(input instanceof Request ? input.url : String(input));
    // The server URL may have a path (the worker target's /__db/<name>).
    if (url.pathname.endsWith('/v1/pull')) this.pulls++;
    if (!url.pathname.endsWith('/v1/push')) return fetch(input, init);
    const body = JSON.parse(String(init?.body)) as { mutations: { id: number }[] };
    this.pushedIds.push(...body.mutations.map((m) => m.id));
    const response = await fetch(input, init);
    if (this.swallowPushAnswers) return new Promise<Response>(() => {});
    const json = (await response.clone().json()) as { results?: { id: number; status: string }[] };
    this.acknowledged.push(...(json.results ?? []));
    return response;
  };
}

/** One extension's cache and engine, signed in to a test server as `who`; `timers` sets its clock. */
export async function syncClient(
  serverUrl: string,
  who: SignedIn,
  onChange?: SyncEngineOptions['onChange'],
  timers?: Timers,
) {
  const { db, factory } = memoryDb();
  {
    const { identityToken, ...session } = who;
    await setMeta(db, 'serverUrl', serverUrl);
    await setMeta(db, 'session', {
      token: session.token,
      expiresAt: session.expiresAt,
      workspace: session.workspace,
      member: session.member,
    });
    await setMeta(db, 'identity', {
      token: identityToken,
      email: session.member.email,
      name: session.member.name,
      memberships: [],
      invites: [],
    });
  }
  return reopen(factory, onChange, timers);
}

/** A new engine on an existing cache: what a restarted service worker does. */
export async function reopen(
  factory: ReturnType<typeof memoryDb>['factory'],
  onChange?: SyncEngineOptions['onChange'],
  timers?: Timers,
) {
  const { db } = memoryDb(factory);
  const network = new TestNetwork();
  const engine = new SyncEngine({ db, fetch: network.fetch, onChange, timers });
  await engine.start();
  await engine.idle();
  return { db, engine, network, factory };
}

/** Poll until `check` holds (the realtime path is asynchronous by nature). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function eventsOf(serverUrl: string, token: string, conversationId: string) {
  const res = await fetch(`${serverUrl}/v1/conversations/${conversationId}/events`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Event[];
}
