import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../../server/testing/oidc-issuer';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { getMeta } from '../meta';
import { readSessionState } from '../session-state';
import { SyncEngine } from '../sync/engine';
import { memoryDb } from '../testing/memory-db';
import { Account } from './account';

const REDIRECT = 'https://paoacmceonakckbggjmgbiapdjokogfh.chromiumapp.org/';

let server: TestServer;
let issuer: OidcIssuer;
const engines: SyncEngine[] = [];

beforeAll(async () => {
  issuer = await startOidcIssuer({ user: { email: 'olga@acme.test', name: 'Olga' } });
  server = await startTestServer({ oidcProviders: [issuer.provider] });
});
afterAll(async () => {
  for (const engine of engines) engine.stop();
  await server?.close();
  await issuer?.close();
});

/** What chrome.identity.launchWebAuthFlow does: follow the provider to the redirect URL. */
async function webAuthFlow(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location?.startsWith(REDIRECT)) throw new Error(`no redirect: ${res.status}`);
  return location;
}

function account() {
  const { db } = memoryDb();
  const engine = new SyncEngine({ db });
  engines.push(engine);
  return {
    db,
    engine,
    account: new Account({ db, engine, webAuthFlow, redirectUrl: () => REDIRECT }),
  };
}

describe('account', () => {
  it('dev sign-in with one membership enters that workspace and bootstraps', async () => {
    await server.signIn('ana@acme.test', 'lead', { workspace: 'Solo' });
    const { db, engine, account: a } = account();
    await a.signInDev(server.url, 'ana@acme.test');
    await engine.idle();
    const state = await readSessionState(db);
    expect(state).toMatchObject({
      serverUrl: server.url,
      workspace: { name: 'Solo' },
      role: 'lead',
      identity: { email: 'ana@acme.test' },
    });
    expect(JSON.stringify(state)).not.toContain((await getMeta(db, 'session'))?.token);
    expect(await getMeta(db, 'cursor')).toBeGreaterThan(0);
    expect(await db.members.count()).toBeGreaterThan(0);
  });

  it('without a membership, offers to create a workspace', async () => {
    const { db, account: a } = account();
    await a.signInDev(server.url, 'newbie@acme.test');
    expect((await readSessionState(db)).workspace).toBeNull();
    await a.createWorkspace('Newbie Inc');
    expect(await readSessionState(db)).toMatchObject({
      workspace: { name: 'Newbie Inc' },
      role: 'admin',
      identity: { memberships: [{ workspaceName: 'Newbie Inc', role: 'admin' }] },
    });
  });

  it('accepts an invite shown at sign-in', async () => {
    const admin = await server.signIn('boss@acme.test', 'admin', { workspace: 'Invites' });
    const res = await fetch(`${server.url}/v1/invites`, {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ email: 'cy@acme.test', role: 'agent' }),
    });
    expect(res.status).toBeLessThan(300);
    const { db, account: a } = account();
    await a.signInDev(server.url, 'cy@acme.test');
    const [invite] = (await readSessionState(db)).identity?.invites ?? [];
    expect(invite).toMatchObject({ workspaceName: 'Invites', role: 'agent' });
    await a.acceptInvite(invite!.code);
    expect(await readSessionState(db)).toMatchObject({
      workspace: { name: 'Invites' },
      role: 'agent',
      identity: { invites: [] },
    });
  });

  it('with several memberships, waits for a choice', async () => {
    await server.signIn('dee@acme.test', 'agent', { workspace: 'One' });
    const two = await server.signIn('dee@acme.test', 'admin', { workspace: 'Two' });
    const { db, account: a } = account();
    await a.signInDev(server.url, 'dee@acme.test');
    expect((await readSessionState(db)).identity?.memberships).toHaveLength(2);
    expect((await readSessionState(db)).workspace).toBeNull();
    await a.chooseWorkspace(two.workspace.id);
    expect(await readSessionState(db)).toMatchObject({ workspace: { name: 'Two' }, role: 'admin' });
  });

  it('signs in with OpenID Connect through the provider and the API', async () => {
    await server.signIn('olga@acme.test', 'agent', { workspace: 'Oidc' });
    const { db, account: a } = account();
    await a.signInOidc(server.url, issuer.provider.id);
    expect(await readSessionState(db)).toMatchObject({
      identity: { email: 'olga@acme.test' },
      workspace: { name: 'Oidc' },
    });
  });

  it('sign-out forgets everything but the server URL', async () => {
    await server.signIn('eve@acme.test', 'agent', { workspace: 'Bye' });
    const { db, engine, account: a } = account();
    await a.signInDev(server.url, 'eve@acme.test');
    await engine.idle();
    await a.signOut();
    expect(await db.meta.toArray()).toEqual([{ key: 'serverUrl', value: server.url }]);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.members.count()).toBe(0);
  });
});
