import type { OpenedThread } from '../hosts/types';
import {
  RATING_VARIANTS,
  type RatingLinks,
  type RatingVariant,
  ratingLinkHtml,
} from '../templates/rating-link';
import { sanitizeTemplateHtml } from '../templates/sanitize';
import type { Background } from './background';
import { errorMessage } from './index';

/** Why a rating link could not be had: said to the agent, and nothing is inserted. */
export class RatingLinkUnavailable extends Error {
  override name = 'RatingLinkUnavailable';
}

/** A fresh link per rating variable from the API (through the worker): one per reply. */
export async function fetchRatingLinks(
  background: Pick<Background, 'send'>,
  conversationId: string | null,
  variants: readonly RatingVariant[],
): Promise<RatingLinks> {
  if (variants.length === 0) return {};
  if (!conversationId)
    throw new RatingLinkUnavailable(
      'A rating link goes in a reply to a conversation Sidedesk tracks, and this draft is not one: nothing was inserted.',
    );
  try {
    const links = await Promise.all(
      variants.map(async (variant) => {
        const survey = { conversationId, ...RATING_VARIANTS[variant] };
        return [variant, await background.send({ type: 'createSurveyLink', survey })] as const;
      }),
    );
    return Object.fromEntries(links);
  } catch (error) {
    throw new RatingLinkUnavailable(
      `A rating link needs the Sidedesk server, which did not give one (${errorMessage(error)}): nothing was inserted.`,
    );
  }
}

/** The sidebar's "Add rating link": asks 👍 / 👎 in the thread's reply, opening one if needed. */
export async function insertRatingLink(
  thread: Pick<OpenedThread, 'openReply'>,
  background: Pick<Background, 'send'>,
  conversationId: string,
): Promise<string | null> {
  try {
    const { thumbs } = await fetchRatingLinks(background, conversationId, ['thumbs']);
    const reply = await thread.openReply();
    reply.focusBody();
    reply.insertHtml(sanitizeTemplateHtml(ratingLinkHtml(thumbs!)));
    return null;
  } catch (error) {
    return error instanceof RatingLinkUnavailable
      ? error.message
      : `The rating link was not inserted: ${errorMessage(error)}`;
  }
}
