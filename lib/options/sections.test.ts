import { describe, expect, it } from 'vitest';
import { sectionFromHash, sectionsFor } from './sections';

const ids = (role: Parameters<typeof sectionsFor>[0]) => sectionsFor(role).map((s) => s.id);

describe('options sections', () => {
  it('follow the role', () => {
    expect(ids('admin')).toEqual([
      'templates',
      'tags',
      'members',
      'teams',
      'sla',
      'reports',
      'review',
      'automations',
      'incidents',
      'settings',
      'copilot',
      'profile',
    ]);
    expect(ids('lead')).toEqual([
      'templates',
      'tags',
      'members',
      'teams',
      'sla',
      'reports',
      'review',
      'automations',
      'incidents',
      'copilot',
      'profile',
    ]);
    expect(ids('agent')).toEqual(['templates', 'sla', 'copilot', 'profile']);
  });

  it('are routed by hash, falling back to the first allowed', () => {
    const agent = sectionsFor('agent');
    expect(sectionFromHash('#/profile', agent)).toBe('profile');
    expect(sectionFromHash('#/settings', agent)).toBe('templates');
    expect(sectionFromHash('', agent)).toBe('templates');
    expect(sectionFromHash('#tags', sectionsFor('lead'))).toBe('tags');
    expect(sectionFromHash('#/members/123', sectionsFor('admin'))).toBe('members');
    expect(sectionFromHash('#/sla/policies', sectionsFor('agent'))).toBe('sla');
    expect(sectionFromHash('#/reports?range=7&metric=resolution', sectionsFor('lead'))).toBe(
      'reports',
    );
    expect(sectionFromHash('#/review', sectionsFor('lead'))).toBe('review');
    expect(sectionFromHash('#/review', sectionsFor('agent'))).toBe('templates');
    expect(sectionFromHash('#/reports', sectionsFor('agent'))).toBe('templates');
  });
});
