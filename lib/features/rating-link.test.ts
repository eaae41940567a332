// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ReplyDraft, SafeHtml } from '../hosts/types';
import { MessageFailed } from '../messaging';
import type { SurveyLink } from '../schema/survey';
import { fetchRatingLinks, insertRatingLink, RatingLinkUnavailable } from './rating-link';

const URL = 'https://desk.acme.test/s/abc.def';
const LINK: SurveyLink = {
  id: '00000000-0000-4000-8000-0000000000c1',
  kind: 'csat',
  scale: 'thumbs',
  url: URL,
};

function page(answer: () => Promise<unknown>) {
  const inserted: SafeHtml[] = [];
  const draft: ReplyDraft = {
    element: document.createElement('div'),
    insertHtml: (html) => inserted.push(html),
    focusBody: () => {},
    signal: new AbortController().signal,
  };
  const thread = { openReply: vi.fn(async () => draft) };
  const send = vi.fn(answer);
  return { thread, background: { send } as never, send, inserted };
}

describe('the sidebar’s rating link', () => {
  it('asks the API for a fresh link, then puts 👍 / 👎 links into the reply', async () => {
    const { thread, background, send, inserted } = page(async () => LINK);
    expect(await insertRatingLink(thread, background, 'c1')).toBeNull();
    expect(send).toHaveBeenCalledWith({
      type: 'createSurveyLink',
      survey: { conversationId: 'c1', kind: 'csat', scale: 'thumbs' },
    });
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toContain(
      `How did we do? <a href="${URL}?score=1">👍</a> / <a href="${URL}?score=0">👎</a>`,
    );
  });

  it('offline, says a rating link needs the server and inserts nothing', async () => {
    const { thread, background, inserted } = page(async () => {
      throw new MessageFailed('network', 'cannot reach http://127.0.0.1:8787');
    });
    expect(await insertRatingLink(thread, background, 'c1')).toBe(
      'A rating link needs the Sidedesk server, which did not give one (cannot reach http://127.0.0.1:8787): nothing was inserted.',
    );
    expect(thread.openReply).not.toHaveBeenCalled();
    expect(inserted).toEqual([]);
  });
});

describe('rating links for a template', () => {
  it('asks for one link per variable used, none when there is none', async () => {
    const { background, send } = page(async () => LINK);
    expect(await fetchRatingLinks(background, 'c1', [])).toEqual({});
    expect(send).not.toHaveBeenCalled();
    expect(await fetchRatingLinks(background, 'c1', ['thumbs', 'nps'])).toEqual({
      thumbs: LINK,
      nps: LINK,
    });
    expect(send).toHaveBeenCalledWith({
      type: 'createSurveyLink',
      survey: { conversationId: 'c1', kind: 'nps' },
    });
  });

  it('a new message (no conversation) cannot have one', async () => {
    const { background } = page(async () => LINK);
    await expect(fetchRatingLinks(background, null, ['five'])).rejects.toThrow(
      RatingLinkUnavailable,
    );
  });
});
