import type { CommandName } from '../../lib/features/commands';
import type { Conversation, Member, Priority, Status } from '../../lib/schema';

/** What a control asks for; each answers null, or why it did not happen. */
export type Outcome = Promise<string | null>;

export interface SidebarActions {
  take(): Outcome;
  unassign(): Outcome;
  assign(member: Member): Outcome;
  setStatus(status: Exclude<Status, 'snoozed'>): Outcome;
  snooze(untilIso: string): Outcome;
  setPriority(priority: Priority): Outcome;
  addTag(name: string): Outcome;
  removeTag(name: string): Outcome;
  /** Creates the tag in the workspace, then adds it to the conversation. */
  createTag(name: string): Outcome;
  addNote(body: string, mentions: string[]): Outcome;
  /** Puts a "How did we do? 👍 / 👎" rating link (fresh from the API) into the reply. */
  addRatingLink(): Outcome;
  openConversation(conversation: Conversation): Outcome;
  /** To the team's next tier, with why; the assignee becomes a follower. */
  escalate(reason: string): Outcome;
  /** The open incident's pre-approved reply, into the thread's reply as the picker puts it. */
  insertIncidentReply(templateId: string): Outcome;
  dismissNotice(): void;
}

/**
 * A keyboard shortcut's command, run by the control it concerns, so its outcome shows
 * where a click's would; `seq` makes each press new.
 */
export interface CommandRequest {
  name: Extract<CommandName, 'take' | 'close' | 'assign' | 'snooze' | 'tag'>;
  seq: number;
}

/** Runs an action and shows what went wrong, if anything. */
export type Run = (action: () => Outcome) => void;
