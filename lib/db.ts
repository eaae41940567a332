import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type {
  Conversation,
  Member,
  MutationName,
  Note,
  SlaCalendarRecord,
  SlaPolicyRecord,
  Tag,
  Template,
} from './schema';
import { refKey } from './thread-ref';

/**
 * A conversation as cached: the record plus the keys its indexes need. IndexedDB leaves a
 * row out of an index when a key part is null, so null-able fields get a sortable stand-in.
 */
export type ConversationRow = Conversation & {
  /** `host|mailbox|threadId` of every ref, to find the conversation of a host thread. */
  refKeys: string[];
  /** The assignee id, or '' when unassigned. */
  assigneeKey: string;
  /** `dueAt`, or NO_DUE_DATE so undated conversations sort last. */
  dueKey: string;
  /** Every participant's address, to find a customer's other conversations. */
  participantEmails: string[];
};

/** Sorts after every ISO-8601 instant. */
export const NO_DUE_DATE = '~';

export type OutboxRow = {
  /** The mutation id: per client, increasing, consumed whatever the server answers. */
  id: number;
  name: MutationName;
  args: unknown;
  ts: string;
  attempts: number;
  /** The conversation it changes (derived from the key for an upsert); '' for none. */
  conversationId: string;
};

/**
 * The server's last confirmed snapshot of a conversation that has pending mutations
 * (`record: null` when the server does not have it yet). The cached view is always this
 * snapshot with the pending outbox rows applied on top.
 */
export type ConfirmedRow = { id: string; record: Conversation | null };

export type MetaRow = { key: string; value: unknown };

export const DB_NAME = 'sidedesk';
export const DB_VERSION = 3;

export class SidedeskDb extends Dexie {
  conversations!: EntityTable<ConversationRow, 'id'>;
  confirmed!: EntityTable<ConfirmedRow, 'id'>;
  members!: EntityTable<Member, 'id'>;
  tags!: EntityTable<Tag, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  slaCalendars!: EntityTable<SlaCalendarRecord, 'id'>;
  slaPolicies!: EntityTable<SlaPolicyRecord, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      conversations:
        'id, key, *refKeys, assigneeKey, *tags, [assigneeKey+status+dueKey], [status+dueKey]',
      confirmed: 'id',
      members: 'id, email',
      tags: 'id, name',
      templates: 'id',
      notes: 'id, conversationId',
      outbox: 'id, conversationId',
      meta: 'key',
    });
    this.version(2)
      .stores({
        conversations:
          'id, key, *refKeys, assigneeKey, *tags, [assigneeKey+status+dueKey], [status+dueKey], *participantEmails',
      })
      .upgrade((tx) =>
        tx
          .table<ConversationRow>('conversations')
          .toCollection()
          .modify((row) => {
            row.participantEmails = participantEmails(row);
          }),
      );
    // SLA: the snapshots and the calendars and policies an older version never kept come
    // with a new bootstrap, so the cursor goes; cached records stay readable meanwhile.
    this.version(3)
      .stores({ slaCalendars: 'id', slaPolicies: 'id, position' })
      .upgrade(async (tx) => {
        await tx
          .table<ConversationRow>('conversations')
          .toCollection()
          .modify((row) => {
            row.sla ??= null;
            row.lastMessageFrom ??= null;
          });
        await tx
          .table<ConfirmedRow>('confirmed')
          .toCollection()
          .modify((row) => {
            if (row.record) {
              row.record.sla ??= null;
              row.record.lastMessageFrom ??= null;
            }
          });
        await tx.table<MetaRow>('meta').delete('cursor');
      });
  }
}

const participantEmails = (c: Pick<Conversation, 'participants'>) =>
  c.participants.map((p) => p.email.toLowerCase());

/** The tables that mirror the server; cleared on sign-out and re-bootstrap. */
export const recordTables = (db: SidedeskDb) => [
  db.conversations,
  db.confirmed,
  db.members,
  db.tags,
  db.templates,
  db.notes,
  db.slaCalendars,
  db.slaPolicies,
];

export function toConversationRow(conversation: Conversation): ConversationRow {
  return {
    ...conversation,
    refKeys: conversation.refs.map(refKey),
    assigneeKey: conversation.assigneeId ?? '',
    dueKey: conversation.dueAt ?? NO_DUE_DATE,
    participantEmails: participantEmails(conversation),
  };
}

export function fromConversationRow(row: ConversationRow): Conversation {
  const { refKeys: _r, assigneeKey: _a, dueKey: _d, participantEmails: _p, ...conversation } = row;
  return conversation;
}
