import { describe, expect, it } from 'vitest';
import type { Conversation, Member, PresenceEntry } from '../schema';
import { type CollisionInput, collisionWarning } from './collision';

const member = (id: string, name: string, email: string): Member => ({
  id,
  name,
  email,
  role: 'agent',
  status: 'active',
  availability: 'available',
  capacity: null,
  skills: [],
  calendarId: null,
  version: 1,
});
const ANA = member('00000000-0000-4000-8000-00000000000a', 'Ana Agent', 'ana@acme.test');
const BEN = member('00000000-0000-4000-8000-00000000000b', 'Ben Agent', 'ben@acme.test');
const OPENED_AT = '2026-11-29T10:00:00.000Z';

const conversation = (lastMessageFrom: string, lastMessageAt: string) =>
  ({ id: 'c1', lastMessageFrom, lastMessageAt }) as Conversation;
const replying = (memberId: string): PresenceEntry => ({
  conversationId: 'c1',
  memberId,
  state: 'replying',
  expiresAt: '2026-11-29T10:00:30.000Z',
});
const input = (over: Partial<CollisionInput>): CollisionInput => ({
  reply: { lastMessageAt: OPENED_AT, held: false },
  others: [],
  conversation: conversation('maria@customer.test', OPENED_AT),
  members: [ANA, BEN],
  me: ANA,
  mailbox: 'ana@acme.test',
  ...over,
});

describe('collision warning', () => {
  it('says nothing without a draft of mine, or when nothing collides', () => {
    expect(collisionWarning(input({ reply: null, others: [replying(BEN.id)] }))).toBeNull();
    expect(collisionWarning(input({}))).toBeNull();
    expect(
      collisionWarning(input({ others: [{ ...replying(BEN.id), state: 'viewing' }] })),
    ).toBeNull();
  });

  it('warns while another member is replying', () => {
    expect(collisionWarning(input({ others: [replying(BEN.id)] }))).toBe(
      'Ben Agent is replying to this conversation too.',
    );
  });

  it('warns when a teammate’s reply landed after my draft opened, not before, nor mine', () => {
    const later = '2026-11-29T10:02:00.000Z';
    expect(collisionWarning(input({ conversation: conversation('ben@acme.test', later) }))).toBe(
      'Ben Agent replied since you started writing.',
    );
    expect(
      collisionWarning(input({ conversation: conversation('ben@acme.test', OPENED_AT) })),
    ).toBeNull();
    expect(
      collisionWarning(input({ conversation: conversation('ana@acme.test', later) })),
    ).toBeNull();
    expect(
      collisionWarning(input({ conversation: conversation('maria@customer.test', later) })),
    ).toBeNull();
  });

  it('tells that the send was held', () => {
    const reply = { lastMessageAt: OPENED_AT, held: true };
    expect(collisionWarning(input({ reply, others: [replying(BEN.id)] }))).toBe(
      'Ben Agent is replying to this conversation too. Your send was held: send again to send anyway.',
    );
  });
});
