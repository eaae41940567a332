import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/records';
import { ana, ben, tag } from '../testing/thread-data';
import { chipsFor, concerns } from './row-chips';

const texts = (chips: { text: string }[]) => chips.map((c) => c.text);

describe('row chips', () => {
  it('show the assignee’s initials and the status', () => {
    const taken = conversation('c1', { assigneeId: ana.id, status: 'pending' });
    expect(texts(chipsFor(taken, [ana, ben]))).toEqual(['AS', 'pending']);
  });

  it('show only the status while nobody holds the conversation', () => {
    expect(texts(chipsFor(conversation('c1'), [ana]))).toEqual(['open']);
  });

  it('show the tags in their colours, and count those past three', () => {
    const billing = { ...tag('billing'), color: '#fbbc04' };
    const tagged = conversation('c1', { tags: ['billing', 'vip', 'refund', 'bug', 'urgent'] });
    const chips = chipsFor(tagged, [ana], [billing]);
    expect(texts(chips)).toEqual(['open', 'billing', 'vip', 'refund', '+2']);
    expect(chips[1]).toEqual({ text: 'billing', background: '#fbbc04', foreground: '#000000' });
    expect(chips[2]).toMatchObject({ text: 'vip', background: '#6b7280' });
  });

  it('show nothing for a thread Sidedesk does not know', () => {
    expect(chipsFor(null, [ana])).toEqual([]);
  });

  it('are looked up again only when a change may concern the row', () => {
    const notice = (
      ids: string[],
      tables: ('conversations' | 'members' | 'tags' | 'sync')[] = [],
    ) => ({
      type: 'changed' as const,
      conversationIds: ids,
      tables,
    });
    expect(concerns(notice(['c1']), 'c1')).toBe(true);
    expect(concerns(notice(['c2']), 'c1')).toBe(false);
    expect(concerns(notice(['c2']), null)).toBe(true);
    expect(concerns(notice([], ['members']), 'c1')).toBe(true);
    expect(concerns(notice([], ['tags']), 'c1')).toBe(true);
    expect(concerns(notice([], ['sync']), 'c1')).toBe(false);
  });
});
