/** The options pages' react-query keys; a prefix invalidates everything under it. */
export const optionsKeys = {
  tags: ['options', 'tags'] as const,
  tagCounts: ['options', 'tags', 'counts'] as const,
  members: ['options', 'members'] as const,
  invites: ['options', 'invites'] as const,
  teams: ['options', 'teams'] as const,
  settings: ['options', 'settings'] as const,
  audit: ['options', 'audit'] as const,
  slaCalendars: ['options', 'sla', 'calendars'] as const,
  slaPolicies: ['options', 'sla', 'policies'] as const,
  slaWebhook: ['options', 'sla', 'webhook'] as const,
  rules: ['options', 'rules'] as const,
  incidentMonitors: ['options', 'incidents', 'monitors'] as const,
  openIncidents: ['options', 'incidents', 'open'] as const,
};
