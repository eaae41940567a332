import type { Rule } from '../../lib/schema';
import type { rules } from '../db/schema';

export const toRule = (r: typeof rules.$inferSelect): Rule => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  position: r.position,
  trigger: r.trigger,
  conditions: r.conditions,
  actions: r.actions,
  stopProcessing: r.stopProcessing,
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
});
