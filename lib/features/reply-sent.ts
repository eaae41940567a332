import type { MailHost, SentReply } from '../hosts/types';
import type { Background } from './background';
import type { Feature } from './index';
import type { PageData } from './page-data';

/**
 * Records an agent's reply sent from this page (`conversation.reply`): the API then stops
 * the SLA's response clocks. A thread Sidedesk has not recorded, or a new message, is left
 * alone. Only the time goes out, never the message.
 */
async function recordReply(
  host: MailHost,
  background: Background,
  page: PageData,
  { threadId, at }: SentReply,
) {
  if (!threadId) return;
  const conversation = await page.lookup({ host: host.host, mailbox: host.mailbox, threadId });
  if (!conversation) return;
  const result = await background.send({
    type: 'mutate',
    name: 'conversation.reply',
    args: { conversationId: conversation.id, at },
  });
  if (!result.ok) throw new Error(`the reply was not recorded: ${result.message}`);
}

export const replySent: Feature = {
  name: 'reply-sent',
  init({ host, background, page, signal, report }) {
    host.onComposeOpened((compose) => {
      compose.onSent((sent) => void recordReply(host, background, page, sent).catch(report));
    }, signal);
  },
};
