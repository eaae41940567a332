import type { Conversation, Incident, Member, Role, Team } from '../schema';
import type { Background } from './background';

/** What the API alone knows that the sidebar shows: open incidents and team names. */
export interface AutomationFacts {
  incidents: Incident[];
  teams: Team[];
}

export const NO_AUTOMATION_FACTS: AutomationFacts = { incidents: [], teams: [] };

/**
 * Both from the API through the worker; offline, or refused, each is simply empty: the
 * sidebar then shows no banner and the team unnamed, never an error.
 */
export async function loadAutomationFacts(
  background: Pick<Background, 'send'>,
): Promise<AutomationFacts> {
  const [incidents, teams] = await Promise.allSettled([
    background.send({ type: 'listOpenIncidents' }),
    background.send({ type: 'listTeams' }),
  ]);
  return {
    incidents: incidents.status === 'fulfilled' ? incidents.value : [],
    teams: teams.status === 'fulfilled' ? teams.value : [],
  };
}

export interface AutomationView {
  /** The owning team's name; "A team" when its name is not known here. */
  team: string | null;
  /** Who follows it (former owners after an escalation), by name. */
  followers: string[];
  /** Agents escalate their own or unassigned conversations; leads and admins any. */
  canEscalate: boolean;
  /** The open incident this conversation is part of, with its pre-approved reply. */
  incident: { id: string; name: string; templateId: string | null } | null;
}

export function automationView(
  conversation: Conversation,
  facts: AutomationFacts,
  members: readonly Member[],
  me: Member | null,
  role: Role | null,
): AutomationView {
  const team = conversation.teamId
    ? (facts.teams.find((t) => t.id === conversation.teamId)?.name ?? 'A team')
    : null;
  const incident = facts.incidents.find(
    (i) => i.resolvedAt === null && i.conversationIds.includes(conversation.id),
  );
  const manages = role === 'lead' || role === 'admin';
  return {
    team,
    followers: conversation.followers.map(
      (id) => members.find((m) => m.id === id)?.name ?? 'A former member',
    ),
    canEscalate:
      me !== null &&
      (manages || conversation.assigneeId === null || conversation.assigneeId === me.id),
    incident: incident
      ? { id: incident.id, name: incident.name, templateId: incident.templateId }
      : null,
  };
}
