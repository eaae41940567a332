import { browser } from 'wxt/browser';
import type { SidedeskDb } from '../db';
import { getMeta } from '../meta';
import { COPILOT_PORT } from '../schema';
import type { RelayRequest, RelayResponse } from '../schema/messages';
import { gatherContext } from './context';
import { offlineProvider } from './offline/provider';
import { serveCopilotPort } from './run';
import { loadSetup, SetupCache } from './setup';

/**
 * The background's end of the copilot: one runtime Port per request (COPILOT_PORT), the
 * context from the cache, the settings and key from the API through `api` (the worker's
 * signed-in client), kept a minute per session. Returns `clear`, for a workspace or
 * session change.
 */
export function serveCopilot(
  db: SidedeskDb,
  api: (request: RelayRequest) => Promise<RelayResponse>,
): { clear(): void } {
  const cache = new SetupCache(() => loadSetup(api));
  const setup = async () => {
    const [server, session] = await Promise.all([getMeta(db, 'serverUrl'), getMeta(db, 'session')]);
    return cache.get(`${server}|${session?.workspace.id}|${session?.member.id}`);
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== COPILOT_PORT) return;
    serveCopilotPort(port, {
      setup,
      context: (request, loaded) => gatherContext(db, request, loaded?.teams ?? []),
      offline: offlineProvider,
    });
  });
  return { clear: () => cache.clear() };
}
