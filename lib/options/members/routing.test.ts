import { describe, expect, it } from 'vitest';
import { parseSkills, routingWords } from './routing';

describe('a member’s routing fields', () => {
  it('reads skills as a list of tags, each once', () => {
    expect(parseSkills(' billing, refunds,billing ,')).toEqual({
      ok: true,
      value: ['billing', 'refunds'],
    });
    expect(parseSkills('')).toEqual({ ok: true, value: [] });
    expect(parseSkills('x'.repeat(61)).ok).toBe(false);
  });

  it('reads as one line for those who cannot change it', () => {
    const calendars = [{ id: 'c', name: 'Berlin office' }];
    expect(routingWords({ skills: ['billing'], calendarId: 'c' }, calendars)).toBe(
      'billing · Berlin office hours',
    );
    expect(routingWords({ skills: [], calendarId: null }, calendars)).toBe(
      'No skills · always working',
    );
  });
});
