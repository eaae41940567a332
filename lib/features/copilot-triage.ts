import type { Conversation, Priority, TriageSuggestion } from '../schema';

/**
 * A conversation nobody has handled yet: open, unassigned, untagged. Only these get
 * triage suggestions unasked (from the offline provider: nothing leaves the browser).
 */
export const isNewConversation = (c: Conversation) =>
  c.status === 'open' && c.assigneeId === null && c.tags.length === 0;

/** One change "Apply" makes, in the order it makes them. */
export type TriageStep =
  | { kind: 'tag'; tag: string }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'close' };

/** What the agent sees per suggestion: its value, its reason, and whether Apply acts on it. */
export interface TriageLine {
  label: 'Topic' | 'Tag' | 'Priority' | 'Sentiment' | 'Template' | 'Team' | 'Close';
  value: string;
  reason: string;
  /** Applied by "Apply"; otherwise it is advice. */
  applies: boolean;
}

export function triageLines(s: TriageSuggestion, c: Conversation): TriageLine[] {
  const lines: TriageLine[] = [
    { label: 'Topic', value: s.intent.value, reason: s.intent.reason, applies: false },
  ];
  if (s.tag) {
    const has = c.tags.some((t) => t.toLowerCase() === s.tag?.name.toLowerCase());
    lines.push({ label: 'Tag', value: s.tag.name, reason: s.tag.reason, applies: !has });
  }
  lines.push(
    {
      label: 'Priority',
      value: s.priority.value,
      reason: s.priority.reason,
      applies: s.priority.value !== c.priority,
    },
    { label: 'Sentiment', value: s.sentiment.value, reason: s.sentiment.reason, applies: false },
  );
  if (s.template) {
    lines.push({
      label: 'Template',
      value: s.template.title,
      reason: s.template.reason,
      applies: false,
    });
  }
  // No mutation routes a conversation to a team: the team is advice for whoever assigns.
  if (s.team)
    lines.push({ label: 'Team', value: s.team.name, reason: s.team.reason, applies: false });
  if (s.close)
    lines.push({ label: 'Close', value: 'thank-you only', reason: s.close.reason, applies: false });
  return lines;
}

/** The changes "Apply" makes; closing only when the agent chose to. */
export function triageSteps(
  s: TriageSuggestion,
  c: Conversation,
  options: { close: boolean },
): TriageStep[] {
  const steps: TriageStep[] = [];
  if (s.tag && !c.tags.some((t) => t.toLowerCase() === s.tag?.name.toLowerCase())) {
    steps.push({ kind: 'tag', tag: s.tag.name });
  }
  if (s.priority.value !== c.priority) steps.push({ kind: 'priority', priority: s.priority.value });
  if (options.close && s.close && c.status !== 'closed') steps.push({ kind: 'close' });
  return steps;
}

/** The records a triage rests on, for `copilot.record` (ids only). */
export const triageSources = (s: TriageSuggestion) =>
  s.template ? [{ kind: 'template' as const, id: s.template.id }] : [];
