import type { SlaConditions, SlaPolicy, SlaSubject } from '../schema/sla';

const anyOf = (wanted: readonly string[], has: readonly string[]) =>
  wanted.length === 0 || wanted.some((w) => has.includes(w));

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

function domainMatches(wanted: readonly string[], domain: string | null): boolean {
  if (wanted.length === 0) return true;
  if (domain === null) return false;
  const own = domain.toLowerCase();
  return wanted.some((w) => own === w || own.endsWith(`.${w}`));
}

/** Every non-empty condition holds (each is any-of); tags compare without case. */
export function matches(conditions: SlaConditions, subject: SlaSubject): boolean {
  return (
    anyOf(conditions.priorities, [subject.priority]) &&
    anyOf(lower(conditions.tags), lower(subject.tags)) &&
    anyOf(conditions.mailboxes, lower(subject.mailboxes)) &&
    domainMatches(conditions.customerDomains, subject.customerDomain) &&
    anyOf(conditions.segments, subject.segments)
  );
}

/** The first policy in admin order (by `position`) whose conditions match, or null. */
export function matchPolicy(policies: readonly SlaPolicy[], subject: SlaSubject): SlaPolicy | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position);
  return ordered.find((policy) => matches(policy.conditions, subject)) ?? null;
}
