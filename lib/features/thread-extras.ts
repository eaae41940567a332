import type { Conversation, Event, Note } from '../schema';
import type { Background } from './background';
import { errorMessage } from './index';

/** What the sidebar shows below the conversation's state; a string says why it is missing. */
export interface ThreadExtras {
  notes: Note[] | string | null;
  events: Event[] | string | null;
  history: Conversation[] | string | null;
}

export const NO_EXTRAS: ThreadExtras = { notes: null, events: null, history: null };

const HISTORY_LIMIT = 10;

const settled = <T>(result: PromiseSettledResult<T>, why: (e: unknown) => string) =>
  result.status === 'fulfilled' ? result.value : why(result.reason);

/**
 * Notes (pending ones included) and the customer's other conversations come from the
 * cache; the activity log from the API, so it fails alone when the server is out of reach.
 */
export async function loadExtras(
  background: Pick<Background, 'send'>,
  conversation: Conversation,
  customerEmail: string | null,
): Promise<ThreadExtras> {
  const { send } = background;
  const conversationId = conversation.id;
  const [notes, events, history] = await Promise.allSettled([
    send({ type: 'listNotes', conversationId }),
    send({ type: 'listEvents', conversationId }),
    customerEmail
      ? send({
          type: 'listCustomerConversations',
          email: customerEmail,
          excludeId: conversationId,
          limit: HISTORY_LIMIT,
        })
      : Promise.resolve([]),
  ]);
  return {
    notes: settled(notes, (e) => `Notes could not be read: ${errorMessage(e)}`),
    events: settled(
      events,
      (e) =>
        `The activity log needs the Sidedesk server, which did not answer (${errorMessage(e)}).`,
    ),
    history: settled(history, (e) => `Other conversations could not be read: ${errorMessage(e)}`),
  };
}

/** The extras are read again when the conversation, its outbox or the connection changed. */
export function extrasKey(conversation: Conversation, pending: number, online: boolean): string {
  return [conversation.id, conversation.version, conversation.updatedAt, pending, online].join('|');
}
