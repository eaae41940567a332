import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from './messaging';

const page = { extensionPage: true };
const explain = (e: unknown) => ({ code: 'failed', message: (e as Error).message });

const partial: Partial<Handlers> = {
  listTags: async () => [],
  listConversations: async ({ queue }) => {
    if (queue === 'mine') throw new Error('not signed in');
    return [];
  },
};
/** A handler that breaks the contract, as a bug might. */
const broken = { getConversation: async () => ({ not: 'a conversation' }) };
const handlers = { ...partial, ...broken } as unknown as Handlers;

describe('dispatch', () => {
  it('answers a valid request with its data', async () => {
    expect(await dispatch(handlers, { type: 'listTags' }, page, explain)).toEqual({
      ok: true,
      data: [],
    });
  });

  it('applies request defaults before the handler sees it', async () => {
    const reply = await dispatch(
      handlers,
      { type: 'listConversations', queue: 'tag:vip' },
      page,
      explain,
    );
    expect(reply).toEqual({ ok: true, data: [] });
  });

  it.each([
    [null, 'bad_request'],
    ['getState', 'bad_request'],
    [{ type: 'nope' }, 'bad_request'],
    [{ type: 'listConversations', queue: 'everything' }, 'bad_request'],
    [
      { type: 'signIn', serverUrl: 'not a url', with: { method: 'dev', email: 'a@b.co' } },
      'bad_request',
    ],
  ])('refuses %j with a clear error', async (raw, code) => {
    const reply = await dispatch(handlers, raw, page, explain);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(0);
  });

  it('turns a handler failure into an error reply', async () => {
    const reply = await dispatch(
      handlers,
      { type: 'listConversations', queue: 'mine' },
      page,
      explain,
    );
    expect(reply).toEqual({ ok: false, error: { code: 'failed', message: 'not signed in' } });
  });

  it('never lets an answer out that breaks the contract', async () => {
    const reply = await dispatch(
      handlers,
      { type: 'getConversation', by: { id: 'c1' } },
      page,
      explain,
    );
    expect(reply.ok).toBe(false);
  });

  it('keeps sign-in and sign-out away from mail pages', async () => {
    const mailPage = { extensionPage: false };
    const reply = await dispatch(handlers, { type: 'signOut' }, mailPage, explain);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(handlers, { type: 'listTags' }, mailPage, explain)).toMatchObject({
      ok: true,
    });
  });
});
