import type { OpenedThread } from '../hosts/types';
import type { Conversation, Member } from '../schema';
import { fillRatingLinks, ratingVariantsIn } from '../templates/rating-link';
import { sanitizeTemplateHtml } from '../templates/sanitize';
import { variableSource } from '../templates/source';
import { fillVariables } from '../templates/variables';
import type { Background } from './background';
import { errorMessage } from './index';
import { fetchRatingLinks, RatingLinkUnavailable } from './rating-link';

type Facts = { conversation: Conversation; members: readonly Member[]; me: Member | null };

/**
 * The incident banner's "Insert reply": the template goes into the thread's reply as the
 * compose picker puts it (variables filled, sanitised, its use recorded).
 */
export async function insertIncidentReply(
  thread: Pick<OpenedThread, 'openReply'>,
  background: Pick<Background, 'send'>,
  mailbox: string,
  facts: Facts,
  templateId: string,
): Promise<string | null> {
  try {
    const template = (await background.send({ type: 'listTemplates' })).find(
      (t) => t.id === templateId,
    );
    if (!template) return 'The incident’s reply is not among the templates you can use.';
    const source = variableSource({ ...facts, mailbox, recipients: [] });
    const links = await fetchRatingLinks(
      background,
      facts.conversation.id,
      ratingVariantsIn(template.body),
    );
    const html = fillRatingLinks(fillVariables(template.body, source), links);
    const reply = await thread.openReply();
    reply.focusBody();
    reply.insertHtml(sanitizeTemplateHtml(html));
    const args = { templateId, conversationId: facts.conversation.id };
    await background.send({ type: 'mutate', name: 'template.use', args });
    return null;
  } catch (error) {
    return error instanceof RatingLinkUnavailable
      ? error.message
      : `The incident’s reply was not inserted: ${errorMessage(error)}`;
  }
}
