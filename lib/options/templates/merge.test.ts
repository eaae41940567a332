import { describe, expect, it } from 'vitest';
import { template } from '../../testing/records';
import { contentOf, normalised, patchOf } from './draft';
import { defaultChoices, merged, mergeFields } from './merge';

const base = contentOf(template({ title: 'Refund', body: '<p>v1</p>', tags: ['billing'] }));

describe('stale edit merge', () => {
  const mine = { ...base, title: 'Refund (mine)', tags: ['billing', 'vip'] };
  const theirs = { ...base, title: 'Refund (theirs)', body: '<p>v2</p>' };

  it('lists the differing fields with who changed them', () => {
    expect(mergeFields(base, mine, theirs)).toEqual([
      { field: 'title', mineChanged: true, theirsChanged: true },
      { field: 'body', mineChanged: false, theirsChanged: true },
      { field: 'tags', mineChanged: true, theirsChanged: false },
    ]);
  });

  it('keeps what only one side changed and lets each field be chosen', () => {
    const fields = mergeFields(base, mine, theirs);
    const choices = defaultChoices(fields);
    expect(choices).toEqual({ title: 'mine', body: 'theirs', tags: 'mine' });
    expect(merged(mine, theirs, choices)).toEqual({
      ...base,
      title: 'Refund (mine)',
      body: '<p>v2</p>',
      tags: ['billing', 'vip'],
    });
    expect(merged(mine, theirs, { ...choices, title: 'theirs' }).title).toBe('Refund (theirs)');
    expect(merged(mine, theirs, {})).toEqual(theirs);
  });
});

describe('drafts', () => {
  it('patch only what changed, from the revision seen', () => {
    expect(patchOf(base, { ...base, folder: null, instruction: 'Be brief' }, 3)).toEqual({
      revision: 3,
      folder: null,
      instruction: 'Be brief',
    });
  });

  it('store blanks as null and drop the team outside team scope', () => {
    const draft = { ...base, title: ' T ', folder: ' ', shortcut: '', teamId: 'x' };
    expect(normalised(draft)).toMatchObject({
      title: 'T',
      folder: null,
      shortcut: null,
      teamId: null,
    });
  });
});
