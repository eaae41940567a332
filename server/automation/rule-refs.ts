import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CreateRule } from '../../lib/schema';
import type { Tx } from '../db/open';
import { members, slaCalendars, slaPolicies, teams } from '../db/schema';
import { ApiFailure } from '../http/errors';

/**
 * Every member, team, policy and calendar a rule names must be the workspace's own (and
 * live): a rule never reaches into another workspace, and a typo fails now, not at 3 a.m.
 */
export async function checkRuleRefs(tx: Tx, workspaceId: string, rule: CreateRule) {
  const named = {
    members: new Set<string>(),
    teams: new Set<string>(),
    policies: new Set<string>(),
    calendars: new Set<string>(),
  };
  if (rule.trigger.type === 'no_reply' && rule.trigger.calendarId)
    named.calendars.add(rule.trigger.calendarId);
  for (const c of rule.conditions) {
    if (c.field === 'team') for (const id of c.values) named.teams.add(id);
    if (c.field === 'time') named.calendars.add(c.calendarId);
  }
  for (const a of rule.actions) {
    if (a.type === 'assign') named.members.add(a.memberId);
    if (a.type === 'route') named.teams.add(a.teamId);
    if (a.type === 'applySlaPolicy') named.policies.add(a.policyId);
    if (a.type === 'notify') for (const id of a.memberIds) named.members.add(id);
  }
  const ids = (set: Set<string>) => [...set];
  const [m, t, p, c] = await Promise.all([
    named.members.size
      ? tx
          .select({ id: members.id })
          .from(members)
          .where(
            and(
              eq(members.workspaceId, workspaceId),
              eq(members.status, 'active'),
              inArray(members.id, ids(named.members)),
            ),
          )
      : [],
    named.teams.size
      ? tx
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.workspaceId, workspaceId), inArray(teams.id, ids(named.teams))))
      : [],
    named.policies.size
      ? tx
          .select({ id: slaPolicies.id })
          .from(slaPolicies)
          .where(
            and(
              eq(slaPolicies.workspaceId, workspaceId),
              isNull(slaPolicies.deletedAt),
              inArray(slaPolicies.id, ids(named.policies)),
            ),
          )
      : [],
    named.calendars.size
      ? tx
          .select({ id: slaCalendars.id })
          .from(slaCalendars)
          .where(
            and(
              eq(slaCalendars.workspaceId, workspaceId),
              isNull(slaCalendars.deletedAt),
              inArray(slaCalendars.id, ids(named.calendars)),
            ),
          )
      : [],
  ]);
  const issues = [
    ...missing(named.members, m, 'member', 'actions'),
    ...missing(named.teams, t, 'team', 'actions'),
    ...missing(named.policies, p, 'SLA policy', 'actions'),
    ...missing(named.calendars, c, 'calendar', 'trigger'),
  ];
  if (issues.length)
    throw new ApiFailure(400, 'invalid_body', issues.map((i) => i.message).join('; '), issues);
}

function missing(named: Set<string>, found: { id: string }[], what: string, path: string) {
  const have = new Set(found.map((r) => r.id));
  return [...named]
    .filter((id) => !have.has(id))
    .map((id) => ({ path, message: `no live ${what} ${id} in this workspace` }));
}
