import { conversationIdFor } from '../../../lib/conversation-id';
import type { Role, Session, SignInResult } from '../../../lib/schema';
import { ApiClient, meta, SyncClient } from './api-client';

export type SeededMember = {
  email: string;
  role: Role;
  session: Session;
  /** HTTP client carrying this member's token. */
  api: ApiClient;
  /** A sync client of this member (its own client id), for pushes from "another browser". */
  sync: SyncClient;
};

export type SeededWorkspace = {
  workspaceId: string;
  workspaceName: string;
  admin: SeededMember;
  lead: SeededMember;
  agent: SeededMember;
  /** Conversation ids, created by the admin, all open and unassigned. */
  conversationIds: string[];
};

/** How the seed proves who someone is: dev sign-in unless the test says otherwise. */
export type SignIn = (api: ApiClient, email: string, name: string) => Promise<SignInResult>;

export type SeedOptions = {
  name?: string;
  conversations?: number;
  /** Fixed addresses (default: unique ones per run). */
  emails?: Partial<Record<'admin' | 'lead' | 'agent', string>>;
  signIn?: SignIn;
};

const devSignIn: SignIn = (api, email, name) => api.devSignIn(email, name);

/**
 * A workspace built through the public API as people would: the admin creates it, invites
 * a lead and an agent, who accept; the admin records a few conversations.
 */
export async function seedWorkspace(
  baseUrl: string,
  { name = 'Acme Support', conversations = 3, emails = {}, signIn = devSignIn }: SeedOptions = {},
): Promise<SeededWorkspace> {
  const anonymous = new ApiClient(baseUrl);
  const suffix = Math.random().toString(36).slice(2, 8);
  const defaults = {
    admin: `ada-${suffix}@acme.test`,
    lead: `leo-${suffix}@acme.test`,
    agent: `ana-${suffix}@acme.test`,
  };
  const email = (who: 'admin' | 'lead' | 'agent') => emails[who] ?? defaults[who];

  const adminIdentity = await signIn(anonymous, email('admin'), 'Ada Admin');
  const adminSession = await anonymous.withToken(adminIdentity.identityToken).createWorkspace(name);
  const adminApi = anonymous.withToken(adminSession.token);
  const member = (role: Role, session: Session, api: ApiClient): SeededMember => ({
    email: session.member.email,
    role,
    session,
    api,
    sync: new SyncClient(api),
  });

  const join = async (who: 'lead' | 'agent', displayName: string, role: Role) => {
    const invite = await adminApi.invite(email(who), role);
    const identity = await signIn(anonymous, email(who), displayName);
    const session = await anonymous.withToken(identity.identityToken).acceptInvite(invite.code);
    return member(role, session, anonymous.withToken(session.token));
  };

  const admin = member('admin', adminSession, adminApi);
  const lead = await join('lead', 'Leo Lead', 'lead');
  const agent = await join('agent', 'Ana Agent', 'agent');

  const conversationIds: string[] = [];
  for (let n = 1; n <= conversations; n++) {
    const m = meta(`Order #${1000 + n} has not arrived`, 'support@acme.test', n);
    await admin.sync.mutate('conversation.upsert', { meta: m });
    conversationIds.push(await conversationIdFor(m.key));
  }
  return {
    workspaceId: adminSession.workspace.id,
    workspaceName: name,
    admin,
    lead,
    agent,
    conversationIds,
  };
}
