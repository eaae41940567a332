import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationMutation } from '../schema';
import { conversation as record } from '../testing/records';
import { type Actor, applyMutation, type MutationContext } from './apply';

const ANA = '00000000-0000-4000-8000-00000000000a';
const BO = '00000000-0000-4000-8000-00000000000b';
const LEO = '00000000-0000-4000-8000-00000000000c';
const GONE = '00000000-0000-4000-8000-00000000000d';

const agent = (memberId: string): Actor => ({ memberId, role: 'agent' });
const lead: Actor = { memberId: LEO, role: 'lead' };

const ctx: MutationContext = {
  now: '2026-11-28T10:00:00.000Z',
  version: 7,
  isActiveMember: (id) => [ANA, BO, LEO].includes(id),
  tagExists: (name) => name === 'billing',
};

const conversation = (patch: Partial<Conversation> = {}): Conversation =>
  record('c1', {
    key: 'msgid:<a@acme.test>',
    participants: [{ email: 'carol@customer.test', name: 'Carol' }],
    firstMessageAt: '2026-11-27T09:00:00.000Z',
    lastMessageAt: '2026-11-27T09:00:00.000Z',
    ...patch,
  });

const m = <M extends ConversationMutation>(name: M['name'], args: M['args']) =>
  ({ id: 1, name, args, ts: ctx.now }) as M;

const assign = (assigneeId: string, expectedAssigneeId: string | null, force = false) =>
  m('conversation.assign', { conversationId: 'c1', assigneeId, expectedAssigneeId, force });

describe('assignment', () => {
  it('an agent takes an unassigned conversation', () => {
    const r = applyMutation(conversation(), assign(ANA, null), agent(ANA), ctx);
    expect(r.ok && r.applied.conversation.assigneeId).toBe(ANA);
    expect(r.ok && r.applied.conversation.version).toBe(7);
    expect(r.ok && r.applied.event).toEqual({
      type: 'conversation.assigned',
      before: null,
      after: ANA,
    });
  });

  it('taking a conversation someone took meanwhile is a conflict', () => {
    const r = applyMutation(conversation({ assigneeId: BO }), assign(ANA, null), agent(ANA), ctx);
    expect(r).toMatchObject({ ok: false, status: 'conflict' });
  });

  it('an agent cannot assign someone else, nor force', () => {
    expect(applyMutation(conversation(), assign(BO, null), agent(ANA), ctx)).toMatchObject({
      ok: false,
      status: 'forbidden',
    });
    expect(
      applyMutation(conversation({ assigneeId: BO }), assign(ANA, null, true), agent(ANA), ctx),
    ).toMatchObject({ ok: false, status: 'forbidden' });
  });

  it('a lead can force-assign a taken conversation', () => {
    const r = applyMutation(conversation({ assigneeId: BO }), assign(ANA, null, true), lead, ctx);
    expect(r.ok && r.applied.conversation.assigneeId).toBe(ANA);
  });

  it('nobody can assign a member who is not active', () => {
    expect(applyMutation(conversation(), assign(GONE, null), lead, ctx)).toMatchObject({
      ok: false,
      status: 'invalid',
    });
  });

  it('an agent unassigns only themself; a lead unassigns anyone', () => {
    const unassign = m('conversation.unassign', { conversationId: 'c1', expectedAssigneeId: BO });
    const taken = conversation({ assigneeId: BO });
    expect(applyMutation(taken, unassign, agent(ANA), ctx)).toMatchObject({ status: 'forbidden' });
    const r = applyMutation(taken, unassign, lead, ctx);
    expect(r.ok && r.applied.conversation.assigneeId).toBeNull();
  });
});

