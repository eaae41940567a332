// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../lib/schema';
import { member } from '../../../lib/testing/records';
import { AuditLog } from './AuditLog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

let root: Root;
afterEach(() => act(() => root.unmount()));

it('lists admin actions newest first, with who and what changed, and pages on', async () => {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <AuditLog />
      </QueryClientProvider>,
    );
  });
  const rows = () =>
    [...container.querySelectorAll('[data-testid="audit-entry"]')].map((r) =>
      [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent),
    );
  const settle = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++)
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  };
  await settle(() => rows().length === 1 && rows()[0]![0] === 'Ada');
  expect(rows()).toEqual([['Ada', 'PATCH /v1/workspace/settings', 'retentionDays']]);

  const older = [...container.querySelectorAll('button')].find(
    (b) => b.textContent === 'Older entries',
  )!;
  await act(async () => older.click());
  await settle(() => rows().length === 2);
  expect(rows()[1]).toEqual(['Ada', 'POST /v1/invites', 'email, role']);
  expect(paths).toContain('/v1/audit?limit=25&before=cursor-1');
  expect(container.textContent).not.toContain('Older entries');
});
