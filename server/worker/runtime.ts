/**
 * The few workerd APIs the worker uses, typed here rather than through the Workers type
 * package, whose globals would clash with the DOM and Node types of the rest of the project.
 */

export type ExecutionContext = { waitUntil(promise: Promise<unknown>): void };

/** A Durable Object stub, or the static assets binding. */
export type Fetcher = { fetch(request: Request): Promise<Response> };

export type DurableObjectNamespace = {
  idFromName(name: string): unknown;
  get(id: unknown): Fetcher;
};

/** A server-side socket of a WebSocketPair. */
export type WorkerSocket = {
  accept(): void;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'close', listener: (event: CloseEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  readonly readyState: number;
  readonly protocol: string | null;
};

type WebSocketPairConstructor = new () => { 0: unknown; 1: WorkerSocket };

export function newWebSocketPair(): { client: unknown; server: WorkerSocket } {
  const Pair = (globalThis as unknown as { WebSocketPair: WebSocketPairConstructor }).WebSocketPair;
  const pair = new Pair();
  return { client: pair[0], server: pair[1] };
}

/** The 101 answer that hands the client end of a pair to the runtime. */
export const switchingProtocols = (client: unknown) =>
  new Response(null, { status: 101, webSocket: client } as ResponseInit);
