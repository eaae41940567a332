// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../lib/schema';
import { member } from '../../../lib/testing/records';
import { click, mount, settle } from '../../testing/mount';
import { AuditLog } from './AuditLog';

const ADA = '00000000-0000-4000-8000-0000000000a1';
const ada = member(ADA, 'Ada', 'admin');
const entry = (n: number, action: string, fields: string[]): AuditEntry => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  actorId: ADA,
  action,
  target: null,
  summary: { params: {}, fields },
  at: `2026-11-2${n}T10:00:00.000Z`,
});
const paths: string[] = [];

// The worker's relay answers as the API would: two pages, newest first.
vi.mock('../../../lib/messaging', () => ({
  subscribeChanges: () => () => {},
  send: async ({ path }: { path: string }) => {
    paths.push(path);
    if (path === '/v1/members') return { status: 200, body: [ada] };
    if (path.includes('before='))
      return {
        status: 200,
        body: { entries: [entry(1, 'POST /v1/invites', ['email', 'role'])], next: null },
      };
    return {
      status: 200,
      body: {
        entries: [entry(2, 'PATCH /v1/workspace/settings', ['retentionDays'])],
        next: 'cursor-1',
      },
    };
  },
}));

let page: Awaited<ReturnType<typeof mount>>;
afterEach(() => page.unmount());

it('lists admin actions newest first, with who and what changed, and pages on', async () => {
  page = await mount(<AuditLog />);
  const { container } = page;
  const rows = () =>
    [...container.querySelectorAll('[data-testid="audit-entry"]')].map((r) =>
      [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent),
    );
  await settle(() => rows().length === 1 && rows()[0]![0] === 'Ada');
  expect(rows()).toEqual([['Ada', 'PATCH /v1/workspace/settings', 'retentionDays']]);

  const older = [...container.querySelectorAll('button')].find(
    (b) => b.textContent === 'Older entries',
  )!;
  await click(older);
  await settle(() => rows().length === 2);
  expect(rows()[1]).toEqual(['Ada', 'POST /v1/invites', 'email, role']);
  expect(paths).toContain('/v1/audit?limit=25&before=cursor-1');
  expect(container.textContent).not.toContain('Older entries');
});
