import { describe, expect, it } from 'vitest';
import { parseMailbox, parseRetention, settingsPatch } from './settings';

describe('workspace settings on the options page', () => {
  it('add a mailbox only when it is a new valid address', () => {
    expect(parseMailbox(' Support@Acme.test ', [])).toEqual({
      ok: true,
      value: 'support@acme.test',
    });
    expect(parseMailbox('support@acme.test', ['support@acme.test'])).toEqual({
      ok: false,
      message: 'support@acme.test is listed already',
    });
    expect(parseMailbox('support', []).ok).toBe(false);
  });

  it('keep data forever or for at least 30 days', () => {
    expect(parseRetention(true, 'x')).toEqual({ ok: true, value: null });
    expect(parseRetention(false, '30')).toEqual({ ok: true, value: 30 });
    expect(parseRetention(false, '29')).toEqual({ ok: false, message: 'From 30 to 36500 days' });
    expect(parseRetention(false, '')).toEqual({ ok: false, message: 'A whole number of days' });
    expect(parseRetention(false, '45.5').ok).toBe(false);
  });

  it('send only what changed', () => {
    const before = { name: 'Acme', mailboxes: ['a@acme.test'], retentionDays: null };
    expect(settingsPatch(before, { ...before, name: ' Acme ' })).toBeNull();
    expect(settingsPatch(before, { name: 'Acme EU', mailboxes: [], retentionDays: 90 })).toEqual({
      name: 'Acme EU',
      mailboxes: [],
      retentionDays: 90,
    });
  });
});
