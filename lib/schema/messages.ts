import { z } from 'zod';
import { Membership, PendingInvite } from './auth';
import { Incident } from './automation';
import { Email, Id, Instant, Role } from './common';
import { Conversation, ThreadRef } from './conversation';
import { Event } from './event';
import { MutationName } from './mutation';
import { Note } from './note';
import { SlaCalendarRecord, SlaPolicyRecord } from './sla-records';
import { CreateSurvey, SurveyLink } from './survey';
import { CreateTag, Tag } from './tag';
import { Team } from './team';
import { Template } from './template';
import { Member, Workspace } from './workspace';

/** A push the server refused, kept for the UI ("Ana took this"), with who and when. */
export const SyncNotice = z.object({
  mutationId: z.number().int(),
  mutation: z.string(),
  conversationId: z.string().nullable(),
  status: z.enum(['conflict', 'forbidden', 'invalid']),
  message: z.string(),
  /** Who holds the record now (the assignee after a lost assignment race). */
  by: z.object({ id: Id, name: z.string() }).nullable(),
  /** When the record the client lost to was last changed. */
  at: Instant.nullable(),
  recordedAt: Instant,
});
export type SyncNotice = z.infer<typeof SyncNotice>;

/** A mail-page feature that failed (Gmail changed its page), as its content script reported it. */
export const PageError = z.object({
  source: z.string().min(1).max(80),
  message: z.string().max(1000),
  at: Instant,
});
export type PageError = z.infer<typeof PageError>;

