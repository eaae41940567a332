// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { describe, expect, it } from 'vitest';
import type { ThreadRef } from '../../schema';
import { CONVERSATIONS, SHARED_MAILBOX } from '../../testing/outlook-fixtures';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import { openReply } from './reply';
import { readThreadText } from './thread-text';

const order: ThreadRef = {
  host: 'outlook',
  mailbox: SHARED_MAILBOX,
  threadId: CONVERSATIONS.order,
};
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe('the text of the open Outlook conversation', () => {
  it('reads expanded bodies; the collapsed first message has its sender and date only', () => {
    loadOutlookPage('reading-right-2026-11.html');
    expect(readThreadText(document, order, 'en')).toEqual({
      subject: 'Order #1042 arrived damaged',
      messages: [
        { from: 'Maria Lopez', sentAt: local(2026, 11, 16, 8, 41), text: '' },
        {
          from: 'Acme Support',
          sentAt: local(2026, 11, 16, 10, 15),
          text: 'Hi Maria, sorry about that! Could you tell me whether the outer box was damaged too?\n\nAna, Acme Support',
        },
        {
          from: 'Maria Lopez <maria.lopez@customer.test>',
          sentAt: local(2026, 11, 17, 14, 2),
          text: 'Yes, the outer box had a dent on one corner. Photos of the box attached.',
        },
      ],
    });
  });

  it('leaves out the quoted message under a received body', () => {
    loadOutlookPage('reading-right-2026-11.html');
    document
      .getElementById('UniqueMessageBody_3')
      ?.querySelector('div div')
      ?.insertAdjacentHTML(
        'beforeend',
        '<hr><div id="x_divRplyFwdMsg"><b>From:</b> Acme Support<br><b>Sent:</b> Monday</div><div>Hi Maria, sorry about that!</div>',
      );
    expect(readThreadText(document, order, 'en').messages[2]?.text).toBe(
      'Yes, the outer box had a dent on one corner. Photos of the box attached.',
    );
  });

  it('refuses a pane that moved on to another conversation', () => {
    loadOutlookPage('reading-right-2026-11.html');
    expect(() =>
      readThreadText(document, { ...order, threadId: CONVERSATIONS.refund }, 'en'),
    ).toThrow(/another conversation/);
  });
});

describe('a reply draft in Outlook', () => {
  it('opens the inline reply with the newest message’s Reply and inserts into it, unsent', async () => {
    loadOutlookPage('reading-right-2026-11.html');
    await settle();
    const draft = await openReply(document, new AbortController().signal);
    draft.insertHtml('<p>Hello from the copilot</p>' as never);
    const body = document.querySelector('[role="textbox"][aria-multiline="true"]');
    expect(body?.textContent).toContain('Hello from the copilot');
    // The quoted message stays under the insert; nothing was sent.
    expect(body?.innerHTML.indexOf('Hello from the copilot')).toBeLessThan(
      body?.innerHTML.indexOf('divRplyFwdMsg') ?? 0,
    );
    expect(document.querySelector('[data-testid="ComposeSendButton"]')).not.toBeNull();
  });

  it('reuses the reply already open', async () => {
    loadOutlookPage('compose-2026-11.html');
    await settle();
    const before = document.querySelectorAll('[role="textbox"][aria-multiline="true"]').length;
    const draft = await openReply(document, new AbortController().signal);
    expect(document.querySelectorAll('[role="textbox"][aria-multiline="true"]')).toHaveLength(
      before,
    );
    expect(
      draft.element.contains(document.querySelector('[role="textbox"][aria-multiline="true"]')),
    ).toBe(true);
  });
});
