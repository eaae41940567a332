import { describe, expect, it, vi } from 'vitest';
import { conversation } from '../testing/records';
import type { Background } from './background';
import { extrasKey, loadExtras } from './thread-extras';

function fakeBackground(failing: string[] = []) {
  const asked: { type: string }[] = [];
  const send = vi.fn(async (request: { type: string }) => {
    asked.push(request);
    if (failing.includes(request.type)) throw new Error('cannot reach http://127.0.0.1');
    if (request.type === 'listCustomerConversations') return [conversation('other')];
    return [];
  });
  return { asked, background: { send: send as unknown as Background['send'] } };
}

describe("the sidebar's notes, activity and customer history", () => {
  it('reads all three, asking for the customer by address', async () => {
    const bg = fakeBackground();
    const extras = await loadExtras(bg.background, conversation('c1'), 'carla@customer.test');
    expect(extras).toEqual({ notes: [], events: [], history: [conversation('other')] });
    expect(bg.asked).toContainEqual({
      type: 'listCustomerConversations',
      email: 'carla@customer.test',
      excludeId: 'c1',
      limit: 10,
    });
  });

  it('says why the activity log is missing when the server is out of reach, keeping the rest', async () => {
    const bg = fakeBackground(['listEvents']);
    const extras = await loadExtras(bg.background, conversation('c1'), null);
    expect(extras.events).toMatch(/^The activity log needs the Sidedesk server/);
    expect(extras.notes).toEqual([]);
    expect(extras.history).toEqual([]);
    expect(bg.asked.map((r) => r.type)).not.toContain('listCustomerConversations');
  });

  it('reads them again when the conversation, its outbox or the connection changes', () => {
    const c = conversation('c1');
    const key = extrasKey(c, 0, true);
    expect(extrasKey(c, 0, true)).toBe(key);
    expect(extrasKey({ ...c, version: 2 }, 0, true)).not.toBe(key);
    expect(extrasKey(c, 1, true)).not.toBe(key);
    expect(extrasKey(c, 0, false)).not.toBe(key);
  });
});
