import type { CreateRule } from '../lib/schema';
import type { TestDatabase } from '../server/testing/databases';
import { meta } from '../server/testing/fixtures';
import { startTestServer } from '../server/testing/test-server';
import { benchDatabases } from './databases';
import { printTable, type Row, row, time } from './stats';

const RUNS = 200;
const IDLE_RULES = 19;

/**
 * What automations add to an arrival's push: the push of a new conversation with no rule,
 * beside the same push with 19 rules whose conditions do not hold and one that routes it
 * round-robin to a team of five, and a spike monitor watching. The push answers after the
 * rules ran, so the difference is what a rule-heavy workspace pays per arrival.
 */
async function benchArrivals(database: TestDatabase): Promise<Row[]> {
  const server = await startTestServer({ database });
  try {
    const ada = await server.signIn('ada@acme.test', 'admin');
    const memberIds: string[] = [];
    for (let i = 0; i < 5; i++)
      memberIds.push((await server.signIn(`agent${i}@acme.test`, 'agent')).member.id);
    const call = async (path: string, body: unknown, method = 'POST') => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: ada.headers,
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; results: { status: string }[] };
    };
    const clientId = crypto.randomUUID();
    let mutationId = 0;
    const arrive = async () => {
      const m = meta();
      const at = new Date().toISOString();
      const body = await call('/v1/push', {
        clientId,
        mutations: [
          {
            id: ++mutationId,
            name: 'conversation.upsert',
            args: { meta: { ...m, firstMessageAt: at, lastMessageAt: at } },
            ts: at,
          },
        ],
      });
      if (body.results[0]?.status !== 'ok') throw new Error('arrival refused');
    };
    const bareMs = await time(RUNS, async () => {
      await (await fetch(`${server.url}/healthz`)).text();
    });
    const plainMs = await time(RUNS, arrive);

    const team = await call('/v1/teams', { name: 'Backend', memberIds });
    await call(`/v1/teams/${team.id}/routing`, { mode: 'round_robin' }, 'PATCH');
    const idle = (i: number): CreateRule => ({
      name: `Idle ${i}`,
      enabled: true,
      trigger: { type: 'conversation.created' },
      conditions: [{ field: 'subject', op: 'containsAny', values: [`never-${i}`] }],
      actions: [{ type: 'setPriority', priority: 'low' }],
      stopProcessing: false,
    });
    for (let i = 0; i < IDLE_RULES; i++) await call('/v1/rules', idle(i));
    await call('/v1/rules', {
      name: 'Route to Backend',
      trigger: { type: 'conversation.created' },
      actions: [{ type: 'route', teamId: team.id }],
    });
    await call('/v1/incidents/monitors', {
      name: 'Outage',
      tags: [],
      keywords: ['outage'],
      threshold: 50,
      windowMinutes: 60,
      teamId: null,
      templateId: null,
      escalateAfterMinutes: null,
    });
    const ruledMs = await time(RUNS, arrive);
    return [
      row(`${database.name} arrival push, no rules`, plainMs, 'GET /healthz', bareMs),
      row(
        `${database.name} arrival push, 20 rules + route + monitor`,
        ruledMs,
        'arrival, no rules',
        plainMs,
      ),
      row(
        `${database.name} arrival push, 20 rules + route + monitor`,
        ruledMs,
        'GET /healthz',
        bareMs,
      ),
    ];
  } finally {
    await server.close();
  }
}

export async function benchAutomations() {
  const rows: Row[] = [];
  for (const database of benchDatabases()) rows.push(...(await benchArrivals(database)));
  printTable('Automations: a new conversation pushed, rules run before the answer (ms)', rows);
}
