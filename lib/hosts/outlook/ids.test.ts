import { describe, expect, it } from 'vitest';
import { conversationIdFromPath, normaliseId, openedIdFromPath } from './ids';

const CONVERSATION = 'AAQkAGFjbWUtc3VwcG9ydAAQAE1hcmlh+TG9wZXovMTA0Mg==';

describe('Exchange ids', () => {
  it('are spelt one way whether read from the DOM, a URL or the REST form', () => {
    expect(normaliseId(CONVERSATION)).toBe(CONVERSATION);
    expect(normaliseId(encodeURIComponent(CONVERSATION))).toBe(CONVERSATION);
    expect(normaliseId('AAQkAGFjbWUtc3VwcG9ydAAQAE1hcmlh-TG9wZXovMTA0Mg==')).toBe(
      'AAQkAGFjbWUtc3VwcG9ydAAQAE1hcmlh+TG9wZXovMTA0Mg==',
    );
    expect(normaliseId('AAQkAGFj_bWU')).toBe('AAQkAGFj/bWU');
  });

  it('refuses what is not an id', () => {
    expect(normaliseId('')).toBeNull();
    expect(normaliseId(null)).toBeNull();
    expect(normaliseId('two words')).toBeNull();
    expect(normaliseId('%E0%A4%A')).toBeNull();
  });
});

describe('the opened id in Outlook’s paths', () => {
  it('is read from every form Outlook uses', () => {
    const encoded = encodeURIComponent(CONVERSATION);
    for (const path of [
      `/mail/inbox/id/${encoded}`,
      `/mail/id/${encoded}`,
      `/mail/support@acme.test/inbox/id/${encoded}`,
      `/mail/0/inbox/id/${encoded}`,
      `/mail/deeplink/readconv/${encoded}`,
    ]) {
      expect(openedIdFromPath(path)).toBe(CONVERSATION);
    }
    expect(openedIdFromPath('/mail/inbox')).toBeNull();
  });

  it('counts as the conversation only when it is a conversation id, not an item id', () => {
    expect(conversationIdFromPath(`/mail/inbox/id/${encodeURIComponent(CONVERSATION)}`)).toBe(
      CONVERSATION,
    );
    expect(
      conversationIdFromPath('/mail/id/AQMkAGFjbWUtc3VwcG9ydABGAAAD%2FMDAwMwAAAA%3D%3D'),
    ).toBeNull();
    expect(conversationIdFromPath('/mail/0/id/AQQkADAwATMwMAItOGI0')).toBe('AQQkADAwATMwMAItOGI0');
  });
});
