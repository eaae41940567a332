import { createApiClient } from '../api-client';
import { recordTables, type SidedeskDb } from '../db';
import { deleteMeta, getMeta, type MetaValue, setMeta } from '../meta';
import type { Session, SignInResult } from '../schema';
import type { SyncEngine } from '../sync/engine';
import { authorizationRequest, idTokenFromRedirect } from './oidc';

export type AccountOptions = {
  db: SidedeskDb;
  engine: SyncEngine;
  fetch?: typeof fetch;
  /** chrome.identity.launchWebAuthFlow: resolves with the URL the provider redirected to. */
  webAuthFlow(url: string): Promise<string>;
  /** chrome.identity.getRedirectURL() */
  redirectUrl(): string;
};

/**
 * Sign-in, workspace choice and sign-out, run in the background (the popup closes when an
 * auth window takes focus). Tokens are written to Dexie meta and never returned.
 */
export class Account {
  constructor(private readonly opts: AccountOptions) {}

  private api(serverUrl: string) {
    return createApiClient(serverUrl, this.opts.fetch ?? ((i, init) => fetch(i, init)));
  }

  async providers(serverUrl: string) {
    return this.api(serverUrl).providers();
  }

  async signInDev(serverUrl: string, email: string) {
    const result = await this.api(serverUrl).signInDev(email);
    await this.signedIn(serverUrl, result);
  }

  async signInOidc(serverUrl: string, providerId: string) {
    const api = this.api(serverUrl);
    const { providers } = await api.providers();
    const provider = providers.find((p) => p.id === providerId);
    if (!provider) throw new Error(`unknown sign-in provider "${providerId}"`);
    const request = authorizationRequest(provider, this.opts.redirectUrl());
    const redirectedTo = await this.opts.webAuthFlow(request.url);
    const idToken = idTokenFromRedirect(redirectedTo, request.state);
    await this.signedIn(serverUrl, await api.signInOidc(idToken, request.nonce));
  }

  async chooseWorkspace(workspaceId: string) {
    const { serverUrl, identity } = await this.identity();
    await this.enter(await this.api(serverUrl).workspaceToken(identity.token, workspaceId));
  }

  async createWorkspace(name: string) {
    const { serverUrl, identity } = await this.identity();
    await this.enter(await this.api(serverUrl).createWorkspace(identity.token, name));
  }

  async acceptInvite(code: string) {
    const { serverUrl, identity } = await this.identity();
    await this.enter(await this.api(serverUrl).acceptInvite(identity.token, code), code);
  }

  /** Forget the person and everything cached, pending changes included; keep the server URL. */
  async signOut() {
    this.opts.engine.disconnect();
    const { db } = this.opts;
    await db.transaction('rw', db.tables, async () => {
      const serverUrl = await getMeta(db, 'serverUrl');
      await Promise.all(db.tables.map((t) => t.clear()));
      if (serverUrl) await setMeta(db, 'serverUrl', serverUrl);
    });
  }

  private async signedIn(serverUrl: string, result: SignInResult) {
    await this.signOut();
    const { db } = this.opts;
    await setMeta(db, 'serverUrl', serverUrl);
    await setMeta(db, 'identity', {
      token: result.identityToken,
      email: result.email,
      name: result.name,
      memberships: result.memberships,
      invites: result.invites,
    });
    const [only] = result.memberships;
    if (result.memberships.length === 1 && only) await this.chooseWorkspace(only.workspaceId);
  }

  private async identity(): Promise<{ serverUrl: string; identity: MetaValue<'identity'> }> {
    const [serverUrl, identity] = await Promise.all([
      getMeta(this.opts.db, 'serverUrl'),
      getMeta(this.opts.db, 'identity'),
    ]);
    if (!serverUrl || !identity) throw new Error('sign in first');
    return { serverUrl, identity };
  }

  /** Start clean in the workspace: a new client id, an empty cache, then bootstrap. */
  private async enter(session: Session, acceptedInvite?: string) {
    const { db, engine } = this.opts;
    engine.disconnect();
    await db.transaction('rw', db.tables, async () => {
      await Promise.all([...recordTables(db), db.outbox].map((t) => t.clear()));
      await deleteMeta(db, 'clientId', 'cursor', 'nextMutationId', 'notices', 'lastError');
      const identity = await getMeta(db, 'identity');
      if (identity) {
        const membership = {
          workspaceId: session.workspace.id,
          workspaceName: session.workspace.name,
          memberId: session.member.id,
          role: session.member.role,
        };
        await setMeta(db, 'identity', {
          ...identity,
          memberships: [
            ...identity.memberships.filter((m) => m.workspaceId !== session.workspace.id),
            membership,
          ],
          invites: identity.invites.filter((i) => i.code !== acceptedInvite),
        });
      }
      await setMeta(db, 'session', session);
    });
    engine.connect();
  }
}
