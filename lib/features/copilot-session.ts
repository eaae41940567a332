import {
  type CopilotErrorCode,
  CopilotEvent,
  type CopilotRequest,
  type CopilotTask,
  type ThreadText,
} from '../schema';

/** The page-side client's shape (lib/copilot/client.ts): events in order, then it resolves. */
export type AskCopilot = (
  request: CopilotRequest,
  options: { onEvent(event: CopilotEvent): void; signal: AbortSignal },
) => Promise<void>;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Longest silence of the worker during a request before the page gives up on it. */
export const SILENCE_MS = 60_000;

export interface RunOptions {
  task: CopilotTask;
  conversationId: string | null;
  offlineOnly?: boolean;
  /** Reads the thread from the page; called only now, when the agent (or triage) asked. */
  readText(): Promise<ThreadText>;
  ask: AskCopilot;
  /** The thread was read: how many messages had no text on the page. */
  onRead?(thread: ThreadText): void;
  onEvent(event: CopilotEvent): void;
  signal: AbortSignal;
  silenceMs?: number;
}

const failure = (code: CopilotErrorCode, message: string): CopilotEvent => ({
  type: 'error',
  code,
  message,
});

/**
 * One copilot request from the page: read the thread, ask the worker, pass its events on.
 * Ends with exactly one `done` or `error` event, whatever happens: the page could not be
 * read, the worker went quiet for too long, the agent pressed Stop, the port broke.
 */
export async function runCopilot(options: RunOptions): Promise<void> {
  const { signal } = options;
  let ended = false;
  const emit = (event: CopilotEvent) => {
    if (ended) return;
    if (event.type === 'done' || event.type === 'error') ended = true;
    options.onEvent(event);
  };
  let thread: ThreadText;
  try {
    thread = await options.readText();
  } catch (error) {
    emit(failure('invalid-request', `The thread could not be read: ${errorMessage(error)}`));
    return;
  }
  if (signal.aborted) return emit(failure('cancelled', 'Stopped.'));
  options.onRead?.(thread);

  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const listen = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.silenceMs ?? SILENCE_MS);
  };
  listen();
  try {
    await options.ask(
      {
        task: options.task,
        conversationId: options.conversationId,
        thread,
        offlineOnly: options.offlineOnly ?? false,
      },
      {
        onEvent: (raw) => {
          listen();
          const event = CopilotEvent.safeParse(raw);
          emit(
            event.success
              ? event.data
              : failure('bad-response', 'The worker sent an unknown event.'),
          );
          if (ended) controller.abort();
        },
        signal: controller.signal,
      },
    );
    if (!ended) emit(endOf(signal, timedOut, 'The copilot stopped without finishing.'));
  } catch (error) {
    emit(endOf(signal, timedOut, errorMessage(error)));
  } finally {
    clearTimeout(quiet);
    signal.removeEventListener('abort', stop);
  }
}

function endOf(signal: AbortSignal, timedOut: boolean, message: string): CopilotEvent {
  if (signal.aborted) return failure('cancelled', 'Stopped.');
  if (timedOut) return failure('timeout', 'Nothing came for a minute.');
  return failure('network', message);
}
