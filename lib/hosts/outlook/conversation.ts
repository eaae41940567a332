import type { ConversationMeta, Participant, ThreadRef } from '../../schema';
import type { ReadResult } from '../types';
import { contactOf } from './contact';
import { buildConversationMeta, type MessageFacts } from './conversation-meta';
import { conversationIdFromPath, normaliseId } from './ids';
import {
  CONVERSATION,
  CONVERSATION_ID_ATTRIBUTE,
  HEADING,
  LISTBOX,
  MESSAGE_TIME,
  PERSON,
  READING_PANE,
  RECIPIENT_WELL,
  ROW,
  SELECTED_ROW,
} from './selectors';

/**
 * The conversation the reading pane shows: the pane's own `data-convid`, else the one row
 * selected in the list, else a conversation id in the path. The path alone is not enough:
 * it often names an item, and search results do not change it (S3).
 */
export function openConversationId(doc: Document): string | null {
  const pane = doc.querySelector(READING_PANE);
  const container = pane?.querySelector(`${CONVERSATION}[${CONVERSATION_ID_ATTRIBUTE}]`);
  return (
    normaliseId(container?.getAttribute(CONVERSATION_ID_ATTRIBUTE)) ??
    selectedRowId(doc) ??
    conversationIdFromPath(doc.location.pathname)
  );
}

function selectedRowId(doc: Document): string | null {
  const active = doc.querySelector(`${LISTBOX}[aria-activedescendant]`);
  const focused = doc.getElementById(active?.getAttribute('aria-activedescendant') ?? '');
  const selected = [...doc.querySelectorAll(SELECTED_ROW)];
  const row = focused?.matches(SELECTED_ROW) ? focused : selected.length === 1 ? selected[0] : null;
  return row?.matches(ROW) ? normaliseId(row.getAttribute(CONVERSATION_ID_ATTRIBUTE)) : null;
}

/** Whether the reading pane shows a conversation (as opposed to nothing, or a new mail). */
export function paneShowsConversation(doc: Document): boolean {
  return doc.querySelector(READING_PANE)?.querySelector(`${CONVERSATION}, ${MESSAGE_TIME}`) != null;
}

/** Whether the pane's messages have rendered (Outlook draws the subject first). */
export const messagesShown = (doc: Document) =>
  doc.querySelector(READING_PANE)?.querySelector(MESSAGE_TIME) != null;

/** Everything the reading pane shows of `ref`'s conversation, or why it could not all be read. */
export function readConversation(
  doc: Document,
  ref: ThreadRef,
  lang: string,
): ReadResult<ConversationMeta> {
  const pane = doc.querySelector(READING_PANE);
  if (!pane)
    return { ok: false, message: 'Outlook conversation not read: the reading pane is gone' };
  const container = pane.querySelector(CONVERSATION) ?? pane;
  const shownId = normaliseId(container.getAttribute(CONVERSATION_ID_ATTRIBUTE));
  if (shownId && shownId !== ref.threadId) {
    return {
      ok: false,
      message: 'Outlook conversation not read: the reading pane moved on to another conversation',
    };
  }
  const subject = [...pane.querySelectorAll(HEADING)].find(
    (heading) => container === pane || !container.contains(heading),
  );
  return buildConversationMeta({
    ref,
    subject: subject?.textContent ?? '',
    messages: messagesIn(container).map(messageFacts),
    lang,
  });
}

/**
 * One element per message: the outermost one under the conversation that holds a single
 * message time (every message, collapsed or not, has exactly one: S2, U).
 */
export function messagesIn(container: Element): Element[] {
  const items = new Set<Element>();
  for (const time of container.querySelectorAll(MESSAGE_TIME)) {
    let item = time;
    while (
      item.parentElement &&
      item.parentElement !== container &&
      item.parentElement.querySelectorAll(MESSAGE_TIME).length === 1
    ) {
      item = item.parentElement;
    }
    items.add(item);
  }
  return [...items];
}

function messageFacts(item: Element): MessageFacts {
  const time = item.querySelector(MESSAGE_TIME);
  const people = [...item.querySelectorAll(PERSON)];
  const isRecipient = (person: Element) => person.closest(RECIPIENT_WELL) !== null;
  const senderNode = people.find((person) => !isRecipient(person));
  return {
    sender: senderNode ? personOf(senderNode) : null,
    recipients: people.filter(isRecipient).flatMap((p) => personOf(p) ?? []),
    time: time?.getAttribute('title') || time?.textContent || '',
  };
}

const personOf = (node: Element): Participant | null =>
  contactOf(node.textContent ?? '', node.getAttribute('title'));
