import { useEffect, useReducer, useRef, useState } from 'react';
import {
  type DraftState,
  draftReducer,
  hasAnswer,
  IDLE,
  insertOutcome,
  unreadCount,
} from '../../lib/features/copilot-draft';
import { recalledDraft, rememberDraft } from '../../lib/features/copilot-memory';
import { runCopilot } from '../../lib/features/copilot-session';
import type { CopilotOutcome } from '../../lib/schema';
import type { CopilotPorts } from './copilot-types';

/**
 * The draft or summary of one thread: runs requests, keeps the agent's text (also across
 * closing and reopening the thread), inserts, discards, and records what became of it.
 */
export function useCopilotDraft(ports: CopilotPorts, conversationId: string) {
  const [state, dispatch] = useReducer(
    draftReducer,
    ports.threadKey,
    (key) => recalledDraft(key) ?? IDLE,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  const latest = useRef<DraftState>(state);
  latest.current = state;

  useEffect(() => {
    rememberDraft(ports.threadKey, state);
  }, [ports.threadKey, state]);
  // Leaving the thread stops its request; the text stays in memory, marked stopped.
  useEffect(
    () => () => {
      running.current?.abort();
      rememberDraft(ports.threadKey, latest.current);
    },
    [ports.threadKey],
  );

  const ask = (task: 'draft' | 'summary') => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setProblem(null);
    dispatch({ type: 'start', task });
    void runCopilot({
      task,
      conversationId,
      readText: ports.readText,
      ask: ports.ask,
      onRead: (thread) => dispatch({ type: 'read', unread: unreadCount(thread.messages) }),
      onEvent: (event) => dispatch({ type: 'event', event }),
      signal: controller.signal,
    });
  };

  const record = (outcome: CopilotOutcome) => {
    const { prompt, task, sources } = latest.current;
    if (!prompt || task !== 'draft') return;
    void ports
      .record({
        conversationId,
        task,
        provider: prompt.provider,
        model: prompt.model,
        sources: sources.map(({ kind, id }) => ({ kind, id })),
        outcome,
      })
      .then((refused) => refused && setProblem(`The draft’s outcome was not recorded: ${refused}`));
  };

  return {
    state,
    problem,
    ask,
    stop: () => running.current?.abort(),
    edit: (text: string) => dispatch({ type: 'edit', text }),
    async insert() {
      setProblem(null);
      const outcome = insertOutcome(latest.current);
      const refused = await ports.insert(latest.current.text);
      if (refused) return setProblem(refused);
      dispatch({ type: 'inserted' });
      record(outcome);
    },
    discard() {
      running.current?.abort();
      if (hasAnswer(latest.current) && latest.current.phase !== 'inserted') record('discarded');
      setProblem(null);
      dispatch({ type: 'discard' });
    },
  };
}

export type CopilotDraftControls = ReturnType<typeof useCopilotDraft>;
