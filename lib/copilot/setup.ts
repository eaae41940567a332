import { z } from 'zod';
import { CopilotCredentials, Team } from '../schema';
import type { RelayRequest, RelayResponse } from '../schema/messages';

/** What the worker needs from the API before it can choose a provider. */
export interface CopilotSetup {
  credentials: CopilotCredentials;
  teams: Team[];
}

type Api = (request: RelayRequest) => Promise<RelayResponse>;

/**
 * Reads the workspace's copilot credentials (key included: the worker calls the provider
 * itself) and its teams, through the worker's signed-in API client. Teams only help triage:
 * when they cannot be read, there are none.
 */
export async function loadSetup(api: Api): Promise<CopilotSetup> {
  const [credentials, teams] = await Promise.all([
    api({ method: 'GET', path: '/v1/copilot/credentials' }),
    api({ method: 'GET', path: '/v1/teams' }).catch(() => null),
  ]);
  if (credentials.status !== 200)
    throw new Error(`the copilot settings could not be read (${credentials.status})`);
  const parsed = CopilotCredentials.safeParse(credentials.body);
  if (!parsed.success) throw new Error('the copilot settings came in an unknown shape');
  const listed = z.array(Team).safeParse(teams?.status === 200 ? teams.body : []);
  return { credentials: parsed.data, teams: listed.success ? listed.data : [] };
}

/**
 * The setup kept in memory for a minute, so a burst of requests (triage on every new
 * thread) reads the API once; `clear()` on a workspace or session change. A failed load is
 * not kept. Memory only: a worker that stops simply reads it again.
 */
export class SetupCache {
  private value: { setup: CopilotSetup; at: number; scope: string } | null = null;
  private loading: { promise: Promise<CopilotSetup>; scope: string } | null = null;

  constructor(
    private readonly load: () => Promise<CopilotSetup>,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 60_000,
  ) {}

  /** `scope` names the session (server, workspace, member): another one never gets this one's. */
  get(scope = ''): Promise<CopilotSetup> {
    const value = this.value;
    if (value && value.scope === scope && this.now() - value.at < this.ttlMs)
      return Promise.resolve(value.setup);
    if (this.loading?.scope === scope) return this.loading.promise;
    const promise = this.load().then(
      (setup) => {
        if (this.loading?.promise === promise) {
          this.value = { setup, at: this.now(), scope };
          this.loading = null;
        }
        return setup;
      },
      (error: unknown) => {
        if (this.loading?.promise === promise) this.loading = null;
        throw error;
      },
    );
    this.loading = { promise, scope };
    return promise;
  }

  clear() {
    this.value = null;
    this.loading = null;
  }
}
