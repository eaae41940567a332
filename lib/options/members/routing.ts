import { MemberRouting } from '../../schema';
import { listOf } from '../sla/policy-draft';
import type { Parsed } from './members';

/** A member's skills as typed ("billing, refunds"): tag names, each once. */
export function parseSkills(text: string): Parsed<string[]> {
  const parsed = MemberRouting.shape.skills.safeParse(listOf(text));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue?.path[0];
  return {
    ok: false,
    message:
      typeof at === 'number'
        ? `“${listOf(text)[at]}”: ${issue?.message}`
        : (issue?.message ?? 'Not a list of tags'),
  };
}

/** "billing, refunds · Berlin office hours" for who reads it. */
export function routingWords(
  member: { skills: readonly string[]; calendarId: string | null },
  calendars: readonly { id: string; name: string }[],
): string {
  const skills = member.skills.length > 0 ? member.skills.join(', ') : 'No skills';
  const calendar = calendars.find((c) => c.id === member.calendarId);
  return `${skills} · ${calendar ? `${calendar.name} hours` : 'always working'}`;
}
