import { describe, expect, it } from 'vitest';
import { themeOf } from './theme';

const body = (...classes: string[]) => ({ contains: (name: string) => classes.includes(name) });

describe('Gmail theme', () => {
  it('is light until InboxSDK marks the page dark', () => {
    expect(themeOf(body('aAU'))).toEqual({ frame: 'light', content: 'light' });
  });

  it('tells a dark frame around light mail apart from an all-dark page', () => {
    expect(themeOf(body('inboxsdk__gmail_dark_theme'))).toEqual({
      frame: 'dark',
      content: 'light',
    });
    expect(themeOf(body('inboxsdk__gmail_dark_theme', 'inboxsdk__gmail_dark_body_theme'))).toEqual({
      frame: 'dark',
      content: 'dark',
    });
  });
});
