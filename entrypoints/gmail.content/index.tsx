import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadGmailHost } from '../../lib/hosts/gmail/adapter';
import { startMailPage } from '../../lib/mail-page';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_end',
  main: (ctx) =>
    startMailPage(
      { host: 'gmail', load: (onError) => loadGmailHost(onError), loadSource: 'inboxsdk' },
      ctx.signal,
    ),
});
