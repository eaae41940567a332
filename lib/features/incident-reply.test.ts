// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ReplyDraft, SafeHtml } from '../hosts/types';
import { conversation, template } from '../testing/records';
import { ana } from '../testing/thread-data';
import { insertIncidentReply } from './incident-reply';

const outage = template({
  id: '00000000-0000-4000-8000-0000000000e3',
  body: '<p>Hi {{customer.firstName}}, we know about the outage.</p>',
});

function page() {
  const inserted: SafeHtml[] = [];
  const draft: ReplyDraft = {
    element: document.createElement('div'),
    insertHtml: (html) => inserted.push(html),
    focusBody: () => {},
    signal: new AbortController().signal,
  };
  const thread = { openReply: vi.fn(async () => draft) };
  const send = vi.fn(async ({ type }: { type: string }) =>
    type === 'listTemplates' ? [outage] : { ok: true, mutationId: 1, conversation: null },
  );
  return { thread, background: { send } as never, send, inserted };
}

const c = conversation('c1', {
  participants: [{ email: 'maria@customer.test', name: 'Maria Lopez' }],
});

describe('the incident banner’s reply', () => {
  it('fills the template into the reply, and records its use', async () => {
    const { thread, background, send, inserted } = page();
    const facts = { conversation: c, members: [ana], me: ana };
    expect(
      await insertIncidentReply(thread, background, 'support@acme.test', facts, outage.id),
    ).toBeNull();
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toContain('Hi Maria, we know about the outage.');
    expect(send).toHaveBeenLastCalledWith({
      type: 'mutate',
      name: 'template.use',
      args: { templateId: outage.id, conversationId: 'c1' },
    });
  });

  it('says so when the template is not one the agent can use, inserting nothing', async () => {
    const { thread, background, inserted } = page();
    const facts = { conversation: c, members: [], me: null };
    expect(
      await insertIncidentReply(
        thread,
        background,
        'support@acme.test',
        facts,
        '00000000-0000-4000-8000-0000000000ff',
      ),
    ).toBe('The incident’s reply is not among the templates you can use.');
    expect(thread.openReply).not.toHaveBeenCalled();
    expect(inserted).toEqual([]);
  });
});
