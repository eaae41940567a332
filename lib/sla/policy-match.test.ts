import { describe, expect, it } from 'vitest';
import type { SlaConditions, SlaSubject } from '../schema/sla';
import { matchPolicy } from './policy-match';
import { policy } from './test-fixtures';

const any: SlaConditions = {
  priorities: [],
  tags: [],
  mailboxes: [],
  customerDomains: [],
  segments: [],
};
const when = (name: string, position: number, conditions: Partial<SlaConditions>) =>
  policy({ name, position, targets: { firstResponse: 60 }, conditions: { ...any, ...conditions } });

const enterprise = when('Enterprise', 0, {
  customerDomains: ['acme.com'],
  segments: ['enterprise'],
});
const p1 = when('P1 outage', 1, { priorities: ['urgent'] });
const p2 = when('P2 billing', 2, { tags: ['billing'], mailboxes: ['billing@example.com'] });
const p3 = when('P3 general', 3, {});
// Stored out of order: admin order is by position.
const policies = [p3, p2, enterprise, p1];

const subject = (patch: Partial<SlaSubject>): SlaSubject => ({
  priority: 'normal',
  tags: [],
  mailboxes: ['support@example.com'],
  customerDomain: 'customer.org',
  segments: [],
  ...patch,
});

describe('policy matching', () => {
  it('takes the first match in admin order', () => {
    expect(matchPolicy(policies, subject({ priority: 'urgent', tags: ['billing'] }))?.name).toBe(
      'P1 outage',
    );
    expect(matchPolicy(policies, subject({}))?.name).toBe('P3 general');
  });

  it('needs every set condition, each any-of, tags without case', () => {
    const billing = { tags: ['Billing', 'vip'], mailboxes: ['Billing@example.com'] };
    expect(matchPolicy(policies, subject(billing))?.name).toBe('P2 billing');
    expect(matchPolicy(policies, subject({ tags: ['billing'] }))?.name).toBe('P3 general');
  });

  it('matches a customer domain and its subdomains, with the segment', () => {
    const acme = { customerDomain: 'eu.acme.com', segments: ['enterprise'] };
    expect(matchPolicy(policies, subject(acme))?.name).toBe('Enterprise');
    expect(matchPolicy(policies, subject({ ...acme, customerDomain: 'notacme.com' }))?.name).toBe(
      'P3 general',
    );
    expect(matchPolicy(policies, subject({ ...acme, segments: [] }))?.name).toBe('P3 general');
    expect(matchPolicy(policies, subject({ ...acme, customerDomain: null }))?.name).toBe(
      'P3 general',
    );
  });

  it('matches nothing when no policy fits', () => {
    expect(matchPolicy([p1, p2], subject({}))).toBeNull();
  });
});
