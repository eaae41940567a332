import type { MailHost } from '../hosts/types';
import type { TabReply, TabRequest } from '../schema/tab-messages';
import { answerTabRequests } from '../tab-messaging';
import type { Feature } from './index';

/** Opens what the background asks for (a click on an SLA warning), if this page has it. */
export async function openRequested(host: MailHost, request: TabRequest): Promise<TabReply> {
  if (request.type === 'sidedesk:openQueue') {
    await host.openQueue(request.queue);
    return { opened: true };
  }
  const mailbox = host.mailbox.toLowerCase();
  const ref = request.refs.find((r) => r.host === host.host && r.mailbox.toLowerCase() === mailbox);
  if (!ref) return { opened: false };
  await host.openThread(ref.threadId);
  return { opened: true };
}

export const openRequests: Feature = {
  name: 'open-requests',
  init({ host, signal }) {
    answerTabRequests((request) => openRequested(host, request), signal);
  },
};
