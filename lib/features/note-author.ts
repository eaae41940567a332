import { AUTOMATION_AUTHOR_ID, type Member } from '../schema';

export const AUTOMATION_AUTHOR_NAME = 'Sidedesk automation';

/**
 * Who wrote a note, as the sidebar and the mention notification name them: "You" for the
 * signed-in member, "Sidedesk automation" for a rule's or an incident's note (no member
 * writes those), else the member's name.
 */
export function noteAuthorName(
  authorId: string,
  members: readonly Pick<Member, 'id' | 'name'>[],
  meId: string | null,
): string {
  if (authorId === meId) return 'You';
  if (authorId === AUTOMATION_AUTHOR_ID) return AUTOMATION_AUTHOR_NAME;
  return members.find((m) => m.id === authorId)?.name ?? 'A former member';
}
