// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONVERSATIONS } from '../../testing/outlook-fixtures';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import type { OpenedCompose, SafeHtml, SentReply } from '../types';
import { pageMailbox } from './account';
import { watchComposes } from './compose';

let stop = new AbortController();
afterEach(() => stop.abort());

function watch() {
  stop = new AbortController();
  const drafts: OpenedCompose[] = [];
  watchComposes(
    { doc: document, mailbox: () => pageMailbox(location, document), lang: () => 'en' },
    (compose) => drafts.push(compose),
    stop.signal,
  );
  return drafts;
}

const body = () => document.querySelector<HTMLElement>('[role="textbox"][aria-multiline="true"]');
const html = (text: string) => text as SafeHtml;
const button = { title: 'Insert a template (Alt+Shift+R)', iconUrl: 'data:,', onClick: () => {} };

describe('an Outlook draft', () => {
  it('is a reply in its conversation, to the addresses its To chips show', async () => {
    loadOutlookPage('compose-2026-11.html');
    const [draft] = watch();
    expect(draft?.element.id).toBe('docking_InitVisiblePart_0');
    expect(await draft?.threadId()).toBe(CONVERSATIONS.order);
    // "Acme Support" shows a name only (the mailbox's own address): left out.
    expect(draft?.recipients()).toEqual([
      { email: 'maria.lopez@customer.test', name: 'Maria Lopez' },
    ]);
  });

  it('takes HTML on its first line, above the signature and the quote, in place of the blank line', () => {
    loadOutlookPage('compose-2026-11.html');
    const [draft] = watch();
    const inputs: string[] = [];
    body()?.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    draft?.insertHtml(html('<p>Hi <b>Maria</b>,</p>'));
    const lines = [...(body()?.children ?? [])];
    expect(lines[0]?.innerHTML).toBe('<p>Hi <b>Maria</b>,</p>');
    expect(lines[1]?.id).toBe('Signature');
    expect(body()?.querySelector('#divRplyFwdMsg')).not.toBeNull();
    expect(inputs).toEqual(['insertFromPaste']);
  });

  it('takes HTML where the caret was, even after focus went to our picker', async () => {
    loadOutlookPage('compose-2026-11.html');
    const [draft] = watch();
    const line = body()?.firstElementChild;
    if (!line) throw new Error('no first line');
    line.replaceChildren(document.createTextNode('Before. After.'));
    const caret = document.createRange();
    caret.setStart(line.firstChild as Text, 'Before. '.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(caret);
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    document.getSelection()?.removeAllRanges();
    draft?.focusBody();
    draft?.insertHtml(html('<b>X</b> '));
    expect(line.innerHTML).toBe('Before. <b>X</b> After.');
  });

  it('keeps our toolbar button beside Send, even when Outlook re-renders the bar', async () => {
    loadOutlookPage('compose-2026-11.html', { script: false });
    const [draft] = watch();
    draft?.addToolbarButton(button);
    const send = document.querySelector('[data-testid="ComposeSendButton"]');
    const ours = () => document.querySelector('[data-sidedesk-toolbar]');
    expect(send?.nextElementSibling).toBe(ours());
    expect(ours()?.shadowRoot?.querySelector('button')?.getAttribute('aria-label')).toBe(
      button.title,
    );
    ours()?.remove();
    await settle();
    expect(send?.nextElementSibling).toBe(ours());
  });

  it('opens from a Reply in the reading pane and ends when discarded', async () => {
    loadOutlookPage('list-2026-11.html');
    const drafts = watch();
    document.querySelector<HTMLElement>(`[data-convid="${CONVERSATIONS.order}"]`)?.click();
    await settle();
    document.querySelector<HTMLElement>('[data-fixture-action="reply"]')?.click();
    await settle();
    expect(drafts).toHaveLength(1);
    expect(document.activeElement).toBe(body());
    expect(await drafts[0]?.threadId()).toBe(CONVERSATIONS.order);
    document.querySelector<HTMLElement>('[data-fixture-action="discard"]')?.click();
    await settle();
    expect(drafts[0]?.signal.aborted).toBe(true);
  });
});

describe('an Outlook draft sent', () => {
  const sendButton = () => document.querySelector<HTMLElement>('[data-fixture-action="send"]');
  function watchSent() {
    const [draft] = watch();
    const sent: SentReply[] = [];
    draft?.onSent((s) => sent.push(s));
    return { draft, sent };
  }

  it('tells of a reply sent with its button, with its conversation, before the draft ends', async () => {
    loadOutlookPage('compose-2026-11.html');
    const { draft, sent } = watchSent();
    const before = Date.now();
    sendButton()?.click();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.threadId).toBe(CONVERSATIONS.order);
    expect(Date.parse(sent[0]?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(draft?.signal.aborted).toBe(true);
  });

  it('tells of a reply sent with Ctrl+Enter from its body', async () => {
    loadOutlookPage('compose-2026-11.html');
    const { sent } = watchSent();
    body()?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.threadId).toBe(CONVERSATIONS.order);
  });

  it('says nothing of a draft discarded', async () => {
    loadOutlookPage('compose-2026-11.html');
    const { draft, sent } = watchSent();
    document.querySelector<HTMLElement>('[data-fixture-action="discard"]')?.click();
    await settle();
    expect(draft?.signal.aborted).toBe(true);
    await settle();
    expect(sent).toEqual([]);
  });

  it('says nothing when Send left the draft in place, nor when it only re-rendered', async () => {
    // No app script: Send does nothing, as when Outlook refuses to send (no recipient).
    loadOutlookPage('compose-2026-11.html', { script: false });
    const { sent } = watchSent();
    sendButton()?.click();
    await settle();
    const form = document.getElementById('docking_InitVisiblePart_0');
    form?.replaceWith(form.cloneNode(true));
    await settle();
    await settle();
    expect(sent).toEqual([]);
  });

  it('says nothing of a draft closed long after a Send that did not go through', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      loadOutlookPage('compose-2026-11.html', { script: false });
      const { draft, sent } = watchSent();
      sendButton()?.click();
      vi.advanceTimersByTime(20_000);
      document.getElementById('docking_InitVisiblePart_0')?.remove();
      await vi.waitFor(() => expect(draft?.signal.aborted).toBe(true));
      await settle();
      expect(sent).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
