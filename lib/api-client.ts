import { z } from 'zod';
import {
  ApiError as ApiErrorBody,
  AuthProviders,
  BootstrapPage,
  type CreateTag,
  Event,
  LiveTicket,
  type PullRequest,
  PullResponse,
  type PushRequest,
  PushResponse,
  Session,
  SignInResult,
  SYNC_PROTOCOL,
  Tag,
} from './schema';
import type { RelayRequest, RelayResponse } from './schema/messages';

/** An API failure: `code` is the API's stable error code, or `network` when none came back. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** Worth retrying: the request may not have reached a healthy server, or was throttled. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

type Call = {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
};

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(baseUrl: string, fetchFn: typeof fetch = fetch) {
  const base = baseUrl.replace(/\/+$/, '');

  async function call<S extends z.ZodType>(path: string, schema: S, c: Call = {}) {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(c.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = {};
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetchFn(url, {
        method: c.method ?? (c.body === undefined ? 'GET' : 'POST'),
        headers,
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
      });
    } catch (e) {
      throw new ApiRequestError(0, 'network', `cannot reach ${base}: ${(e as Error).message}`);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = ApiErrorBody.safeParse(json);
      if (err.success)
        throw new ApiRequestError(res.status, err.data.error.code, err.data.error.message);
      throw new ApiRequestError(res.status, 'http', `${path} answered ${res.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiRequestError(res.status, 'bad_response', `${path}: unexpected response`);
    }
    return parsed.data as z.infer<S>;
  }

  return {
    baseUrl: base,
    providers: () => call('/v1/auth/providers', AuthProviders),
    signInDev: (email: string) => call('/v1/auth/dev', SignInResult, { body: { email } }),
    signInOidc: (idToken: string, nonce: string) =>
      call('/v1/auth/oidc', SignInResult, { body: { idToken, nonce } }),
    workspaceToken: (identityToken: string, workspaceId: string) =>
      call('/v1/auth/token', Session, { token: identityToken, body: { workspaceId } }),
    createWorkspace: (identityToken: string, name: string) =>
      call('/v1/workspaces', Session, { token: identityToken, body: { name } }),
    acceptInvite: (identityToken: string, code: string) =>
      call('/v1/invites/accept', Session, { token: identityToken, body: { code } }),
    bootstrap: (token: string, page?: string, limit?: number) =>
      call('/v1/bootstrap', BootstrapPage, {
        token,
        query: { page, limit, protocol: SYNC_PROTOCOL },
      }),
    pull: (token: string, body: PullRequest) => call('/v1/pull', PullResponse, { token, body }),
    push: (token: string, body: PushRequest) => call('/v1/push', PushResponse, { token, body }),
    createTag: (token: string, body: z.input<typeof CreateTag>) =>
      call('/v1/tags', Tag, { token, body }),
    events: (token: string, conversationId: string) =>
      call(`/v1/conversations/${encodeURIComponent(conversationId)}/events`, z.array(Event), {
        token,
      }),
    /**
     * A management request of an extension page, passed through with this client's
     * token: every answer comes back as it is, except an expired token, which the
     * caller renews.
     */
    relay: async (token: string, request: RelayRequest): Promise<RelayResponse> => {
      let res: Response;
      try {
        res = await fetchFn(new URL(base + request.path), {
          method: request.method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
      } catch (e) {
        throw new ApiRequestError(0, 'network', `cannot reach ${base}: ${(e as Error).message}`);
      }
      // A report's CSV export is relayed as its text; everything else the API answers is JSON.
      const body: unknown = res.headers.get('content-type')?.startsWith('text/csv')
        ? await res.text()
        : await res.json().catch(() => null);
      const error = ApiErrorBody.safeParse(body);
      if (res.status === 401 && error.success && error.data.error.code === 'token_expired') {
        throw new ApiRequestError(401, 'token_expired', error.data.error.message);
      }
      return { status: res.status, body };
    },
    liveTicket: (token: string) =>
      call('/v1/live/ticket', LiveTicket, { token, method: 'POST', body: {} }),
    liveUrl: (ticket: string) => {
      const url = new URL(`${base}/v1/live`);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('ticket', ticket);
      return url.toString();
    },
  };
}
