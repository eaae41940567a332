import { describe, expect, it } from 'vitest';
import type { SlaPolicyRecord } from '../../schema';
import {
  checkPolicy,
  listOf,
  newPolicyDraft,
  type PolicyDraft,
  policyDraftOf,
  policyPatch,
  targetMinutes,
} from './policy-draft';

const calendarId = '6f0f7c8e-3a1b-4c55-9d2e-1a2b3c4d5e6f';

const p1 = (): PolicyDraft => ({
  ...newPolicyDraft(calendarId),
  name: 'P1',
  priorities: ['urgent'],
  targets: {
    firstResponse: { hours: '', minutes: '30' },
    nextResponse: { hours: '', minutes: '' },
    resolution: { hours: '8', minutes: '' },
  },
});

const stored: SlaPolicyRecord = {
  id: '0b5a8c3e-1d2f-4a6b-8c9d-0e1f2a3b4c5d',
  position: 2,
  version: 40,
  name: 'P1',
  conditions: {
    priorities: ['urgent'],
    tags: ['outage'],
    mailboxes: ['support@acme.com'],
    customerDomains: ['acme.com', 'eu.acme.com'],
    segments: ['Enterprise'],
  },
  targets: { firstResponse: 30, resolution: 8 * 60 + 15 },
  clock: 'business',
  pauseWhen: ['pending'],
  warning: { unit: 'minutes', value: 10 },
  calendarId,
};

describe('policy drafts', () => {
  it('read targets as hours and minutes; both empty is no target', () => {
    expect(targetMinutes({ hours: '1', minutes: '30' })).toEqual({ ok: true, value: 90 });
    expect(targetMinutes({ hours: ' ', minutes: '' })).toEqual({ ok: true, value: undefined });
    expect(targetMinutes({ hours: '', minutes: '45' })).toEqual({ ok: true, value: 45 });
    expect(targetMinutes({ hours: '1.5', minutes: '' }).ok).toBe(false);
    expect(targetMinutes({ hours: '1', minutes: '60' }).ok).toBe(false);
    expect(targetMinutes({ hours: '0', minutes: '0' })).toEqual({
      ok: false,
      message: 'At least 1 minute, or leave both empty for no target',
    });
  });

  it('split typed lists at commas and new lines, each entry once', () => {
    expect(listOf(' a@x.com,b@x.com\n, a@x.com ,')).toEqual(['a@x.com', 'b@x.com']);
    expect(listOf('Enterprise customers, SMB')).toEqual(['Enterprise customers', 'SMB']);
  });

  it('become the policy the API stores', () => {
    const checked = checkPolicy({ ...p1(), customerDomains: 'ACME.com, eu.acme.com' });
    expect(checked.issues.size).toBe(0);
    expect(checked.value).toEqual({
      name: 'P1',
      conditions: {
        priorities: ['urgent'],
        tags: [],
        mailboxes: [],
        customerDomains: ['acme.com', 'eu.acme.com'],
        segments: [],
      },
      targets: { firstResponse: 30, resolution: 480 },
      clock: 'business',
      pauseWhen: ['pending', 'snoozed'],
      warning: { unit: 'percent', value: 20 },
      calendarId,
    });
    const calendarTime = checkPolicy({
      ...p1(),
      clock: 'calendar',
      warning: { unit: 'none', value: '' },
    });
    expect(calendarTime.value).toMatchObject({
      clock: 'calendar',
      calendarId: null,
      warning: null,
    });
  });

  it('say what is wrong at the record’s paths', () => {
    const checked = checkPolicy({
      ...p1(),
      name: ' ',
      mailboxes: 'support@acme.com, not-an-address',
      customerDomains: 'acme',
      targets: { ...p1().targets, nextResponse: { hours: 'x', minutes: '' } },
      warning: { unit: 'percent', value: '120' },
    });
    expect(checked.value).toBeNull();
    expect(Object.fromEntries(checked.issues)).toEqual({
      name: 'Required',
      'conditions.mailboxes.1': 'Enter addresses like support@example.com',
      'conditions.customerDomains.0': 'expected a domain like example.com',
      'warning.value': 'At most 99',
      'targets.nextResponse': 'Whole hours, and minutes from 0 to 59',
    });
    expect(checkPolicy({ ...p1(), calendarId: null }).issues.get('calendarId')).toBe(
      'a business-time policy needs a calendar',
    );
  });

  it('round-trip a stored policy and patch only what changed', () => {
    const draft = policyDraftOf(stored);
    expect(draft.targets.resolution).toEqual({ hours: '8', minutes: '15' });
    expect(draft.mailboxes).toBe('support@acme.com');
    const same = checkPolicy(draft).value!;
    expect(policyPatch(stored, same)).toBeNull();
    const renamed = checkPolicy({ ...draft, name: 'P1 outage', pauseWhen: [] }).value!;
    expect(policyPatch(stored, renamed)).toEqual({
      name: 'P1 outage',
      pauseWhen: [],
      expectedVersion: 40,
    });
  });
});
