import { describe, expect, it } from 'vitest';
import { template } from '../../testing/records';
import { buildTemplateIndex, groupByFolder, searchTemplates, updateTemplateIndex } from './search';

const list = [
  template({ id: 'a', title: 'Refund approved', folder: 'Billing', shortcut: 'refund' }),
  template({
    id: 'b',
    title: 'Password reset',
    body: '<p>Use the <b>reset</b> link&nbsp;we sent</p>',
    folder: 'Account',
    shortcut: 'pwreset',
    tags: ['login'],
  }),
  template({
    id: 'c',
    title: 'Shipping delay',
    body: '<p>Your parcel is late</p>',
    folder: null,
    shortcut: null,
  }),
];
const index = buildTemplateIndex(list);
const ids = (q: string) => searchTemplates(index, list, q).map((t) => t.id);

describe('template search', () => {
  it('finds by title, stripped body, shortcut, folder and tag', () => {
    expect(ids('refund')).toEqual(['a']);
    expect(ids('link we sent')).toEqual(['b']);
    expect(ids('pwreset')).toEqual(['b']);
    expect(ids('billing')).toEqual(['a']);
    expect(ids('login')).toEqual(['b']);
  });

  it('matches prefixes and every word, and never markup', () => {
    expect(ids('pass')).toEqual(['b']);
    expect(ids('parcel late')).toEqual(['c']);
    expect(ids('parcel refund')).toEqual([]);
    expect(ids('nbsp')).toEqual([]);
  });

  it('forgives a typo in a longer word when nothing matches as typed', () => {
    expect(ids('shiping')).toEqual(['c']);
  });

  it('follows a changed list without a rebuild', () => {
    const own = buildTemplateIndex(list);
    const after = [
      list[0]!,
      { ...list[1]!, title: 'Passphrase renewal' },
      template({ id: 'd', title: 'Warranty claim', shortcut: null }),
    ];
    updateTemplateIndex(own, list, after);
    const find = (q: string) => searchTemplates(own, after, q).map((t) => t.id);
    expect(find('warranty')).toEqual(['d']);
    expect(find('passphrase')).toEqual(['b']);
    expect(find('password')).toEqual([]);
    expect(find('parcel')).toEqual([]);
    expect(find('refund').sort()).toEqual(['a', 'd']);
  });

  it('lists everything for an empty query', () => {
    expect(ids('  ')).toEqual(['a', 'b', 'c']);
  });

  it('groups by folder, those without one last', () => {
    expect(groupByFolder(list).map((g) => [g.folder, g.templates.map((t) => t.id)])).toEqual([
      ['Account', ['b']],
      ['Billing', ['a']],
      [null, ['c']],
    ]);
  });
});
