import { browser } from 'wxt/browser';
import { COPILOT_PORT, CopilotEvent, type CopilotRequest } from '../schema';

type Port = ReturnType<typeof browser.runtime.connect>;

export interface AskOptions {
  /** Every event, in order; the last is `done` or `error`. */
  onEvent(event: CopilotEvent): void;
  /** Aborting disconnects the port, which cancels the provider call in the worker. */
  signal: AbortSignal;
}

/**
 * Ask the background worker's copilot (a page or the sidebar): one port per request. Every
 * incoming event is checked; one that does not parse becomes an `error` event, and the
 * request ends there. Resolves once it ended: `done`, `error`, abort (a `cancelled` error),
 * or the worker went away (a `network` error). Never throws; the agent's text lives in the
 * page, never here, so nothing of it is lost whatever happens.
 */
export function askCopilot(
  request: CopilotRequest,
  { onEvent, signal }: AskOptions,
  connect: (name: string) => Port = (name) => browser.runtime.connect({ name }),
): Promise<void> {
  return new Promise<void>((resolve) => {
    let ended = false;
    let port: Port | null = null;
    const end = (last: CopilotEvent | null) => {
      if (ended) return;
      ended = true;
      signal.removeEventListener('abort', abort);
      if (last) onEvent(last);
      try {
        port?.disconnect();
      } catch {
        // already gone
      }
      resolve();
    };
    const abort = () => end({ type: 'error', code: 'cancelled', message: 'Stopped.' });
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    try {
      port = connect(COPILOT_PORT);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return end({
        type: 'error',
        code: 'network',
        message: `The extension's background is not available: ${message}`,
      });
    }
    port.onMessage.addListener((raw: unknown) => {
      if (ended) return;
      const event = CopilotEvent.safeParse(raw);
      if (!event.success)
        return end({
          type: 'error',
          code: 'bad-response',
          message: 'The copilot sent something this page does not understand.',
        });
      if (event.data.type === 'done' || event.data.type === 'error') return end(event.data);
      onEvent(event.data);
    });
    port.onDisconnect.addListener(() =>
      end({
        type: 'error',
        code: 'network',
        message: 'The copilot stopped before finishing (the extension was reloaded or stopped).',
      }),
    );
    port.postMessage(request);
  });
}
