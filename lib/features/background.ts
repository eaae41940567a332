import type { send, subscribeChanges } from '../messaging';
import type { connectPresence } from '../presence-port';

/**
 * The background as features use it: typed requests and change notices
 * (lib/messaging.ts), and the presence port (lib/presence-port.ts).
 */
export interface Background {
  send: typeof send;
  subscribe: typeof subscribeChanges;
  presence: typeof connectPresence;
}
