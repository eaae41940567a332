import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { client } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
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

    /** A conversation the member took, optionally moved to `status`. */
    const conversationFor = async (
      as: ReturnType<typeof client>,
      memberId: string,
      status?: string,
    ) => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      const r = await as.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.upsert', { meta: m }),
          mutation(2, 'conversation.assign', {
            conversationId: id,
            assigneeId: memberId,
            expectedAssigneeId: null,
          }),
          ...(status
            ? [
                mutation(3, 'conversation.setStatus', {
                  conversationId: id,
                  status,
                  snoozedUntil: null,
                }),
              ]
            : []),
        ],
      });
      expect(r.body.results.every((x: { status: string }) => x.status === 'ok')).toBe(true);
      return id;
    };

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

    it('resends an invite: a new code and expiry; the old code stops working', async () => {
      const first = await admin.post('/v1/invites', { email: 'una@acme.test', role: 'agent' });
      const resent = await admin.post(`/v1/invites/${first.body.invite.id}/resend`);
      expect(resent).toMatchObject({ status: 201, body: { invite: { email: 'una@acme.test' } } });
      expect(resent.body.code).not.toBe(first.body.code);
      expect(resent.body.invite.id).not.toBe(first.body.invite.id);
      const una = await identity('una@acme.test');
      expect(una.invites.map((i: { code: string }) => i.code)).toEqual([resent.body.code]);
      expect((await una.as.post('/v1/invites/accept', { code: first.body.code })).status).toBe(409);
      expect((await una.as.post('/v1/invites/accept', { code: resent.body.code })).status).toBe(
        201,
      );
      expect((await admin.post(`/v1/invites/${resent.body.invite.id}/resend`)).status).toBe(409);
      expect(
        (await client(server, ana).post(`/v1/invites/${first.body.invite.id}/resend`)).status,
      ).toBe(403);
    });

    it('deactivates a member: open work goes to the heir, the token is refused at once', async () => {
      const dee = await server.signIn('dee@acme.test', 'agent');
      const heir = await server.signIn('hal@acme.test', 'agent');
      const as = client(server, dee);
      const open = await conversationFor(as, dee.member.id);
      const closed = await conversationFor(as, dee.member.id, 'closed');
      const { cursor } = (await admin.get('/v1/bootstrap')).body;

      const bad = await admin.post(`/v1/members/${dee.member.id}/deactivate`, {
        reassignTo: dee.member.id,
      });
      expect(bad).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'reassignTo' }] } },
      });
      const off = await admin.post(`/v1/members/${dee.member.id}/deactivate`, {
        reassignTo: heir.member.id,
      });
      expect(off).toMatchObject({ status: 200, body: { status: 'deactivated' } });

      const refused = await as.get('/v1/me');
      expect(refused).toMatchObject({ status: 401, body: { error: { code: 'member_inactive' } } });
      const pulled = await admin.post('/v1/pull', { clientId: randomUUID(), cursor });
      const conv = (id: string) =>
        pulled.body.changes.find((c: { id: string }) => c.id === id)?.record;
      expect(conv(open)).toMatchObject({ assigneeId: heir.member.id });
      expect(conv(closed)).toBeUndefined();
      const events = (await admin.get(`/v1/conversations/${open}/events`)).body;
      expect(events.at(-1)).toMatchObject({
        type: 'conversation.assigned',
        before: dee.member.id,
        after: heir.member.id,
      });
      expect(
        (await admin.post(`/v1/members/${dee.member.id}/deactivate`, { reassignTo: null })).status,
      ).toBe(409);
      const toDeactivated = await admin.post(`/v1/members/${heir.member.id}/deactivate`, {
        reassignTo: dee.member.id,
      });
      expect(toDeactivated.status).toBe(400);
    });

    it('deactivates to the queue, and keeps an admin', async () => {
      const kim = await server.signIn('kim@acme.test', 'agent');
      const open = await conversationFor(client(server, kim), kim.member.id);
      await admin.post(`/v1/members/${kim.member.id}/deactivate`, { reassignTo: null });
      const events = (await admin.get(`/v1/conversations/${open}/events`)).body;
      expect(events.at(-1)).toMatchObject({ type: 'conversation.unassigned', after: null });
      const last = await admin.post(`/v1/members/${ada.member.id}/deactivate`, {
        reassignTo: null,
      });
      expect(last.status).toBe(409);
    });

    it('lets admins set capacity, and members their own availability', async () => {
      const cap = await admin.patch(`/v1/members/${ana.member.id}`, { capacity: 12 });
      expect(cap.body).toMatchObject({ capacity: 12 });
      const self = client(server, ana);
      expect((await self.patch(`/v1/members/${ana.member.id}`, { capacity: 99 })).status).toBe(403);
      expect(
        (await self.patch(`/v1/members/${ana.member.id}`, { availability: 'available' })).body,
      ).toMatchObject({ availability: 'available', capacity: 12 });
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
