import { z } from 'zod';
import { Email, Id, Role } from './common';
import { TagName } from './conversation-fields';
import { Invite, Member, Workspace } from './workspace';

export const DevSignIn = z.object({
  email: Email,
  name: z.string().trim().min(1).max(120).optional(),
});

export const OidcSignIn = z.object({
  idToken: z.string().min(10).max(16_000),
  /** The nonce the client put in the authorization request. */
  nonce: z.string().min(8).max(200),
});

export const Membership = z.object({
  workspaceId: Id,
  workspaceName: z.string(),
  memberId: Id,
  role: Role,
});

export const PendingInvite = z.object({
  code: z.string(),
  workspaceName: z.string(),
  role: Role,
});

/** A verified person, before choosing a workspace. */
export const SignInResult = z.object({
  identityToken: z.string(),
  email: Email,
  name: z.string(),
  memberships: z.array(Membership),
  invites: z.array(PendingInvite),
});
export type SignInResult = z.infer<typeof SignInResult>;

export const WorkspaceTokenRequest = z.object({ workspaceId: Id });

/** A session in one workspace: every workspace-scoped route needs this token. */
export const Session = z.object({
  token: z.string(),
  expiresAt: z.string(),
  workspace: Workspace,
  member: Member,
});
export type Session = z.infer<typeof Session>;

export const CreateWorkspace = z.object({ name: z.string().trim().min(1).max(120) });
export const CreateInvite = z.object({ email: Email, role: Role });
export const AcceptInvite = z.object({ code: z.string().min(10).max(200) });

export const AuthProvider = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.url(),
  authorizationEndpoint: z.url(),
  clientId: z.string(),
});
export type AuthProvider = z.infer<typeof AuthProvider>;

export const AuthProviders = z.object({
  devSignIn: z.boolean(),
  providers: z.array(AuthProvider),
});
export type AuthProviders = z.infer<typeof AuthProviders>;

export const UpdateMember = z
  .object({
    name: z.string().trim().min(1).max(120),
    role: Role,
    status: z.enum(['active', 'deactivated']),
    availability: z.enum(['available', 'away']),
    capacity: z.number().int().positive().max(10_000).nullable(),
    skills: z
      .array(TagName)
      .max(50)
      .transform((tags) => [...new Set(tags)]),
    calendarId: Id.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** `POST /v1/invites`: the code is shown once, to the admin, to pass on to the invitee. */
export const CreatedInvite = z.object({ invite: Invite, code: z.string() });
export type CreatedInvite = z.infer<typeof CreatedInvite>;

/** `GET /v1/me`: who this token is, in which workspace. */
export const Me = z.object({ workspace: Workspace, member: Member });
export type Me = z.infer<typeof Me>;
