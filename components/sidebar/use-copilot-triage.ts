import { useEffect, useRef, useState } from 'react';
import {
  recalledTriage,
  rememberTriage,
  type TriageMemory,
} from '../../lib/features/copilot-memory';
import { runCopilot } from '../../lib/features/copilot-session';
import { isNewConversation, triageSources, triageSteps } from '../../lib/features/copilot-triage';
import type { Conversation, CopilotProviderKind } from '../../lib/schema';
import type { CopilotPorts } from './copilot-types';
import type { SidebarActions } from './types';

type Actions = Pick<SidebarActions, 'addTag' | 'setPriority' | 'setStatus'>;

/** How long after the sidebar shows a new conversation its triage is asked for. */
export const AUTO_TRIAGE_DELAY_MS = 300;

/**
 * Triage of one conversation: asked once, unprompted and offline only, when the
 * conversation is new; on demand from "Suggest triage". Apply makes the changes with the
 * sidebar's own actions, then records `applied`; Dismiss records `discarded`.
 */
export function useCopilotTriage(
  ports: CopilotPorts,
  conversation: Conversation,
  actions: Actions,
) {
  const id = conversation.id;
  const [memory, setMemory] = useState<TriageMemory | undefined>(() => recalledTriage(id));
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  const keep = (next: TriageMemory) => {
    rememberTriage(id, next);
    setMemory(next);
  };

  const suggest = (offlineOnly: boolean) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setProblem(null);
    keep({ phase: 'asking' });
    let who: { provider: CopilotProviderKind; model: string | null } = {
      provider: 'offline',
      model: null,
    };
    void runCopilot({
      task: 'triage',
      conversationId: id,
      offlineOnly,
      readText: ports.readText,
      ask: ports.ask,
      onEvent: (event) => {
        if (event.type === 'prompt') who = { provider: event.provider, model: event.model };
        if (event.type === 'triage') keep({ phase: 'shown', suggestion: event.suggestion, ...who });
        if (event.type === 'error' && recalledTriage(id)?.phase === 'asking') {
          keep(
            event.code === 'cancelled'
              ? { phase: 'closed', how: 'dismissed' }
              : { phase: 'failed', message: event.message },
          );
        }
      },
      signal: controller.signal,
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per conversation shown
  useEffect(() => {
    // After the sidebar's own reads: triage is a nicety, the team state comes first.
    const later = setTimeout(() => {
      if (!recalledTriage(id) && isNewConversation(conversation)) suggest(true);
    }, AUTO_TRIAGE_DELAY_MS);
    return () => {
      clearTimeout(later);
      running.current?.abort();
    };
  }, [id]);

  const record = (outcome: 'applied' | 'discarded') => {
    if (memory?.phase !== 'shown') return Promise.resolve(null);
    return ports.record({
      conversationId: id,
      task: 'triage',
      provider: memory.provider,
      model: memory.model,
      sources: triageSources(memory.suggestion),
      outcome,
    });
  };

  return {
    memory,
    problem,
    suggest,
    async apply(close: boolean) {
      if (memory?.phase !== 'shown') return;
      setProblem(null);
      for (const step of triageSteps(memory.suggestion, conversation, { close })) {
        const refused =
          step.kind === 'tag'
            ? await actions.addTag(step.tag)
            : step.kind === 'priority'
              ? await actions.setPriority(step.priority)
              : await actions.setStatus('closed');
        if (refused) return setProblem(refused);
      }
      const refused = await record('applied');
      keep({ phase: 'closed', how: 'applied' });
      if (refused) setProblem(`Applied, but not recorded: ${refused}`);
    },
    dismiss() {
      running.current?.abort();
      void record('discarded');
      keep({ phase: 'closed', how: 'dismissed' });
    },
  };
}

export type CopilotTriageControls = ReturnType<typeof useCopilotTriage>;
