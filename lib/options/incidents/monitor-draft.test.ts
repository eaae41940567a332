import { describe, expect, it } from 'vitest';
import type { IncidentMonitor } from '../../schema/automation';
import { checkMonitor, monitorDraftOf, monitorText, newMonitorDraft } from './monitor-draft';

const team = '00000000-0000-4000-8000-000000000001';

describe('the incident monitor editor’s draft', () => {
  it('becomes the body CreateIncidentMonitor takes', () => {
    const { value } = checkMonitor({
      ...newMonitorDraft(),
      name: 'Login outage',
      tags: 'login, outage',
      keywords: 'Cannot log in',
      teamId: team,
      escalateAfterMinutes: '15',
    });
    expect(value).toEqual({
      name: 'Login outage',
      enabled: true,
      tags: ['login', 'outage'],
      keywords: ['cannot log in'],
      threshold: 5,
      windowMinutes: 30,
      teamId: team,
      templateId: null,
      escalateAfterMinutes: 15,
    });
  });

  it('needs a tag or a keyword, and whole numbers in range', () => {
    const { value, issues } = checkMonitor({
      ...newMonitorDraft(),
      name: 'Spike',
      threshold: '1',
      windowMinutes: '',
    });
    expect(value).toBeNull();
    expect(Object.fromEntries(issues)).toEqual({
      threshold: 'At least 2',
      windowMinutes: 'A whole number',
    });
    expect(checkMonitor({ ...newMonitorDraft(), name: 'Spike' }).issues.get('tags')).toBe(
      'name at least one tag or keyword',
    );
  });

  it('round-trips a stored monitor and reads as one line', () => {
    const monitor: IncidentMonitor = {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Outage',
      enabled: true,
      tags: ['outage'],
      keywords: ['down'],
      threshold: 10,
      windowMinutes: 15,
      teamId: null,
      templateId: null,
      escalateAfterMinutes: null,
    };
    const { id: _id, ...fields } = monitor;
    expect(checkMonitor(monitorDraftOf(monitor)).value).toEqual(fields);
    expect(monitorText(monitor)).toBe('10 in 15 min matching tags outage or subject down');
  });
});
