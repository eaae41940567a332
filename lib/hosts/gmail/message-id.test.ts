import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ThreadRef } from '../../schema';
import {
  conversationKey,
  fetchFirstMessage,
  originalMessageUrl,
  parseFirstMessage,
  rawMessageFromPage,
} from './message-id';

const page = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/gmail/raw/${name}`, import.meta.url), 'utf8');

const firstMessageOf = (name: string) => {
  const raw = rawMessageFromPage(page(name));
  if (raw === null) throw new Error(`${name} holds no raw message`);
  return parseFirstMessage(raw);
};

const anaRef: ThreadRef = { host: 'gmail', mailbox: 'ana@acme.test', threadId: '1a1e3845ce800a10' };
const benRef: ThreadRef = { host: 'gmail', mailbox: 'ben@acme.test', threadId: '1a1e3845ce800b70' };

describe('first message of a Gmail conversation', () => {
  it('gives two agents with their own Google Group copies the same conversation key', () => {
    const ana = firstMessageOf('om-order-ana-2026-11.txt');
    const ben = firstMessageOf('om-order-ben-2026-11.txt');
    expect(ana.messageId).toBe('<CAJx7Q2n-Ord1042+r5=Kp9vQmT4s@mail.customer.test>');
    expect(conversationKey(ana, anaRef)).toBe(conversationKey(ben, benRef));
    expect(conversationKey(ana, anaRef)).toBe(
      'msgid:<CAJx7Q2n-Ord1042+r5=Kp9vQmT4s@mail.customer.test>',
    );
  });

  it('reads the send time with its offset from the Date header', () => {
    expect(firstMessageOf('om-order-ana-2026-11.txt').sentAt).toBe('2026-11-16T08:41:05.000Z');
    expect(firstMessageOf('om-shipping-lookalike-headers-2026-11.txt').sentAt).toBe(
      '2026-11-12T19:45:00.000Z',
    );
  });

  it('unfolds a Message-ID that Outlook wrapped onto the next line', () => {
    expect(firstMessageOf('om-refund-folded-2026-11.txt').messageId).toBe(
      '<AM9PR04MB8412D6C3E2A1B0F9C8D7E6F5A4B3C2D1@AM9PR04MB8412.eurprd04.prod.outlook.com>',
    );
  });

  it('matches the header name in any case, and a tab-folded value', () => {
    expect(firstMessageOf('om-login-message-id-case-2026-11.txt').messageId).toBe(
      '<6F1A2B3C-4D5E-4F60-8A9B-0C1D2E3F4A5B@mail.test>',
    );
    expect(firstMessageOf('om-pricing-lowercase-tab-fold-2026-11.txt')).toEqual({
      messageId: '<20261114013000.4f7c2a9e1b3d@forms.sato-trading.test>',
      sentAt: '2026-11-14T01:30:00.000Z',
    });
  });

  it('ignores look-alike headers, quoted lines and attached messages', () => {
    expect(firstMessageOf('om-shipping-lookalike-headers-2026-11.txt').messageId).toBe(
      '<CAKp2Lw9+Canada-Ship4=xY7q@mail.northwind.test>',
    );
    expect(firstMessageOf('om-login-message-id-case-2026-11.txt').messageId).not.toContain(
      'reset-7f3a9c',
    );
  });

  it('keys a message without a Message-ID by the thread in this mailbox', () => {
    const first = firstMessageOf('om-invoice-no-message-id-2026-11.txt');
    expect(first.messageId).toBeNull();
    expect(conversationKey(first, anaRef)).toBe('thread:gmail:ana@acme.test:1a1e3845ce800a10');
  });

  it('finds no message on the page Gmail serves for an unknown id', () => {
    expect(rawMessageFromPage(page('om-not-found-2026-11.txt'))).toBeNull();
  });

  it('decodes the escaped raw text exactly once', () => {
    const raw = rawMessageFromPage(
      '<pre class="raw_message_text" id="raw_message_text">Message-ID: &lt;a&amp;lt;b@x&gt;\nSubject: &#39;hi&#x27;</pre>',
    );
    expect(raw).toBe("Message-ID: <a&lt;b@x>\nSubject: 'hi'");
  });

  it('adds the brackets a sloppy mailer left out, and rejects what is no msg-id', () => {
    expect(parseFirstMessage('Message-ID: abc@example.test\n\nbody').messageId).toBe(
      '<abc@example.test>',
    );
    expect(parseFirstMessage('Message-ID: not an id\n\nbody').messageId).toBeNull();
    expect(parseFirstMessage(`Message-ID: <${'x'.repeat(991)}@y>\n\nbody`).messageId).toBeNull();
  });
});

describe('Show original request', () => {
  it('asks for the message by its decimal id under the signed-in account', () => {
    expect(
      originalMessageUrl(
        { origin: 'https://mail.google.com', pathname: '/mail/u/1/' },
        'ik-1',
        '19fdd64a3270230c',
      ),
    ).toBe('https://mail.google.com/mail/u/1/?ik=ik-1&view=om&permmsgid=msg-f:1872888634218128140');
  });

  it('stays inside a delegated mailbox', () => {
    expect(
      originalMessageUrl(
        { origin: 'https://mail.google.com', pathname: '/mail/b/AIe9vb/u/0/' },
        'ik',
        '1a1e3845ce800a10',
      ),
    ).toMatch(/^https:\/\/mail\.google\.com\/mail\/b\/AIe9vb\/u\/0\/\?ik=ik&view=om/);
  });

  it('refuses an id that is not Gmail hex', () => {
    expect(() => originalMessageUrl({ origin: '', pathname: '/' }, 'ik', '#msg-f:1')).toThrow();
  });

  it('throws on a failed request instead of splitting the conversation off', async () => {
    const failing = async () => new Response('busy', { status: 503 });
    await expect(
      fetchFirstMessage('https://mail.google.com/x', new AbortController().signal, failing),
    ).rejects.toThrow('503');
  });

  it('throws on a page that is neither the message nor Gmail’s not-found page', async () => {
    for (const body of ['<html><body>Sign in to continue</body></html>', 'garbage']) {
      const odd = async () => new Response(body);
      await expect(
        fetchFirstMessage('https://mail.google.com/x', new AbortController().signal, odd),
      ).rejects.toThrow('without the message');
    }
  });

  it('answers null when Gmail has no such message', async () => {
    const notFound = async () => new Response(page('om-not-found-2026-11.txt'));
    await expect(
      fetchFirstMessage('https://mail.google.com/x', new AbortController().signal, notFound),
    ).resolves.toBeNull();
  });
});
