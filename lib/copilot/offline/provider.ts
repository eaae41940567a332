import { CopilotError, type CopilotProvider } from '../provider';
import { draftReply } from './draft';
import { summarise } from './summary';
import { triage } from './triage';

function stopIfAborted(signal: AbortSignal) {
  if (signal.aborted) throw new CopilotError('cancelled', 'The request was cancelled.');
}

/** The text a paragraph at a time, as a model would stream it; stops when `signal` aborts. */
async function* streamed(text: string, signal: AbortSignal): AsyncIterable<string> {
  for (const piece of text.split(/(?<=\n\n)/)) {
    stopIfAborted(signal);
    yield piece;
  }
}

/** Works on a fresh install with no model: retrieval, rules and extracts, all in the browser. */
export const offlineProvider: CopilotProvider = {
  kind: 'offline',
  model: null,
  async draft(context, signal) {
    stopIfAborted(signal);
    const { text, sources } = draftReply(context);
    return { sources, prompt: null, text: streamed(text, signal) };
  },
  async summary(context, signal) {
    stopIfAborted(signal);
    const { text, sources } = summarise(context);
    return { sources, prompt: null, text: streamed(text, signal) };
  },
  async triage(context, signal) {
    stopIfAborted(signal);
    return { suggestion: triage(context), prompt: null };
  },
};
