import type { CopilotPorts } from '../../components/sidebar/copilot-types';
import type { Outcome } from '../../components/sidebar/types';
import { askCopilot } from '../copilot/client';
import type { OpenedThread } from '../hosts/types';
import { sanitizeTemplateHtml } from '../templates/sanitize';
import { draftHtml } from './copilot-draft';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The copilot section's ways out of the sidebar: the page's thread (read only when
 * asked), the worker's copilot port, a reply draft on the thread, and `copilot.record`
 * through the same `mutate` as every other sidebar action.
 */
export function copilotPorts(
  thread: OpenedThread,
  mutate: (name: 'copilot.record', args: unknown) => Outcome,
): CopilotPorts {
  const { host, mailbox, threadId } = thread.ref;
  return {
    threadKey: `${host}:${mailbox}:${threadId}`,
    readText: () => thread.readText(),
    ask: askCopilot,
    async insert(text) {
      try {
        const reply = await thread.openReply();
        reply.focusBody();
        reply.insertHtml(sanitizeTemplateHtml(draftHtml(text)));
        return null;
      } catch (error) {
        return `The draft was not inserted (your text is kept): ${errorMessage(error)}`;
      }
    },
    record: (args) => mutate('copilot.record', args),
  };
}
