import { describe, expect, it } from 'vitest';
import { tag } from '../testing/thread-data';
import { tagIntent } from './tag-intent';

const tags = [tag('billing'), tag('VIP'), tag('old', true)];

describe('typing a tag name', () => {
  it('adds an existing tag, whatever the case typed', () => {
    expect(tagIntent(' vip ', tags, [], false)).toEqual({ kind: 'add', name: 'VIP' });
  });

  it('creates a new tag for leads and admins, and tells agents why not', () => {
    expect(tagIntent('refund', tags, [], true)).toEqual({ kind: 'create', name: 'refund' });
    expect(tagIntent('refund', tags, [], false)).toEqual({
      kind: 'refuse',
      message: 'There is no tag "refund", and only leads and admins create tags.',
    });
  });

  it('refuses archived tags, tags already there, and names the API would refuse', () => {
    expect(tagIntent('old', tags, [], true).kind).toBe('refuse');
    expect(tagIntent('billing', tags, ['billing'], true)).toMatchObject({
      kind: 'refuse',
      message: 'This conversation is already tagged "billing".',
    });
    expect(tagIntent('a,b', tags, [], true).kind).toBe('refuse');
    expect(tagIntent('  ', tags, [], true).kind).toBe('refuse');
  });
});
