import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../lib/schema';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

const HOUR = 3_600_000;

for (const target of testDatabases()) {
  describe(`token expiry, renewal and revocation [${target.name}]`, () => {
    let server: TestServer;
    /** How far the API's clock runs ahead of the real one. */
    let ahead = 0;
    let admin: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => new Date(Date.now() + ahead) });
      admin = await server.signIn('ada@acme.test', 'admin');
    });
    afterAll(() => server?.close());

    const call = async (path: string, token: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      };
    };
    const code = (r: { body: Record<string, unknown> | null }) =>
      (r.body?.error as { code?: string } | undefined)?.code;
    const renew = (s: TestSession) =>
      call('/v1/auth/token', s.identityToken, { workspaceId: s.workspace.id });

    it('an expired member token says so, and the identity token renews it', async () => {
      const ana = await server.signIn('ana@acme.test', 'agent');
      ahead = 31 * 24 * HOUR;
      try {
        expect(code(await call('/v1/members', ana.token))).toBe('token_expired');
        expect((await renew(ana)).status).toBe(401);
      } finally {
        ahead = 0;
      }
      const renewed = await renew(ana);
      expect(renewed.status).toBe(200);
      expect((await call('/v1/members', (renewed.body as Session).token)).status).toBe(200);
    });

    it('"sign out everywhere" stops every token of mine on its next request', async () => {
      const bo = await server.signIn('bo@acme.test', 'agent');
      const laptop = (await renew(bo)).body as Session;
      expect((await call('/v1/members', laptop.token)).status).toBe(200);

      expect((await call('/v1/auth/sign-out-everywhere', bo.token, {})).status).toBe(204);
      for (const token of [bo.token, laptop.token])
        expect(code(await call('/v1/members', token))).toBe('token_revoked');
      // The identity token signed before cannot get a new member token either.
      expect(code(await renew(bo))).toBe('token_revoked');
      // Signing in again (a new identity, even within the same second) works.
      const again = await server.signIn('bo@acme.test', 'agent');
      expect((await call('/v1/members', again.token)).status).toBe(200);
      expect((await renew(again)).status).toBe(200);
    });

    it('an admin signs a member out of every device; agents may not', async () => {
      const cy = await server.signIn('cy@acme.test', 'agent');
      const dee = await server.signIn('dee@acme.test', 'agent');
      expect((await call(`/v1/members/${dee.member.id}/sign-out`, cy.token, {})).status).toBe(403);
      expect((await call(`/v1/members/${dee.member.id}/sign-out`, admin.token, {})).status).toBe(
        204,
      );
      expect(code(await call('/v1/members', dee.token))).toBe('token_revoked');
      const audit = await call('/v1/audit', admin.token);
      expect(audit.body?.entries).toContainEqual(
        expect.objectContaining({
          action: 'POST /v1/members/:id/sign-out',
          actorId: admin.member.id,
          target: dee.member.id,
        }),
      );
      expect((await call('/v1/members', cy.token)).status).toBe(200);
      expect((await call('/v1/members', admin.token)).status).toBe(200);
    });

    it('cannot sign out a member of another workspace', async () => {
      const other = await server.signIn('eve@other.test', 'admin', { workspace: 'Other' });
      const res = await call(`/v1/members/${other.member.id}/sign-out`, admin.token, {});
      expect(res.status).toBe(404);
      expect((await call('/v1/members', other.token)).status).toBe(200);
    });

    it('a deactivated member is locked out on the very next request', async () => {
      const fay = await server.signIn('fay@acme.test', 'agent');
      expect((await call('/v1/members', fay.token)).status).toBe(200);
      const off = await call(`/v1/members/${fay.member.id}/deactivate`, admin.token, {
        reassignTo: null,
      });
      expect(off.status).toBe(200);
      expect(code(await call('/v1/members', fay.token))).toBe('member_inactive');
      expect(code(await renew(fay))).toBe('member_inactive');
    });
  });
}
