import type { FirstMessage } from '../types';
import { fetchFirstMessage, originalMessageUrl } from './message-id';
import { IK_ATTRIBUTE } from './selectors';

/** The headers of a message by its legacy (hex) id, from the page's "Show original". */
export async function readFirstMessage(
  legacyMessageId: string,
  signal: AbortSignal,
): Promise<FirstMessage | null> {
  const ik = document.head.getAttribute(IK_ATTRIBUTE);
  if (!ik) throw new Error('Gmail request key (ik) not on the page');
  return fetchFirstMessage(originalMessageUrl(location, ik, legacyMessageId), signal);
}
