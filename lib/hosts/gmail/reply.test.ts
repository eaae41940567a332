// @vitest-environment happy-dom
import type { ComposeView, ThreadView } from '@inboxsdk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SafeHtml } from '../types';
import { replyDrafts } from './reply';

/** A thread whose newest message holds a reply area, with Gmail's Reply button under it. */
function threadPage() {
  document.body.innerHTML = `<div role="main"><div class="adn" id="m1"></div><div class="adn" id="m2"><div class="ip"></div><span class="ams bkH" role="button">Reply</span></div></div>`;
  const message = (id: string) => ({ getElement: () => document.getElementById(id) });
  return {
    getMessageViewsAll: () => [message('m1'), message('m2')],
  } as unknown as ThreadView;
}

/** An InboxSDK ComposeView as far as the copilot uses it. */
function composeIn(parent: Element, kind: { reply: boolean; threadId?: string }) {
  const element = document.createElement('div');
  const body = document.createElement('div');
  body.contentEditable = 'true';
  element.append(body);
  parent.append(element);
  const inserted: string[] = [];
  const view = {
    isReply: () => kind.reply,
    isForward: () => false,
    getThreadID: () => kind.threadId ?? '',
    getElement: () => element,
    getBodyElement: () => body,
    insertHTMLIntoBodyAtCursor: (html: string) => inserted.push(html),
    on: () => {},
    once: () => {},
    destroyed: false,
  } as unknown as ComposeView;
  return { view, inserted };
}

afterEach(() => vi.useRealTimers());

describe('a reply draft on a Gmail thread', () => {
  it('reuses the reply already open on the thread, without pressing Reply', async () => {
    const thread = threadPage();
    let handler: (view: ComposeView) => void = () => {};
    const open = replyDrafts((h) => {
      handler = h;
      return () => {};
    });
    const reply = composeIn(document.querySelector('.ip') as Element, { reply: true });
    handler(reply.view);
    const clicks = vi.fn();
    document.querySelector('.ams')?.addEventListener('click', clicks);
    const draft = await open(thread, 't1', new AbortController().signal);
    draft.insertHtml('<p>Hi</p>' as SafeHtml);
    expect(reply.inserted).toEqual(['<p>Hi</p>']);
    expect(clicks).not.toHaveBeenCalled();
  });

  it('presses Reply and takes the inline reply that appears in the thread', async () => {
    const thread = threadPage();
    let handler: (view: ComposeView) => void = () => {};
    const open = replyDrafts((h) => {
      handler = h;
      return () => {};
    });
    // A new message elsewhere is not the thread's reply.
    handler(composeIn(document.body, { reply: false }).view);
    const events: string[] = [];
    const button = document.querySelector('.ams') as HTMLElement;
    for (const type of ['mousedown', 'mouseup', 'click']) {
      button.addEventListener(type, () => {
        events.push(type);
        if (type === 'click') handler(reply.view);
      });
    }
    const reply = composeIn(document.querySelector('.ip') as Element, { reply: true });
    const draft = await open(thread, 't1', new AbortController().signal);
    expect(events).toEqual(['mousedown', 'mouseup', 'click']);
    draft.insertHtml('<p>Draft</p>' as SafeHtml);
    expect(reply.inserted).toEqual(['<p>Draft</p>']);
  });

  it('gives up when Gmail opens no reply, or the thread has no Reply button', async () => {
    vi.useFakeTimers();
    const thread = threadPage();
    const open = replyDrafts(() => () => {});
    const waiting = open(thread, 't1', new AbortController().signal);
    const failed = expect(waiting).rejects.toThrow('Gmail did not open a reply in time');
    await vi.advanceTimersByTimeAsync(10_000);
    await failed;
    document.querySelector('.ams')?.remove();
    await expect(open(thread, 't1', new AbortController().signal)).rejects.toThrow(
      'no Reply button',
    );
  });
});
