import type { TriageSuggestion } from '../schema';
import { type DraftState, isBusy } from './copilot-draft';

/**
 * What each thread's copilot panel held, kept while the page lives: a thread closed and
 * opened again shows the agent's draft as they left it. A request running when the
 * thread closed was stopped, and is kept as stopped.
 */
const drafts = new Map<string, DraftState>();

export function rememberDraft(key: string, state: DraftState) {
  drafts.set(
    key,
    isBusy(state)
      ? { ...state, phase: 'failed', error: { code: 'cancelled', message: 'Stopped.' } }
      : state,
  );
}

export const recalledDraft = (key: string): DraftState | undefined => drafts.get(key);

/** Triage per conversation: asked once per page; then its suggestion, or what became of it. */
export type TriageMemory =
  | { phase: 'asking' }
  | {
      phase: 'shown';
      suggestion: TriageSuggestion;
      provider: 'offline' | 'openai-compatible';
      model: string | null;
    }
  | { phase: 'failed'; message: string }
  | { phase: 'closed'; how: 'applied' | 'dismissed' };

const triages = new Map<string, TriageMemory>();

export const recalledTriage = (conversationId: string) => triages.get(conversationId);
export const rememberTriage = (conversationId: string, memory: TriageMemory) =>
  triages.set(conversationId, memory);
