import type { z } from 'zod';
import { ApiRequestError } from './api-client';
import type { Account } from './auth/account';
import { conversationsWith } from './customer-history';
import type { SidedeskDb } from './db';
import type { Handlers } from './messaging';
import { deleteMeta, getMeta, setMeta } from './meta';
import {
  conversationById,
  conversationByRef,
  conversationsByRefs,
  listQueue,
  notesOf,
} from './queues';
import { ApiError, Incident, Team } from './schema';
import type { MessageError } from './schema/messages';
import { SurveyLink } from './schema/survey';
import { readSessionState } from './session-state';
import type { SyncEngine } from './sync/engine';
import { NotSignedIn } from './sync/outbox';
import { actorOf } from './sync/rules';

/** What the background answers to each message. */
export function createHandlers(db: SidedeskDb, engine: SyncEngine, account: Account): Handlers {
  const state = () => readSessionState(db);
  const signedIn = async () => {
    const session = await getMeta(db, 'session');
    if (!session) throw new NotSignedIn();
    return session;
  };
  return {
    getState: state,
    getProviders: async ({ serverUrl }) => {
      const { devSignIn, providers } = await account.providers(serverUrl);
      return { devSignIn, providers: providers.map(({ id, name }) => ({ id, name })) };
    },
    signIn: async ({ serverUrl, with: method }) => {
      if (method.method === 'dev') await account.signInDev(serverUrl, method.email);
      else await account.signInOidc(serverUrl, method.providerId);
      return state();
    },
    chooseWorkspace: async ({ workspaceId }) => {
      await account.chooseWorkspace(workspaceId);
      return state();
    },
    createWorkspace: async ({ name }) => {
      await account.createWorkspace(name);
      return state();
    },
    acceptInvite: async ({ code }) => {
      await account.acceptInvite(code);
      return state();
    },
    signOut: async () => {
      await account.signOut();
      return state();
    },
    getConversationsByRefs: async ({ refs }) => {
      await signedIn();
      return conversationsByRefs(db, refs);
    },
    getConversation: async ({ by }) => {
      await signedIn();
      return 'id' in by ? conversationById(db, by.id) : conversationByRef(db, by.ref);
    },
    listConversations: async ({ queue, limit }) => {
      const session = await signedIn();
      return listQueue(db, queue, session.member.id, limit);
    },
    listNotes: async ({ conversationId }) => notesOf(db, conversationId, actorOf(await signedIn())),
    listMembers: async () => {
      await signedIn();
      return db.members.orderBy('email').toArray();
    },
    listTags: async () => {
      await signedIn();
      return db.tags.orderBy('name').toArray();
    },
    listTemplates: async () => {
      await signedIn();
      return db.templates.toArray();
    },
    listSlaCalendars: async () => {
      await signedIn();
      const calendars = await db.slaCalendars.toArray();
      return calendars.sort((a, b) => a.name.localeCompare(b.name));
    },
    listSlaPolicies: async () => {
      await signedIn();
      return db.slaPolicies.orderBy('position').toArray();
    },
    createTag: async ({ name, color }) => {
      await signedIn();
      return engine.createTag({ name, color });
    },
    listEvents: async ({ conversationId }) => {
      await signedIn();
      return engine.events(conversationId);
    },
    listCustomerConversations: async ({ email, excludeId, limit }) => {
      await signedIn();
      return conversationsWith(db, email, excludeId, limit);
    },
    getThread: async ({ ref }) => {
      // One transaction: the sidebar waits on this every time a thread opens.
      return db.transaction('r', db.conversations, db.meta, db.outbox, async () => {
        await signedIn();
        const [conversation, session] = await Promise.all([conversationByRef(db, ref), state()]);
        const pending = conversation
          ? await db.outbox.where('conversationId').equals(conversation.id).count()
          : 0;
        return { conversation, session, pending };
      });
    },
    mutate: async ({ name, args }) => engine.mutate(name, args),
    createSurveyLink: async ({ survey }) => {
      await signedIn();
      const { status, body } = await engine.relay({
        method: 'POST',
        path: '/v1/surveys',
        body: survey,
      });
      if (status === 201) return SurveyLink.parse(body);
      const error = ApiError.safeParse(body);
      throw error.success
        ? new ApiRequestError(status, error.data.error.code, error.data.error.message)
        : new ApiRequestError(status, 'http', `POST /v1/surveys answered ${status}`);
    },
    listOpenIncidents: async () => {
      await signedIn();
      return read(engine, '/v1/incidents?state=open', Incident.array());
    },
    listTeams: async () => {
      await signedIn();
      return read(engine, '/v1/teams', Team.array());
    },
    dismissNotices: async () => {
      await deleteMeta(db, 'notices');
      engine.announceSyncState();
      return null;
    },
    dismissPageError: async () => {
      await deleteMeta(db, 'pageError');
      engine.announceSyncState();
      return null;
    },
    relay: async ({ type: _, ...request }) => engine.relay(request),
    reportError: async ({ source, message }) => {
      await setMeta(db, 'pageError', { source, message, at: new Date().toISOString() });
      engine.announceSyncState();
      return null;
    },
  };
}

/** A GET of the API through the worker's token, parsed; a refusal is an ApiRequestError. */
async function read<S extends z.ZodType>(engine: SyncEngine, path: string, schema: S) {
  const { status, body } = await engine.relay({ method: 'GET', path });
  if (status === 200) return schema.parse(body) as z.infer<S>;
  const error = ApiError.safeParse(body);
  throw error.success
    ? new ApiRequestError(status, error.data.error.code, error.data.error.message)
    : new ApiRequestError(status, 'http', `GET ${path} answered ${status}`);
}

/** How a failure reads in a reply: the API's code when it came from the API. */
export function describeError(e: unknown): MessageError {
  if (e instanceof ApiRequestError) return { code: e.code, message: e.message };
  if (e instanceof NotSignedIn) return { code: 'not_signed_in', message: e.message };
  return { code: 'failed', message: e instanceof Error ? e.message : String(e) };
}
