import type { SidedeskDb } from '../db';
import type { Actor, MutationContext } from '../mutations/apply';
import type { Session } from '../schema';

/** What applyMutation asks about the workspace, read once per transaction. */
export type Rules = { activeMembers: Set<string>; tagNames: Set<string> };

export async function loadRules(db: SidedeskDb): Promise<Rules> {
  const [members, tags] = await Promise.all([db.members.toArray(), db.tags.toArray()]);
  return {
    activeMembers: new Set(members.filter((m) => m.status === 'active').map((m) => m.id)),
    tagNames: new Set(tags.filter((t) => !t.archived).map((t) => t.name)),
  };
}

/** The client stamps optimistic records with its cursor; the server's version replaces it. */
export function contextFor(rules: Rules, now: string, version: number): MutationContext {
  return {
    now,
    version,
    isActiveMember: (id) => rules.activeMembers.has(id),
    tagExists: (name) => rules.tagNames.has(name),
  };
}

export const actorOf = (session: Session): Actor => ({
  memberId: session.member.id,
  role: session.member.role,
});
