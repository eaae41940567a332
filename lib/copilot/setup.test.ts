import { describe, expect, it } from 'vitest';
import { type CopilotCredentials, DEFAULT_ROUTING } from '../schema';
import type { RelayRequest } from '../schema/messages';
import { type CopilotSetup, loadSetup, SetupCache } from './setup';

const credentials: CopilotCredentials = {
  provider: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: 'llama3.1:8b',
  apiKey: 'sk-test',
  redactPii: true,
  externalAllowed: true,
};
const team = {
  id: '00000000-0000-4000-8000-00000000bbb1',
  name: 'Billing',
  memberIds: [],
  routing: DEFAULT_ROUTING,
};

describe('loading the copilot setup', () => {
  it('reads the credentials and the teams through the API', async () => {
    const asked: RelayRequest[] = [];
    const setup = await loadSetup(async (request) => {
      asked.push(request);
      return request.path === '/v1/teams'
        ? { status: 200, body: [team] }
        : { status: 200, body: credentials };
    });
    expect(setup).toEqual({ credentials, teams: [team] });
    expect(asked.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /v1/copilot/credentials',
      'GET /v1/teams',
    ]);
  });

  it('does without teams, but not without credentials', async () => {
    const noTeams = await loadSetup(async (r) => {
      if (r.path === '/v1/teams') throw new Error('offline');
      return { status: 200, body: credentials };
    });
    expect(noTeams.teams).toEqual([]);
    await expect(loadSetup(async () => ({ status: 403, body: {} }))).rejects.toThrow(/403/);
    await expect(loadSetup(async () => ({ status: 200, body: { provider: 'x' } }))).rejects.toThrow(
      /unknown shape/,
    );
  });
});

describe('the setup cache', () => {
  const setup = (model: string): CopilotSetup => ({
    credentials: { ...credentials, model },
    teams: [],
  });

  it('reads the API once a minute per session, and again after clear()', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SetupCache(
      async () => setup(`m${++loads}`),
      () => now,
    );
    const [a, b] = await Promise.all([cache.get('s1'), cache.get('s1')]);
    expect([a.credentials.model, b.credentials.model]).toEqual(['m1', 'm1']);
    now = 59_000;
    expect((await cache.get('s1')).credentials.model).toBe('m1');
    now = 60_000;
    expect((await cache.get('s1')).credentials.model).toBe('m2');
    // Another workspace or member never gets this one's settings.
    expect((await cache.get('s2')).credentials.model).toBe('m3');
    cache.clear();
    expect((await cache.get('s2')).credentials.model).toBe('m4');
  });

  it('keeps no failure', async () => {
    let fail = true;
    const cache = new SetupCache(async () => {
      if (fail) throw new Error('offline');
      return setup('ok');
    });
    await expect(cache.get()).rejects.toThrow('offline');
    fail = false;
    expect((await cache.get()).credentials.model).toBe('ok');
  });
});
