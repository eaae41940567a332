import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { pendingAudit } from '../domain/audit';
import type { AppEnv } from '../http/context';

/** The admin routers: every change made through them is an audited action. */
const AUDITED =
  /^\/v1\/(workspace|members|invites|templates|tags|teams|rules|goals|copilot|incidents\/monitors|sla\/(calendars|policies|webhook)|reports\/weekly\/webhook)(\/|$)/;

/** Fields whose values say what changed without carrying content or secrets. */
const SHOWN = new Set([
  'name',
  'email',
  'role',
  'status',
  'availability',
  'retentionDays',
  'enabled',
  'scope',
  'mode',
  'provider',
  'threshold',
]);

/**
 * One mechanism for the whole admin surface, instead of a line in every handler: a change
 * by an admin or a lead on an admin router opens a pending entry, and the request's first
 * write transaction records it (server/domain/write.ts calls recordPendingAudit), so the
 * entry commits with the change and a refused or failed change leaves none. What is
 * recorded is read from the matched route and the validated body: the action
 * (`PATCH /v1/members/:id`), its params, the field names sent, and the values of SHOWN.
 */
export const auditAdminWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'OPTIONS' || !AUDITED.test(c.req.path))
    return next();
  await pendingAudit.run({ describe: () => entryFor(c), recorded: false }, next);
};

function entryFor(c: Context<AppEnv>) {
  const member = c.get('member');
  // Leads and admins: an agent's own template or availability is not an admin action.
  if (!member || member.role === 'agent') return null;
  const params = c.req.param() as Record<string, string>;
  const body = (c.req.valid as (target: 'json') => unknown)('json');
  const fields = body && typeof body === 'object' ? Object.keys(body).sort() : [];
  const shown = Object.fromEntries(
    fields
      .map((f) => [f, (body as Record<string, unknown>)[f]] as const)
      .filter(([f, v]) => SHOWN.has(f) && (v === null || typeof v !== 'object')),
  );
  return {
    workspaceId: member.workspaceId,
    actorId: member.id,
    action: `${c.req.method} ${routePath(c)}`,
    target: params.id ?? null,
    summary: { params, fields, ...(Object.keys(shown).length && { values: shown }) },
  };
}
