import { useId } from 'react';
import { isBusy } from '../../lib/features/copilot-draft';
import type { Conversation } from '../../lib/schema';
import { CopilotDraft } from './CopilotDraft';
import { CopilotTriage } from './CopilotTriage';
import type { CopilotPorts } from './copilot-types';
import type { SidebarActions } from './types';
import { useCopilotDraft } from './use-copilot-draft';
import { useCopilotTriage } from './use-copilot-triage';

interface CopilotSectionProps {
  ports: CopilotPorts;
  conversation: Conversation;
  actions: Pick<SidebarActions, 'addTag' | 'setPriority' | 'setStatus'>;
}

/**
 * The copilot beside a thread: a draft reply or a summary on request (the thread is read
 * from the page only then), and triage suggestions for a new conversation.
 */
export function CopilotSection({ ports, conversation, actions }: CopilotSectionProps) {
  const titleId = useId();
  const draft = useCopilotDraft(ports, conversation.id);
  const triage = useCopilotTriage(ports, conversation, actions);
  const busy = isBusy(draft.state);
  const triageBusy = triage.memory?.phase === 'asking';
  return (
    <section className="section copilot" aria-labelledby={titleId} data-testid="copilot">
      <h2 id={titleId}>Copilot</h2>
      <CopilotTriage triage={triage} conversation={conversation} />
      <div className="copilot-buttons">
        <button
          type="button"
          data-testid="copilot-draft-button"
          disabled={busy}
          onClick={() => draft.ask('draft')}
        >
          Draft reply
        </button>
        <button
          type="button"
          data-testid="copilot-summary-button"
          disabled={busy}
          onClick={() => draft.ask('summary')}
        >
          Summarize
        </button>
        <button
          type="button"
          data-testid="copilot-triage-button"
          disabled={triageBusy}
          onClick={() => triage.suggest(false)}
        >
          Suggest triage
        </button>
      </div>
      <CopilotDraft draft={draft} />
    </section>
  );
}
