import { describe, expect, it } from 'vitest';
import { slaHash, slaPartFromHash, slaParts } from './parts';

describe('SLA parts', () => {
  it('show the webhook to admins only', () => {
    expect(slaParts('admin').map((p) => p.id)).toEqual(['calendars', 'policies', 'webhook']);
    expect(slaParts('agent').map((p) => p.id)).toEqual(['calendars', 'policies']);
  });

  it('are routed under #/sla, falling back to calendars', () => {
    expect(slaPartFromHash(slaHash('policies'), slaParts('lead'))).toBe('policies');
    expect(slaPartFromHash('#/sla/webhook', slaParts('lead'))).toBe('calendars');
    expect(slaPartFromHash('#/sla', slaParts('admin'))).toBe('calendars');
    expect(slaPartFromHash('#/templates/policies', slaParts('admin'))).toBe('calendars');
  });
});
