// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildThreadText, type MessageText } from './thread-text';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../tests/fixtures/gmail',
);
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

/** The thread page's messages as InboxSDK's MessageViews give them (sender, date title, body). */
function threadPage(file = 'thread-2026-11.html') {
  const html = readFileSync(path.join(FIXTURES, file), 'utf8');
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  const messages = [...document.querySelectorAll('.adn.ads')].map(
    (m): MessageText => ({
      sender: {
        emailAddress: m.querySelector('.gD')?.getAttribute('email') ?? '',
        name: m.querySelector('.gD')?.getAttribute('name'),
      },
      date: m.querySelector('.g3')?.getAttribute('title') ?? '',
      body: m.querySelector('.a3s'),
    }),
  );
  const subject = document.querySelector('h2.hP')?.textContent ?? '';
  return { subject, messages };
}

describe('the text of an open Gmail thread', () => {
  it('reads every expanded message of the fixture thread, oldest first', () => {
    const { subject, messages } = threadPage();
    expect(buildThreadText(subject, messages)).toEqual({
      subject: 'Order #1042 arrived damaged',
      messages: [
        {
          from: 'Maria Lopez <maria.lopez@customer.test>',
          sentAt: local(2026, 11, 16, 8, 41),
          text: 'Hello, my order #1042 arrived today and the lamp base is cracked. Photos attached. Can you send a replacement?',
        },
        {
          from: 'Ana Silva <ana@acme.test>',
          sentAt: local(2026, 11, 16, 10, 15),
          text: 'Hi Maria, sorry about that! Could you tell me whether the outer box was damaged too?',
        },
        {
          from: 'Maria Lopez <maria.lopez@customer.test>',
          sentAt: local(2026, 11, 17, 14, 2),
          text: 'Yes, the outer box had a dent on one corner. Photos of the box attached.',
        },
      ],
    });
  });

  it('leaves out quoted history', () => {
    const { subject, messages } = threadPage();
    const last = messages[2]?.body;
    last?.insertAdjacentHTML(
      'beforeend',
      '<div class="gmail_quote"><div class="gmail_attr">On Mon, Nov 16, 2026 Ana Silva wrote:</div><blockquote>Could you tell me whether the outer box was damaged too?</blockquote></div>',
    );
    expect(buildThreadText(subject, messages).messages[2]?.text).toBe(
      'Yes, the outer box had a dent on one corner. Photos of the box attached.',
    );
  });

  it('gives a collapsed message its sender and no text, and needs at least one message', () => {
    const { subject, messages } = threadPage();
    const collapsed: MessageText = { sender: messages[0]?.sender ?? null, date: '', body: null };
    const text = buildThreadText(subject, [collapsed, ...messages.slice(1)]);
    expect(text.messages[0]).toEqual({
      from: 'Maria Lopez <maria.lopez@customer.test>',
      sentAt: null,
      text: '',
    });
    expect(() => buildThreadText(subject, [])).toThrow(/no message/);
  });
});
