import { randomUUID } from 'node:crypto';
import type {
  BootstrapPage,
  Conversation,
  ConversationMeta,
  Event,
  Invite,
  MutationName,
  PullResponse,
  PushResponse,
  Role,
  Session,
  SignInResult,
} from '../../../lib/schema';

/**
 * A plain HTTP client of the API: the "other agent" of the end-to-end stories, and the
 * tests' way to seed a workspace and to count what the server stored.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  devSignIn(email: string, name?: string) {
    return this.request<SignInResult>('POST', '/v1/auth/dev', { email, name });
  }
  oidcSignIn(idToken: string, nonce: string) {
    return this.request<SignInResult>('POST', '/v1/auth/oidc', { idToken, nonce });
  }
  createWorkspace(name: string) {
    return this.request<Session>('POST', '/v1/workspaces', { name });
  }
  memberToken(workspaceId: string) {
    return this.request<Session>('POST', '/v1/auth/token', { workspaceId });
  }
  invite(email: string, role: Role) {
    return this.request<{ invite: Invite; code: string }>('POST', '/v1/invites', { email, role });
  }
  acceptInvite(code: string) {
    return this.request<Session>('POST', '/v1/invites/accept', { code });
  }
  bootstrap(page?: string) {
    const query = page ? `?page=${encodeURIComponent(page)}` : '';
    return this.request<BootstrapPage>('GET', `/v1/bootstrap${query}`);
  }
  pull(clientId: string, cursor: number) {
    return this.request<PullResponse>('POST', '/v1/pull', { clientId, cursor, limit: 2000 });
  }
  push(clientId: string, mutations: { id: number; name: MutationName; args: unknown }[]) {
    const ts = new Date().toISOString();
    return this.request<PushResponse>('POST', '/v1/push', {
      clientId,
      mutations: mutations.map((m) => ({ ...m, ts })),
    });
  }
  events(conversationId: string) {
    return this.request<Event[] | { events: Event[] }>(
      'GET',
      `/v1/conversations/${encodeURIComponent(conversationId)}/events`,
    ).then((body) => (Array.isArray(body) ? body : body.events));
  }

  /** Every live conversation, through bootstrap (all pages). */
  async conversations(): Promise<Conversation[]> {
    const out: Conversation[] = [];
    let page: string | undefined;
    do {
      const result = await this.bootstrap(page);
      for (const change of result.changes) {
        if (change.entity === 'conversation' && change.record) out.push(change.record);
      }
      page = result.next ?? undefined;
    } while (page);
    return out;
  }
}

/** A second sync client: its own client id and mutation counter, like a second browser. */
export class SyncClient {
  readonly clientId = randomUUID();
  private nextId = 1;

  constructor(readonly api: ApiClient) {}

  async mutate(name: MutationName, args: unknown) {
    const id = this.nextId++;
    const { results, version } = await this.api.push(this.clientId, [{ id, name, args }]);
    const result = results.find((r) => r.id === id);
    if (result?.status !== 'ok') {
      throw new Error(`${name} was not accepted: ${JSON.stringify(result)}`);
    }
    return { id, version };
  }
}

export function meta(subject: string, mailbox: string, n: number): ConversationMeta {
  const at = new Date(Date.UTC(2026, 10, 20, 9, n)).toISOString();
  return {
    key: `msgid:<e2e-${n}-${randomUUID()}@customer.test>`,
    host: 'gmail',
    ref: { host: 'gmail', mailbox, threadId: `thread-${n}` },
    subject,
    participants: [{ email: `customer${n}@customer.test`, name: `Customer ${n}` }],
    firstMessageAt: at,
    lastMessageAt: at,
  };
}
