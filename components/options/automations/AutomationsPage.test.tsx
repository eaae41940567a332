// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role, Rule, Team } from '../../../lib/schema';
import { byTestId, click, mount, settle, type } from '../../testing/mount';
import type { SignedInSession } from '../section-props';
import { AutomationsPage } from './AutomationsPage';

const calls: { method: string; path: string; body: unknown }[] = [];
let rules: Rule[] = [];
const billing: Team = {
  id: '00000000-0000-4000-8000-0000000000b1',
  name: 'Billing',
  memberIds: [],
  routing: { mode: 'manual', deadlineAware: false, useSkills: false, escalatesTo: null },
};

const rule = (n: number, name: string): Rule => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name,
  enabled: true,
  position: n,
  trigger: { type: 'conversation.created' },
  conditions: [],
  actions: [{ type: 'setPriority', priority: 'high' }],
  stopProcessing: false,
  createdBy: null,
  updatedAt: '2026-11-01T00:00:00.000Z',
});

// The worker's relay answers as the API would; the page's own relay parses it.
vi.mock('../../../lib/messaging', () => ({
  subscribeChanges: () => () => {},
  send: async ({ method, path, body }: { method: string; path: string; body?: unknown }) => {
    calls.push({ method, path, body });
    const answer = (b: unknown, status = 200) => ({ status, body: b });
    if (path === '/v1/teams') return answer([billing]);
    if (path === '/v1/rules' && method === 'GET') return answer(rules);
    if (path === '/v1/rules/dry-run') {
      return answer({
        examined: 12,
        matched: 1,
        matches: [
          {
            conversationId: 'c1',
            subject: 'Refund for order 42',
            at: '2026-11-27T10:00:00.000Z',
            effects: ['add tag billing', 'route to Billing'],
          },
        ],
      });
    }
    if (path === '/v1/rules/reorder') return answer(null);
    if (method === 'PATCH') return answer({ ...rule(2, 'Second'), ...(body as object) });
    if (path === '/v1/rules' && method === 'POST')
      return answer({ ...rule(9, 'x'), ...(body as object) }, 201);
    if (method === 'GET') return answer([]);
    return answer(null, 204);
  },
}));

const session = (role: Role) => ({ role }) as SignedInSession;

let page: Awaited<ReturnType<typeof mount>>;

async function render(role: Role) {
  page = await mount(<AutomationsPage session={session(role)} />);
  await settle(() => !page.container.querySelector('[data-testid="loading"]'));
}

const one = (id: string) => byTestId(id)[0] as HTMLElement;

async function buildRefundRule() {
  await click(one('rule-new'));
  await type(one('rule-name'), 'Refunds to Billing');
  await click(one('condition-add'));
  await type(one('condition-values'), 'refund');
  await type(one('action-tag'), 'billing');
  await click(one('action-add'));
  await type(byTestId('action-type')[1]!, 'route');
  await settle(() => one('action-teamId')?.textContent?.includes('Billing') ?? false);
  await type(one('action-teamId'), billing.id);
}

beforeEach(() => {
  calls.length = 0;
  rules = [rule(1, 'First'), rule(2, 'Second')];
});
afterEach(() => page.unmount());

describe('the automations page', () => {
  it('lists the rules in order, and moving one sends every id in the new order', async () => {
    await render('lead');
    expect(byTestId('rule-row').map((r) => r.getAttribute('data-name'))).toEqual([
      'First',
      'Second',
    ]);
    await click(byTestId('rule-row')[1]!.querySelector('[data-move="-1"]')!);
    expect(calls.find((c) => c.path === '/v1/rules/reorder')?.body).toEqual({
      ids: [rules[1]!.id, rules[0]!.id],
    });
  });

  it('switches a rule off and deletes one after asking', async () => {
    await render('admin');
    await click(byTestId('rule-enabled')[1]!);
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: `/v1/rules/${rules[1]!.id}`,
      body: { enabled: false },
    });
    await click(
      [...page.container.querySelectorAll('button')].find((b) => b.textContent === 'Delete First')!,
    );
    await click(one('delete-rule-confirm'));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe(`/v1/rules/${rules[0]!.id}`);
  });

  it('builds a rule, previews it on last week and creates it as CreateRule has it', async () => {
    rules = [];
    await render('admin');
    await buildRefundRule();
    await click(one('rule-preview'));
    await settle(() => byTestId('rule-dry-run-row').length > 0);
    expect(one('rule-dry-run-count').textContent).toContain('1 of 12 conversations would match');
    expect(one('rule-dry-run-row').textContent).toContain('Refund for order 42');
    await click(one('rule-save'));
    const expected = {
      name: 'Refunds to Billing',
      enabled: true,
      trigger: { type: 'conversation.created' },
      conditions: [{ field: 'subject', op: 'containsAny', values: ['refund'] }],
      actions: [
        { type: 'addTag', tag: 'billing' },
        { type: 'route', teamId: billing.id },
      ],
      stopProcessing: false,
    };
    expect(calls.find((c) => c.path === '/v1/rules/dry-run')?.body).toEqual({
      rule: expected,
      days: 7,
    });
    expect(calls.find((c) => c.path === '/v1/rules' && c.method === 'POST')?.body).toEqual(
      expected,
    );
  });

  it('shows what is missing at its field and sends nothing', async () => {
    await render('admin');
    await click(one('rule-new'));
    await type(one('action-type'), 'assign');
    await click(one('rule-save'));
    expect(page.container.textContent).toContain('Required');
    expect(page.container.textContent).toContain('Choose one');
    expect(one('rule-name').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
