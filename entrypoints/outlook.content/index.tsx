import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadOutlookHost } from '../../lib/hosts/outlook/adapter';
import { startMailPage } from '../../lib/mail-page';

export default defineContentScript({
  // The hosts of Outlook on the web; the adapter then checks it is the React mail client.
  matches: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_end',
  main: (ctx) =>
    startMailPage(
      {
        host: 'outlook',
        load: (onError, signal) => loadOutlookHost(onError, { signal }),
        loadSource: 'page',
      },
      ctx.signal,
    ),
});
