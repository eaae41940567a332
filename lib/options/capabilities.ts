import type { Role } from '../schema';

export type Capability =
  | 'manageTags'
  | 'manageTeams'
  | 'manageMembers'
  | 'manageInvites'
  | 'manageSettings'
  | 'manageSla'
  | 'manageGoals'
  | 'manageReviewWebhook'
  | 'manageAutomations'
  | 'manageRouting';

/** The API's authorization matrix (docs/architecture.md), which the page only reflects. */
const ALLOWED: Record<Capability, readonly Role[]> = {
  manageTags: ['lead', 'admin'],
  manageTeams: ['lead', 'admin'],
  manageMembers: ['admin'],
  manageInvites: ['admin'],
  manageSettings: ['admin'],
  manageSla: ['admin'],
  manageGoals: ['lead', 'admin'],
  manageReviewWebhook: ['admin'],
  manageAutomations: ['lead', 'admin'],
  /** Skills and working hours of members, teams' routing. */
  manageRouting: ['lead', 'admin'],
};

export const may = (role: Role, capability: Capability) => ALLOWED[capability].includes(role);
