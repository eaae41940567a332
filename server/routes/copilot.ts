import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { CopilotCredentials, CopilotSettings } from '../../lib/schema';
import { UpdateCopilotSettings } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { type CopilotConfig, workspaces } from '../db/schema';
import { write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { body, invalidBody } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

type Row = { copilot: CopilotConfig; copilotApiKey: string | null };

const toSettings = ({ copilot, copilotApiKey }: Row): CopilotSettings => ({
  provider: copilot.provider,
  baseUrl: copilot.baseUrl,
  model: copilot.model,
  keySet: copilotApiKey !== null,
  redactPii: copilot.redactPii,
  externalAllowed: copilot.externalAllowed,
});

type Issue = { path: string[]; message: string };

/** Rules on the whole record an edit would store; each broken one is a 400 on its field. */
function problems(next: CopilotConfig): Issue[] {
  const found: Issue[] = [];
  if (next.baseUrl !== null && !/^https?:\/\//i.test(next.baseUrl))
    found.push({ path: ['baseUrl'], message: 'must be an http:// or https:// URL' });
  if (next.provider === 'openai-compatible') {
    if (next.baseUrl === null)
      found.push({ path: ['baseUrl'], message: 'the openai-compatible provider needs a base URL' });
    if (next.model === null)
      found.push({ path: ['model'], message: 'the openai-compatible provider needs a model' });
  }
  return found;
}

/**
 * The copilot's provider, per workspace: every member reads the settings (never the key),
 * admins change them, and every member's background worker reads the credentials, because
 * the worker calls the provider itself (docs/copilot.md, "Settings and keys").
 */
export function copilotRoutes(deps: Deps) {
  const { database } = deps;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/settings', async (c) =>
      c.json(toSettings(await copilotRow(database.db, c.var.member.workspaceId))),
    )
    .patch('/settings', requireRole('admin'), body(UpdateCopilotSettings), async (c) => {
      const { apiKey, ...patch } = c.req.valid('json');
      const me = c.var.member;
      const settings = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await copilotRow(w.tx, w.workspaceId);
        const copilot: CopilotConfig = { ...before.copilot, ...patch };
        const found = problems(copilot);
        if (found.length > 0) throw invalidBody({ issues: found });
        const [after] = await w.tx
          .update(workspaces)
          .set({
            copilot,
            ...(apiKey !== undefined && { copilotApiKey: apiKey }),
            // Resends the workspace record: workers hear it and drop their cached settings.
            recordVersion: w.version,
          })
          .where(eq(workspaces.id, w.workspaceId))
          .returning();
        // The key never enters an event: only whether it was replaced or cleared.
        await w.event({
          type: 'copilot.settings',
          before: toSettings(before),
          after: { ...toSettings(after!), keyChanged: apiKey !== undefined },
        });
        return toSettings(after!);
      });
      return c.json(settings);
    })
    .get('/credentials', async (c) => {
      const row = await copilotRow(database.db, c.var.member.workspaceId);
      const { copilot } = row;
      // The key goes out only while an external provider may actually be called.
      const inUse = copilot.provider === 'openai-compatible' && copilot.externalAllowed;
      const credentials: CopilotCredentials = {
        provider: copilot.provider,
        baseUrl: copilot.baseUrl,
        model: copilot.model,
        redactPii: copilot.redactPii,
        externalAllowed: copilot.externalAllowed,
        apiKey: inUse ? row.copilotApiKey : null,
      };
      c.header('cache-control', 'no-store');
      return c.json(credentials);
    });
}

async function copilotRow(db: Db | Tx, id: string): Promise<Row> {
  const [row] = await db
    .select({ copilot: workspaces.copilot, copilotApiKey: workspaces.copilotApiKey })
    .from(workspaces)
    .where(eq(workspaces.id, id));
  if (!row) throw notFound('workspace');
  return row;
}
