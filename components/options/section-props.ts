import type { Member, Role, Workspace } from '../../lib/schema';
import type { SessionState } from '../../lib/schema/messages';

/** A session with a chosen workspace: what every options section is given. */
export type SignedInSession = SessionState & {
  workspace: Workspace;
  member: Member;
  role: Role;
};

export interface SectionProps {
  session: SignedInSession;
}
