import type { MailHost, OpenedCompose } from '../hosts/types';
import type { Conversation, Member } from '../schema';
import type { Background } from './background';
import { collisionWarning } from './collision';
import type { Feature } from './index';
import type { PageData } from './page-data';

/**
 * While a reply draft of a recorded conversation is open, this page is replying to it. When
 * Send is pressed while the reply collides with someone else's (they are replying, or the
 * team replied since the draft opened), that first send is held, so the sidebar's warning
 * is read; the next one goes.
 */
async function watchReply(
  host: MailHost,
  background: Background,
  page: PageData,
  compose: OpenedCompose,
) {
  const threadId = await compose.threadId();
  if (!threadId || compose.signal.aborted) return;
  const ref = { host: host.host, mailbox: host.mailbox, threadId };
  const [opened, members, state] = await Promise.all([
    page.lookup(ref),
    page.lists.members(),
    background.send({ type: 'getState' }),
  ]);
  if (!opened || compose.signal.aborted) return;
  const reply = page.presence.openReply(opened.id, opened.lastMessageAt);
  // Send is decided synchronously: the conversation and members are kept current meanwhile.
  let conversation: Conversation = opened;
  let team: Member[] = members;
  const unsubscribe = page.lists.subscribe((notice) => {
    const all = notice.tables.includes('conversations');
    if (all || notice.conversationIds.includes(opened.id)) {
      void page.lookup(ref).then((c) => {
        if (c) conversation = c;
      });
    }
    if (notice.tables.includes('members')) {
      void page.lists.members().then((m) => {
        team = m;
      });
    }
  });
  compose.signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      reply.release();
    },
    { once: true },
  );
  compose.onPresending?.((send) => {
    if (reply.reply.held) return;
    const warning = collisionWarning({
      reply: reply.reply,
      others: page.presence.others(opened.id),
      conversation,
      members: team,
      me: state.member,
      mailbox: host.mailbox,
    });
    if (!warning) return;
    send.cancel();
    reply.hold();
  });
}

export const replyPresence: Feature = {
  name: 'reply-presence',
  init({ host, background, page, signal, report }) {
    host.onComposeOpened((compose) => {
      watchReply(host, background, page, compose).catch(report);
    }, signal);
  },
};
