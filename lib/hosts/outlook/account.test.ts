// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { describe, expect, it } from 'vitest';
import { loadOutlookPage } from '../../testing/outlook-page';
import { mailboxFromPath, pageMailbox, primaryAccount } from './account';

describe('the mailbox an Outlook page shows', () => {
  it('is the shared mailbox its path names, encoded or not', () => {
    expect(mailboxFromPath('/mail/support@acme.test/inbox')).toBe('support@acme.test');
    expect(mailboxFromPath('/mail/Support%40Acme.test/id/AAQk')).toBe('support@acme.test');
    expect(mailboxFromPath('/mail/0/support@acme.test/')).toBe('support@acme.test');
    for (const path of [
      '/mail/',
      '/mail/inbox',
      '/mail/0/inbox',
      '/mail/deeplink/compose',
      '/calendar/',
    ])
      expect(mailboxFromPath(path)).toBeNull();
  });

  it('is the shared mailbox even where the flyout shows the agent’s own address', () => {
    loadOutlookPage('compose-2026-11.html');
    expect(primaryAccount(document)).toBe('ana@acme.test');
    expect(pageMailbox(location, document)).toBe('support@acme.test');
  });

  it('is the signed-in account on the agent’s own mailbox, where the page shows it', () => {
    loadOutlookPage('compose-2026-11.html', { path: '/mail/inbox' });
    expect(pageMailbox(location, document)).toBe('ana@acme.test');
    document.getElementById('mectrl_main_body')?.remove();
    document.title = 'Mail - ana@acme.test - Outlook';
    expect(pageMailbox(location, document)).toBe('ana@acme.test');
    document.title = 'Mail - Ana Silva - Outlook';
    const link = document.createElement('a');
    link.href = 'https://myaccount.microsoft.com/?login_hint=ana%40acme.test';
    document.body.append(link);
    expect(pageMailbox(location, document)).toBe('ana@acme.test');
  });

  it('is unknown rather than guessed when no address is shown', () => {
    loadOutlookPage('list-de-2026-11.html', { path: '/mail/inbox' });
    expect(document.querySelector('#mectrl_main_trigger')?.getAttribute('aria-label')).toBe(
      'Ben Weber',
    );
    expect(pageMailbox(location, document)).toBeNull();
  });
});
