import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`members and invites [${target.name}]`, () => {
    let server: TestServer;
    let ada: TestSession;
    let admin: ReturnType<typeof client>;
    let ana: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      ada = await server.signIn('ada@acme.test', 'admin');
      admin = client(server, ada);
      ana = await server.signIn('ana@acme.test', 'agent');
    });
    afterAll(() => server?.close());

    const identity = async (email: string) => {
      const r = await client(server, null).post('/v1/auth/dev', { email });
      return { ...r.body, as: client(server, { token: r.body.identityToken } as TestSession) };
    };

    it('invites by email: the invitee sees the invite at sign-in and joins with its role', async () => {
      const created = await admin.post('/v1/invites', { email: 'Ivy@Acme.test', role: 'lead' });
      expect(created).toMatchObject({ status: 201, body: { invite: { email: 'ivy@acme.test' } } });
      const stranger = await identity('eve@acme.test');
      expect(
        (await stranger.as.post('/v1/invites/accept', { code: created.body.code })).status,
      ).toBe(403);
      const ivy = await identity('ivy@acme.test');
      expect(ivy.invites).toEqual([
        { code: created.body.code, workspaceName: 'Test workspace', role: 'lead' },
      ]);
      const joined = await ivy.as.post('/v1/invites/accept', { code: created.body.code });
      expect(joined).toMatchObject({ status: 201, body: { member: { role: 'lead' } } });
      expect((await ivy.as.post('/v1/invites/accept', { code: created.body.code })).status).toBe(
        409,
      );
      const again = await identity('ivy@acme.test');
      expect(again.memberships).toMatchObject([{ role: 'lead', workspaceName: 'Test workspace' }]);
      const token = await again.as.post('/v1/auth/token', { workspaceId: ada.workspace.id });
      expect(token.status).toBe(200);
    });

    it('revokes an invite so it cannot be used', async () => {
      const created = await admin.post('/v1/invites', { email: 'rex@acme.test', role: 'agent' });
      expect((await admin.delete(`/v1/invites/${created.body.invite.id}`)).status).toBe(200);
      const rex = await identity('rex@acme.test');
      expect(rex.invites).toEqual([]);
      expect((await rex.as.post('/v1/invites/accept', { code: created.body.code })).status).toBe(
        409,
      );
    });

    it('lets members change their own name and availability, nothing else', async () => {
      const self = client(server, ana);
      expect(
        (await self.patch(`/v1/members/${ana.member.id}`, { availability: 'away', name: 'Ana B' }))
          .body,
      ).toMatchObject({ availability: 'away', name: 'Ana B' });
      expect((await self.patch(`/v1/members/${ana.member.id}`, { role: 'admin' })).status).toBe(
        403,
      );
      expect((await self.patch(`/v1/members/${ada.member.id}`, { name: 'x' })).status).toBe(403);
      expect((await admin.patch(`/v1/members/${ana.member.id}`, { role: 'lead' })).body.role).toBe(
        'lead',
      );
      // The new role applies to the very next request with the same token.
      expect((await self.post('/v1/tags', { name: 'lead-now' })).status).toBe(201);
    });

    it('keeps at least one active admin', async () => {
      const r = await admin.patch(`/v1/members/${ada.member.id}`, { role: 'agent' });
      expect(r).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    });

    it('refuses to invite an active member', async () => {
      expect(
        (await admin.post('/v1/invites', { email: 'ana@acme.test', role: 'agent' })).status,
      ).toBe(409);
    });

    it('answers /v1/me with the member and workspace', async () => {
      const r = await admin.get('/v1/me');
      expect(r.body).toMatchObject({
        member: { id: ada.member.id },
        workspace: { name: 'Test workspace' },
      });
    });
  });
}
