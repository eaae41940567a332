import { expect, it } from 'vitest';
import { triageEmails } from '../lib/testing/triage-emails';
import { INTENT_TARGET, scoreTriage } from './copilot-triage';

it('keeps the offline triage at or above the intent target on the labelled emails', () => {
  const emails = triageEmails();
  expect(emails.length).toBeGreaterThanOrEqual(60);
  const score = scoreTriage(emails);
  expect(score.intent).toBeGreaterThanOrEqual(INTENT_TARGET);
});

it('labels every intent at least five times', () => {
  const counts = new Map<string, number>();
  for (const e of triageEmails()) counts.set(e.label.intent, (counts.get(e.label.intent) ?? 0) + 1);
  expect(counts.size).toBe(10);
  for (const [intent, count] of counts) expect(count, intent).toBeGreaterThanOrEqual(5);
});
