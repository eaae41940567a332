import MiniSearch, { type SearchResult } from 'minisearch';
import type { CopilotSource, Template } from '../schema';
import { bodyText } from '../templates/filter';
import type { CopilotContext, PastConversation } from './provider';
import { termOf, words } from './terms';
import { customerOf, latestCustomerMessage, ownText } from './thread-text';

export interface Grounding {
  templates: { template: Template; score: number; source: CopilotSource }[];
  conversations: { past: PastConversation; score: number; source: CopilotSource }[];
}

/** Long queries (a whole message) are matched word by word: any shared word counts. */
const SEARCH = { combineWith: 'OR', boost: { title: 2, tags: 2 } } as const;
/** What a same-customer or same-tag past conversation adds to its text score (0 to 1). */
const SAME_CUSTOMER = 0.5;
const PER_SHARED_TAG = 0.25;
/**
 * A text match far weaker than the best one shares a common word, not the topic. Looser
 * for templates: a second, weaker answer is still worth offering.
 */
const MIN_TEXT_SHARE = 0.3;
const MIN_TEMPLATE_SHARE = 0.1;

/** One shared word ("today") is chance; two say the texts are about the same thing. */
const sharesEnough = (hit: SearchResult, queryTerms: number) =>
  hit.queryTerms.length >= Math.min(2, queryTerms);

type IndexedTemplate = Pick<Template, 'id' | 'title' | 'body' | 'tags' | 'instruction'>;

const templateIndexes = new WeakMap<readonly Template[], MiniSearch<IndexedTemplate>>();

/** One index per template list: triage runs on every new conversation with the same list. */
function templateIndex(templates: readonly Template[]): MiniSearch<IndexedTemplate> {
  let index = templateIndexes.get(templates);
  if (!index) {
    index = new MiniSearch<IndexedTemplate>({
      fields: ['title', 'body', 'tags', 'instruction'],
      extractField: (t, field) => {
        if (field === 'body') return bodyText(t.body);
        if (field === 'tags') return t.tags.join(' ');
        if (field === 'id') return t.id;
        return (t[field as 'title' | 'instruction'] as string | null) ?? '';
      },
      processTerm: termOf,
    });
    index.addAll(templates);
    templateIndexes.set(templates, index);
  }
  return index;
}

function conversationIndex(history: readonly PastConversation[]) {
  const index = new MiniSearch<PastConversation>({
    idField: 'id',
    fields: ['subject', 'tags', 'notes'],
    extractField: (past, field) => {
      if (field === 'id') return past.conversation.id;
      if (field === 'subject') return past.conversation.subject;
      if (field === 'tags') return past.conversation.tags.join(' ');
      return past.notes.map((n) => n.body).join('\n');
    },
    processTerm: termOf,
  });
  index.addAll(history);
  return index;
}

/** What the thread is about: its subject and what the customer wrote last. */
export function threadQuery(context: CopilotContext): string {
  return `${context.thread.subject}\n${ownText(latestCustomerMessage(context).text)}`;
}

/** The query's own words for the terms a hit matched ("refund", not the stem "refund"). */
function spokenWords(query: string): Map<string, string> {
  const spoken = new Map<string, string>();
  for (const word of words(query)) {
    const term = termOf(word);
    if (term && !spoken.has(term)) spoken.set(term, word);
  }
  return spoken;
}

const quoted = (list: readonly string[]) => list.map((w) => `'${w}'`).join(', ');

function matchedWords(hit: SearchResult | undefined, spoken: Map<string, string>): string[] {
  return (hit?.queryTerms ?? []).slice(0, 4).map((t) => spoken.get(t) ?? t);
}

const clip = (line: string) => (line.length > 300 ? `${line.slice(0, 299)}…` : line);

/**
 * The templates and resolved past conversations a draft, summary or triage is grounded on,
 * best first, each with the line that says why it was picked.
 */
export function groundingFor(
  context: CopilotContext,
  limit: { templates?: number; conversations?: number } = {},
): Grounding {
  const query = threadQuery(context);
  const spoken = spokenWords(query);
  const enough = (hit: SearchResult) => sharesEnough(hit, spoken.size);
  const threadTags = new Set(context.conversation?.tags ?? []);

  const byId = new Map(context.templates.map((t) => [t.id, t]));
  const templateHits = templateIndex(context.templates).search(query, SEARCH).filter(enough);
  const templates = templateHits
    .filter((hit) => hit.score >= MIN_TEMPLATE_SHARE * templateHits[0]!.score)
    .slice(0, limit.templates ?? 3)
    .flatMap((hit) => {
      const template = byId.get(hit.id as string);
      if (!template) return [];
      const shared = template.tags.filter((t) => threadTags.has(t) || spoken.has(termOf(t) ?? ''));
      const reason = [`Matches ${quoted(matchedWords(hit, spoken))}`];
      if (shared.length > 0) reason.push(`tagged ${shared.join(', ')}`);
      return [
        {
          template,
          score: hit.score,
          source: {
            kind: 'template' as const,
            id: template.id,
            title: template.title,
            reason: clip(reason.join('; ')),
          },
        },
      ];
    });

  const customer = customerOf(context).email;
  const resolved = context.history.filter(
    (past) =>
      past.conversation.status === 'closed' && past.conversation.id !== context.conversation?.id,
  );
  const hits = new Map(
    conversationIndex(resolved)
      .search(query, SEARCH)
      .filter(enough)
      .map((hit) => [hit.id as string, hit]),
  );
  const top = Math.max(0, ...[...hits.values()].map((h) => h.score));
  const conversations = resolved
    .map((past) => {
      const found = hits.get(past.conversation.id);
      const hit = found && found.score >= MIN_TEXT_SHARE * top ? found : undefined;
      const sameCustomer = past.conversation.participants.some((p) => p.email === customer);
      const sharedTags = past.conversation.tags.filter((t) => threadTags.has(t));
      const score =
        (hit ? hit.score / top : 0) +
        (sameCustomer ? SAME_CUSTOMER : 0) +
        PER_SHARED_TAG * sharedTags.length;
      const reason: string[] = [];
      if (sameCustomer) reason.push('Same customer');
      if (hit) reason.push(`matches ${quoted(matchedWords(hit, spoken))}`);
      if (sharedTags.length > 0) reason.push(`tagged ${sharedTags.join(', ')}`);
      const line = reason.join('; ');
      return {
        past,
        score,
        source: {
          kind: 'conversation' as const,
          id: past.conversation.id,
          title: past.conversation.subject,
          reason: clip(line.charAt(0).toUpperCase() + line.slice(1)),
        },
      };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit.conversations ?? 3);

  return { templates, conversations };
}
