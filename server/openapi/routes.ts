import { z } from 'zod';
import {
  AcceptInvite,
  AuthProviders,
  BootstrapPage,
  BootstrapQuery,
  CreatedInvite,
  CreateInvite,
  CreateTag,
  CreateWorkspace,
  DevSignIn,
  Event,
  Invite,
  LiveTicket,
  Me,
  Member,
  OidcSignIn,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  Session,
  SignInResult,
  Tag,
  Template,
  TemplateInput,
  UpdateMember,
  UpdateTag,
  UpdateTemplate,
  WorkspaceTokenRequest,
} from '../../lib/schema';

export type RouteDoc = {
  summary: string;
  tag: string;
  /** Which bearer token the route needs. */
  auth: 'none' | 'identity' | 'member';
  body?: z.ZodType;
  query?: z.ZodType;
  /** The success response; `null` for 204. */
  response?: z.ZodType | null;
  status?: number;
  /** Not JSON: the docs page and its assets. */
  content?: string;
};

const Health = z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) });

/** Every route of the app, keyed `METHOD path` as in `app.routes`; a test keeps it complete. */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'GET /healthz': {
    summary: 'Health and database kind',
    tag: 'meta',
    auth: 'none',
    response: Health,
  },
  'GET /openapi.json': {
    summary: 'This document',
    tag: 'meta',
    auth: 'none',
    content: 'application/json',
  },
  'GET /docs': {
    summary: 'API docs (Swagger UI, served offline)',
    tag: 'meta',
    auth: 'none',
    content: 'text/html',
  },
  'GET /docs/assets/:file': {
    summary: 'Docs page assets',
    tag: 'meta',
    auth: 'none',
    content: '*/*',
  },
  'GET /v1/auth/providers': {
    summary: 'Sign-in methods',
    tag: 'auth',
    auth: 'none',
    response: AuthProviders,
  },
  'POST /v1/auth/dev': {
    summary: 'Dev sign-in: trusts the email (only with DEV_SIGN_IN=true)',
    tag: 'auth',
    auth: 'none',
    body: DevSignIn,
    response: SignInResult,
  },
  'POST /v1/auth/oidc': {
    summary: 'Sign in with an OpenID Connect ID token',
    tag: 'auth',
    auth: 'none',
    body: OidcSignIn,
    response: SignInResult,
  },
  'POST /v1/auth/token': {
    summary: 'A member token for one of your workspaces',
    tag: 'auth',
    auth: 'identity',
    body: WorkspaceTokenRequest,
    response: Session,
  },
  'POST /v1/workspaces': {
    summary: 'Create a workspace; you become its admin',
    tag: 'workspaces',
    auth: 'identity',
    body: CreateWorkspace,
    response: Session,
    status: 201,
  },
  'POST /v1/invites/accept': {
    summary: 'Join a workspace with an invite sent to your email',
    tag: 'workspaces',
    auth: 'identity',
    body: AcceptInvite,
    response: Session,
    status: 201,
  },
  'GET /v1/invites': {
    summary: 'Invites (admin)',
    tag: 'workspaces',
    auth: 'member',
    response: z.array(Invite),
  },
  'POST /v1/invites': {
    summary: 'Invite by email with a role (admin); the code is shown once',
    tag: 'workspaces',
    auth: 'member',
    body: CreateInvite,
    response: CreatedInvite,
    status: 201,
  },
  'DELETE /v1/invites/:id': {
    summary: 'Revoke an invite (admin)',
    tag: 'workspaces',
    auth: 'member',
    response: Invite,
  },
  'GET /v1/me': {
    summary: 'This member and workspace',
    tag: 'members',
    auth: 'member',
    response: Me,
  },
  'GET /v1/members': {
    summary: 'Members of the workspace',
    tag: 'members',
    auth: 'member',
    response: z.array(Member),
  },
  'PATCH /v1/members/:id': {
    summary: 'Change a member (admin; yourself: name and availability)',
    tag: 'members',
    auth: 'member',
    body: UpdateMember,
    response: Member,
  },
  'GET /v1/tags': { summary: 'Tags', tag: 'tags', auth: 'member', response: z.array(Tag) },
  'POST /v1/tags': {
    summary: 'Create a tag (lead, admin)',
    tag: 'tags',
    auth: 'member',
    body: CreateTag,
    response: Tag,
    status: 201,
  },
  'PATCH /v1/tags/:id': {
    summary: 'Rename, recolour or archive a tag (lead, admin)',
    tag: 'tags',
    auth: 'member',
    body: UpdateTag,
    response: Tag,
  },
  'DELETE /v1/tags/:id': {
    summary: 'Delete a tag (lead, admin)',
    tag: 'tags',
    auth: 'member',
    response: null,
    status: 204,
  },
  'GET /v1/templates': {
    summary: 'Templates you can see: workspace, team and your personal ones',
    tag: 'templates',
    auth: 'member',
    response: z.array(Template),
  },
  'POST /v1/templates': {
    summary: 'Create a template (personal: anyone; team: lead, admin; workspace: admin)',
    tag: 'templates',
    auth: 'member',
    body: TemplateInput,
    response: Template,
    status: 201,
  },
  'PATCH /v1/templates/:id': {
    summary: 'Edit a template from the revision you saw (409 with the current one if stale)',
    tag: 'templates',
    auth: 'member',
    body: UpdateTemplate,
    response: Template,
  },
  'DELETE /v1/templates/:id': {
    summary: 'Delete a template',
    tag: 'templates',
    auth: 'member',
    response: null,
    status: 204,
  },
  'GET /v1/conversations/:id/events': {
    summary: "A conversation's activity",
    tag: 'sync',
    auth: 'member',
    response: z.array(Event),
  },
  'GET /v1/bootstrap': {
    summary: 'Live records, paged, and the cursor to pull from',
    tag: 'sync',
    auth: 'member',
    query: BootstrapQuery,
    response: BootstrapPage,
  },
  'POST /v1/pull': {
    summary: 'Changes after a cursor',
    tag: 'sync',
    auth: 'member',
    body: PullRequest,
    response: PullResponse,
  },
  'POST /v1/push': {
    summary: 'Apply numbered mutations',
    tag: 'sync',
    auth: 'member',
    body: PushRequest,
    response: PushResponse,
  },
  'POST /v1/live/ticket': {
    summary: 'A single-use ticket (60 s) to open the live socket',
    tag: 'sync',
    auth: 'member',
    response: LiveTicket,
  },
  'GET /v1/live': {
    summary: 'WebSocket: {type:"poke", version} after every write; {type:"ping"} → {type:"pong"}',
    tag: 'sync',
    auth: 'none',
    query: z.object({ ticket: z.string() }),
    status: 101,
  },
};
