import type {
  CopilotErrorCode,
  CopilotEvent,
  CopilotOutcome,
  CopilotProviderKind,
  CopilotSource,
  PromptMessage,
} from '../schema';

/** What the copilot panel holds for a draft or a summary; the text is the agent's to edit. */
export interface DraftState {
  task: 'draft' | 'summary' | null;
  phase: 'idle' | 'reading' | 'streaming' | 'done' | 'failed' | 'inserted';
  /** What the textarea shows: the answer as it streams, then the agent's edits. */
  text: string;
  /** What the provider wrote for the current request, to tell "accepted" from "edited". */
  generated: string;
  /** The agent typed since the current request started. */
  edited: boolean;
  sources: CopilotSource[];
  /** The prompt event: who answered and exactly what was sent (null messages: offline). */
  prompt: {
    provider: CopilotProviderKind;
    model: string | null;
    messages: PromptMessage[] | null;
  } | null;
  error: { code: CopilotErrorCode | 'page'; message: string } | null;
  /** Messages the page showed collapsed, so their text was not read. */
  unread: number;
}

export const IDLE: DraftState = {
  task: null,
  phase: 'idle',
  text: '',
  generated: '',
  edited: false,
  sources: [],
  prompt: null,
  error: null,
  unread: 0,
};

export type DraftAction =
  | { type: 'start'; task: 'draft' | 'summary' }
  | { type: 'read'; unread: number }
  | { type: 'event'; event: CopilotEvent }
  | { type: 'edit'; text: string }
  | { type: 'fail'; code: CopilotErrorCode | 'page'; message: string }
  | { type: 'inserted' }
  | { type: 'discard' };

/**
 * The panel's rules. Nothing the agent typed is ever dropped: a new request over edited
 * text streams below it, and a failure, timeout or Stop keeps the text as it is.
 */
export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'start': {
      const keep = state.task === action.task && state.edited ? state.text : '';
      return {
        ...IDLE,
        task: action.task,
        phase: 'reading',
        text: keep ? `${keep.trimEnd()}\n\n` : '',
        edited: Boolean(keep),
      };
    }
    case 'read':
      return { ...state, phase: 'streaming', unread: action.unread };
    case 'event':
      return onEvent(state, action.event);
    case 'edit':
      return { ...state, text: action.text, edited: true };
    case 'fail':
      if (state.phase === 'done' || state.phase === 'inserted') return state;
      return { ...state, phase: 'failed', error: { code: action.code, message: action.message } };
    case 'inserted':
      return { ...state, phase: 'inserted' };
    case 'discard':
      return IDLE;
  }
}

function onEvent(state: DraftState, event: CopilotEvent): DraftState {
  if (state.phase !== 'streaming' && state.phase !== 'reading') return state;
  switch (event.type) {
    case 'prompt':
      return { ...state, prompt: { ...event } };
    case 'sources':
      return { ...state, sources: event.sources };
    case 'text':
      return { ...state, text: state.text + event.delta, generated: state.generated + event.delta };
    case 'done':
      return { ...state, phase: 'done' };
    case 'error':
      return { ...state, phase: 'failed', error: { code: event.code, message: event.message } };
    case 'triage':
      return state;
  }
}

/** Whether a request is running (Stop is offered, the buttons wait). */
export const isBusy = (s: DraftState) => s.phase === 'reading' || s.phase === 'streaming';

/** What inserting the text now records: unchanged from the answer, or the agent's edit. */
export const insertOutcome = (s: DraftState): Extract<CopilotOutcome, 'accepted' | 'edited'> =>
  s.edited && s.text.trim() !== s.generated.trim() ? 'edited' : 'accepted';

/** Whether there is anything to record when the agent discards (an answer came). */
export const hasAnswer = (s: DraftState) => s.prompt !== null;

/** What the agent reads for each failure; the provider's own words follow. */
export function errorText(error: NonNullable<DraftState['error']>): string {
  const lead: Record<NonNullable<DraftState['error']>['code'], string> = {
    timeout: 'The copilot took too long to answer.',
    'bad-response': 'The copilot’s provider gave an answer Sidedesk cannot read.',
    network: 'The copilot’s provider could not be reached.',
    unauthorized: 'The copilot’s provider refused the workspace’s key.',
    disabled: 'The copilot is turned off for this workspace.',
    cancelled: 'Stopped.',
    'invalid-request': 'The copilot could not use this thread.',
    page: 'The thread could not be read from the page.',
  };
  const detail = error.message.trim();
  return detail && error.code !== 'cancelled' ? `${lead[error.code]} ${detail}` : lead[error.code];
}

/** The draft as HTML for the reply: paragraphs at blank lines, line breaks kept, all escaped. */
export function draftHtml(text: string): string {
  const escaped = (s: string) =>
    s
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;');
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(escaped).join('<br>')}</p>`)
    .join('');
}

/** How many messages the page showed without their text. */
export const unreadCount = (messages: readonly { text: string }[]) =>
  messages.filter((m) => m.text.trim() === '').length;