export const SyncState = z.object({
  /** A realtime connection is open. */
  online: z.boolean(),
  pending: z.number().int().nonnegative(),
  lastSyncAt: Instant.nullable(),
  lastError: z.string().nullable(),
  notices: z.array(SyncNotice),
  pageError: PageError.nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/** What the UI may know about the sign-in; tokens never leave the background. */
export const SessionState = z.object({
  serverUrl: z.url(),
  identity: z
    .object({
      email: z.string(),
      name: z.string(),
      memberships: z.array(Membership),
      invites: z.array(PendingInvite),
    })
    .nullable(),
  workspace: Workspace.nullable(),
  member: Member.nullable(),
  role: Role.nullable(),
  sync: SyncState,
});
export type SessionState = z.infer<typeof SessionState>;

/** `breaching`: an SLA clock in its warning window; `breached`: one overdue and still owed. */
export const Queue = z.union([
  z.enum(['mine', 'unassigned', 'all-open', 'breaching', 'breached']),
  z.templateLiteral(['tag:', z.string().min(1).max(60)]),
]);
export type Queue = z.infer<typeof Queue>;

/**
 * What an extension page (the options page) may ask of the API through the background,
 * which holds the tokens: the management resources, nothing of sync or sign-in.
 */
export const RelayRequest = z.object({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  path: z
    .string()
    .max(2000)
    .regex(
      /^\/v1\/(templates|tags|members|invites|teams|workspace|audit|sla|reports|goals|rules|incidents|copilot\/settings|conversations\/[^/?#]+\/events)([/?][^#]*)?$/,
      'not a management path of the API',
    )
    .refine((path) => !path.includes('..'), 'not a management path of the API'),
  body: z.unknown().optional(),
});
export type RelayRequest = z.infer<typeof RelayRequest>;

export const RelayResponse = z.object({ status: z.number().int(), body: z.unknown() });
export type RelayResponse = z.infer<typeof RelayResponse>;

const request = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

export const Request = z.discriminatedUnion('type', [
  request('getState', {}),
  request('signIn', {
    serverUrl: z.url(),
    with: z.discriminatedUnion('method', [
      z.object({ method: z.literal('dev'), email: z.email() }),
      z.object({ method: z.literal('oidc'), providerId: z.string().min(1) }),
    ]),
  }),
  request('getProviders', { serverUrl: z.url() }),
  request('chooseWorkspace', { workspaceId: Id }),
  request('createWorkspace', { name: z.string().trim().min(1).max(120) }),
  request('acceptInvite', { code: z.string().min(10).max(200) }),
  request('signOut', {}),
  /** A page's rows at once: one answer per ref, in order, null where the cache has none. */
  request('getConversationsByRefs', { refs: z.array(ThreadRef).max(500) }),
  request('getConversation', {
    by: z.union([z.object({ id: z.string().min(1).max(64) }), z.object({ ref: ThreadRef })]),
  }),
  request('listConversations', {
    queue: Queue,
    limit: z.number().int().min(1).max(500).default(100),
  }),
  request('listNotes', { conversationId: z.string().min(1).max(64) }),
  request('listMembers', {}),
  request('listTags', {}),
  request('listTemplates', {}),
  request('listSlaCalendars', {}),
  request('listSlaPolicies', {}),
  request('createTag', { name: CreateTag.shape.name, color: CreateTag.shape.color }),
  request('listEvents', { conversationId: z.string().min(1).max(64) }),
  request('listCustomerConversations', {
    email: Email,
    excludeId: z.string().min(1).max(64),
    limit: z.number().int().min(1).max(50).default(10),
  }),
  /** What a thread's sidebar draws that changes with every sync, in one worker turn. */
  request('getThread', { ref: ThreadRef }),
  request('mutate', { name: MutationName, args: z.unknown() }),
  /** A fresh rating link for one reply: online only (the API signs it). */
  request('createSurveyLink', { survey: CreateSurvey }),
  /** Incidents open now; online only, as the API keeps them. */
  request('listOpenIncidents', {}),
  /** The workspace's teams; online only, as teams are not synced. */
  request('listTeams', {}),
  request('dismissNotices', {}),
  request('dismissPageError', {}),
  request('relay', RelayRequest.shape),
  request('reportError', {
    source: PageError.shape.source,
    message: z.string().transform((m) => m.slice(0, 1000)),
  }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

/** What each request answers with. */
export const ResponseData = {
  getState: SessionState,
  signIn: SessionState,
  getProviders: z.object({
    devSignIn: z.boolean(),
    providers: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  chooseWorkspace: SessionState,
  createWorkspace: SessionState,
  acceptInvite: SessionState,
  signOut: SessionState,
  getConversation: Conversation.nullable(),
  getConversationsByRefs: z.array(Conversation.nullable()),
  listConversations: z.array(Conversation),
  listNotes: z.array(Note),
  listMembers: z.array(Member),
  listTags: z.array(Tag),
  /** Every template the member can see (their personal ones, team and workspace). */
  listTemplates: z.array(Template),
  /** Business calendars, by name. */
  listSlaCalendars: z.array(SlaCalendarRecord),
  /** SLA policies in match order (`position`). */
  listSlaPolicies: z.array(SlaPolicyRecord),
  createTag: Tag,
  listEvents: z.array(Event),
  listCustomerConversations: z.array(Conversation),
  /** Outbox entries of one conversation, not yet confirmed by the server. */
  getThread: z.object({
    conversation: Conversation.nullable(),
    session: SessionState,
    /** This conversation's changes still waiting in the outbox. */
    pending: z.number().int().nonnegative(),
  }),
  mutate: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      /** null when nothing needed sending (an upsert of what the server has). */
      mutationId: z.number().int().nullable(),
      /** null for a mutation that changes no conversation (template.use). */
      conversation: Conversation.nullable(),
    }),
    z.object({
      ok: z.literal(false),
      status: z.enum(['conflict', 'forbidden', 'invalid']),
      message: z.string(),
    }),
  ]),
  createSurveyLink: SurveyLink,
  listOpenIncidents: z.array(Incident),
  listTeams: z.array(Team),
  dismissNotices: z.null(),
  dismissPageError: z.null(),
  relay: RelayResponse,
  reportError: z.null(),
} satisfies Record<RequestType, z.ZodType>;

export type ResponseOf<T extends RequestType> = z.infer<(typeof ResponseData)[T]>;

export const MessageError = z.object({ code: z.string(), message: z.string() });
export type MessageError = z.infer<typeof MessageError>;

/** The envelope every reply travels in: a bad request gets an error, never silence. */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: MessageError }),
]);
export type Reply = z.infer<typeof Reply>;

/** Name of the runtime Port that carries change notifications. */
export const CHANGES_PORT = 'sidedesk:changes';

/** Sent on the changes Port after each write to the cache. */
export const ChangeNotice = z.object({
  type: z.literal('changed'),
  conversationIds: z.array(z.string()),
  /**
   * Other tables that changed; `conversations` means any conversation may have (bootstrap);
   * `clock` that only time passed, so SLA countdowns read differently (the SLA ticker).
   */
  tables: z.array(
    z.enum([
      'conversations',
      'members',
      'tags',
      'templates',
      'notes',
      'sla',
      'session',
      'sync',
      'clock',
    ]),
  ),
});
export type ChangeNotice = z.infer<typeof ChangeNotice>;