describe('status, priority, tags and notes', () => {
  it('sets status with its snooze time and records before and after', () => {
    const until = '2026-11-30T09:00:00.000Z';
    const r = applyMutation(
      conversation(),
      m('conversation.setStatus', { conversationId: 'c1', status: 'snoozed', snoozedUntil: until }),
      agent(ANA),
      ctx,
    );
    expect(r.ok && r.applied.conversation).toMatchObject({
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(r.ok && r.applied.event.before).toEqual({ status: 'open', snoozedUntil: null });
  });

  it('agents use existing tags; only leads create new ones', () => {
    const add = (tag: string) => m('conversation.addTag', { conversationId: 'c1', tag });
    const r = applyMutation(conversation(), add('billing'), agent(ANA), ctx);
    expect(r.ok && r.applied.conversation.tags).toEqual(['billing']);
    expect(r.ok && r.applied.createdTag).toBeUndefined();
    expect(applyMutation(conversation(), add('refunds'), agent(ANA), ctx)).toMatchObject({
      status: 'forbidden',
    });
    const created = applyMutation(conversation(), add('refunds'), lead, ctx);
    expect(created.ok && created.applied.createdTag).toBe('refunds');
  });

  it('adding a tag twice keeps one; removing an absent tag is harmless', () => {
    const r = applyMutation(
      conversation({ tags: ['billing'] }),
      m('conversation.addTag', { conversationId: 'c1', tag: 'billing' }),
      agent(ANA),
      ctx,
    );
    expect(r.ok && r.applied.conversation.tags).toEqual(['billing']);
    const removed = applyMutation(
      conversation(),
      m('conversation.removeTag', { conversationId: 'c1', tag: 'vip' }),
      agent(ANA),
      ctx,
    );
    expect(removed.ok && removed.applied.conversation.tags).toEqual([]);
  });

  it('a note is written by the actor and may only mention active members', () => {
    const id = '00000000-0000-4000-8000-0000000000aa';
    const note = (mentions: string[]) =>
      m('note.add', { id, conversationId: 'c1', body: 'Called them', mentions });
    const r = applyMutation(conversation(), note([BO]), agent(ANA), ctx);
    expect(r.ok && r.applied.note).toMatchObject({ id, authorId: ANA, mentions: [BO], version: 7 });
    expect(applyMutation(conversation(), note([GONE]), agent(ANA), ctx)).toMatchObject({
      status: 'invalid',
    });
  });

  it('a change to an unknown conversation is invalid', () => {
    const r = applyMutation(
      null,
      m('conversation.setPriority', { conversationId: 'nope', priority: 'high' }),
      agent(ANA),
      ctx,
    );
    expect(r).toMatchObject({ ok: false, status: 'invalid' });
  });
});

describe('upsert of conversation metadata', () => {
  const meta = {
    key: 'msgid:<a@acme.test>' as const,
    host: 'gmail' as const,
    ref: { host: 'gmail' as const, mailbox: 'bo@acme.test', threadId: '19ff' },
    subject: 'Refund',
    participants: [{ email: 'dan@customer.test', name: null }],
    firstMessageAt: '2026-11-27T08:00:00.000Z',
    lastMessageAt: '2026-11-28T08:00:00.000Z',
  };
  const upsert = m('conversation.upsert', { meta });

  it('creates an open, unassigned conversation under the derived id', () => {
    const r = applyMutation(null, upsert, agent(ANA), ctx, 'cderived');
    expect(r.ok && r.applied.conversation).toMatchObject({
      id: 'cderived',
      status: 'open',
      assigneeId: null,
      refs: [meta.ref],
    });
  });

  it("maps another agent's thread id to the same conversation and widens its times", () => {
    const r = applyMutation(conversation(), upsert, agent(BO), ctx, 'c1');
    expect(r.ok && r.applied.conversation.refs).toHaveLength(2);
    expect(r.ok && r.applied.conversation.participants.map((p) => p.email)).toEqual([
      'carol@customer.test',
      'dan@customer.test',
    ]);
    expect(r.ok && r.applied.conversation.firstMessageAt).toBe('2026-11-27T08:00:00.000Z');
    expect(r.ok && r.applied.conversation.lastMessageAt).toBe('2026-11-28T08:00:00.000Z');
  });

  it('an upsert of what is already known changes nothing', () => {
    const known = conversation({
      refs: [meta.ref],
      participants: meta.participants,
      firstMessageAt: meta.firstMessageAt,
      lastMessageAt: meta.lastMessageAt,
    });
    const r = applyMutation(known, upsert, agent(ANA), ctx, 'c1');
    expect(r.ok && r.applied.noop).toBe(true);
    expect(r.ok && r.applied.conversation).toBe(known);
  });
});

describe('who wrote the newest message', () => {
  const ref = { host: 'gmail' as const, mailbox: 'support@example.com', threadId: 't-c1' };
  const seen = conversation({
    refs: [ref],
    lastMessageAt: '2026-11-28T08:00:00.000Z',
    lastMessageFrom: 'carol@customer.test',
  });
  const page = (lastMessageAt: string, lastMessageFrom?: string | null) =>
    m('conversation.upsert', {
      meta: {
        key: seen.key,
        host: 'gmail',
        ref,
        subject: seen.subject,
        participants: seen.participants,
        firstMessageAt: seen.firstMessageAt,
        lastMessageAt,
        ...(lastMessageFrom !== undefined && { lastMessageFrom }),
      },
    });
  const upserted = (mutation: ReturnType<typeof page>, current = seen) => {
    const r = applyMutation(current, mutation, agent(ANA), ctx, 'c1');
    if (!r.ok) throw new Error(r.message);
    return r.applied;
  };

  it('a newer message takes its sender, unknown when the page does not say', () => {
    expect(upserted(page('2026-11-28T09:00:00.000Z', 'ana@acme.test')).conversation).toMatchObject({
      lastMessageAt: '2026-11-28T09:00:00.000Z',
      lastMessageFrom: 'ana@acme.test',
    });
    expect(upserted(page('2026-11-28T09:00:00.000Z')).conversation.lastMessageFrom).toBeNull();
  });

  it('a list row reports a new message first; opening the thread names its sender', () => {
    const listed = upserted(page('2026-11-28T09:00:00.000Z', null)).conversation;
    const opened = upserted(page('2026-11-28T09:00:00.000Z', 'carol@customer.test'), listed);
    expect(opened.noop).toBeUndefined();
    expect(opened.conversation.lastMessageFrom).toBe('carol@customer.test');
  });

  it('an older or unnamed report of the known message changes nothing', () => {
    expect(upserted(page('2026-11-28T08:00:00.000Z', null)).noop).toBe(true);
    expect(upserted(page('2026-11-28T07:00:00.000Z', 'ana@acme.test')).noop).toBe(true);
  });

  it('an older client that sends no sender still upserts', () => {
    const created = applyMutation(null, page('2026-11-28T09:00:00.000Z'), agent(ANA), ctx, 'c9');
    expect(created.ok && created.applied.conversation).toMatchObject({
      lastMessageFrom: null,
      sla: null,
    });
  });
});

describe('a sent reply', () => {
  const reply = (at: string) => m('conversation.reply', { conversationId: 'c1', at });

  it('any member records it, with the time it was sent', () => {
    const r = applyMutation(conversation(), reply('2026-11-28T09:59:00.000Z'), agent(BO), ctx);
    expect(r.ok && r.applied.event).toEqual({
      type: 'conversation.replied',
      before: null,
      after: { at: '2026-11-28T09:59:00.000Z' },
    });
    expect(r.ok && r.applied.conversation.updatedAt).toBe(ctx.now);
  });

  it('a reply from the future is refused, beyond a sender clock running a little fast', () => {
    expect(
      applyMutation(conversation(), reply('2026-11-28T10:04:00.000Z'), agent(ANA), ctx).ok,
    ).toBe(true);
    expect(
      applyMutation(conversation(), reply('2026-11-28T11:00:00.000Z'), agent(ANA), ctx),
    ).toMatchObject({ ok: false, status: 'invalid' });
  });

  it('needs a known conversation', () => {
    expect(applyMutation(null, reply('2026-11-28T09:00:00.000Z'), agent(ANA), ctx)).toMatchObject({
      ok: false,
      status: 'invalid',
    });
  });
});
