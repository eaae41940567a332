import { MessageFailed } from '../messaging';
import { ApiProblem } from './relay';

/** The background could not reach the API: the page falls back to what the cache holds. */
export const isOffline = (e: unknown) => e instanceof MessageFailed && e.code === 'network';

/** What to tell a person about a failed request: the API's own words when it refused. */
export function describeProblem(e: unknown): string {
  if (isOffline(e))
    return 'Offline: the API cannot be reached. Try again when you are back online.';
  return e instanceof Error ? e.message : String(e);
}

/** The API's message about one field of the body (`issues[].path`), if it named that field. */
export function issueAt(e: unknown, field: string): string | undefined {
  if (!(e instanceof ApiProblem)) return undefined;
  return e.issues.find((i) => i.path === field || i.path.startsWith(`${field}.`))?.message;
}

/** A refusal will be refused again: only a failure to get an answer is worth retrying. */
export const shouldRetry = (failures: number, e: unknown) =>
  !(e instanceof ApiProblem) && !isOffline(e) && failures < 2;
