import type { send, subscribeChanges } from '../messaging';

/** The background as features use it: typed requests and change notices (lib/messaging.ts). */
export interface Background {
  send: typeof send;
  subscribe: typeof subscribeChanges;
}
