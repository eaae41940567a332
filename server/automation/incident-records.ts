import type { Incident, IncidentMonitor } from '../../lib/schema';
import type { incidentMonitors, incidents } from '../db/schema';

export const toMonitor = (r: typeof incidentMonitors.$inferSelect): IncidentMonitor => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  tags: r.tags,
  keywords: r.keywords,
  threshold: r.threshold,
  windowMinutes: r.windowMinutes,
  teamId: r.teamId,
  templateId: r.templateId,
  escalateAfterMinutes: r.escalateAfterMinutes,
});

export const toIncident = (r: typeof incidents.$inferSelect): Incident => ({
  id: r.id,
  monitorId: r.monitorId,
  name: r.name,
  openedAt: r.openedAt.toISOString(),
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
  conversationIds: r.conversationIds,
  teamId: r.teamId,
  templateId: r.templateId,
});
