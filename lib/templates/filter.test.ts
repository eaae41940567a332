import { describe, expect, it } from 'vitest';
import { Template } from '../schema';
import { bodyText, filterTemplates } from './filter';

let n = 0;
// Parsed, so fields with defaults need not be spelled out here.
const template = (patch: Partial<Template>): Template =>
  Template.parse({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    ownerId: '00000000-0000-4000-8000-00000000000a',
    title: 'Untitled',
    body: '',
    scope: 'team',
    revision: 1,
    usageCount: 0,
    updatedAt: '2026-11-28T10:00:00.000Z',
    version: 1,
    ...patch,
  });

const refund = template({
  title: 'Refund issued',
  shortcut: 'refund',
  folder: 'Billing',
  usageCount: 1,
});
const damaged = template({
  title: 'Damaged item',
  body: '<p>Sorry your order arrived <b>damaged</b> &amp; we will send a replacement.</p>',
  folder: 'Shipping',
  usageCount: 9,
});
const policy = template({ title: 'Our refund policy', body: 'Refunds take 5 days', usageCount: 5 });
const all = [refund, damaged, policy];
const titles = (list: Template[]) => list.map((t) => t.title);

describe('filterTemplates', () => {
  it('with no query lists all, most used first', () => {
    expect(titles(filterTemplates(all, '  '))).toEqual([
      'Damaged item',
      'Our refund policy',
      'Refund issued',
    ]);
  });

  it('puts an exact shortcut, then a title prefix, before other matches', () => {
    expect(titles(filterTemplates(all, 'refund'))).toEqual(['Refund issued', 'Our refund policy']);
    expect(titles(filterTemplates(all, 'Our'))).toEqual(['Our refund policy', 'Damaged item']);
  });

  it('searches folder and body text, every word, any case', () => {
    expect(titles(filterTemplates(all, 'billing'))).toEqual(['Refund issued']);
    expect(titles(filterTemplates(all, 'REPLACEMENT damaged'))).toEqual(['Damaged item']);
    expect(titles(filterTemplates(all, 'damaged & we'))).toEqual(['Damaged item']);
    expect(filterTemplates(all, 'p>')).toEqual([]);
  });
});

describe('bodyText', () => {
  it('drops tags and reads entities', () => {
    expect(bodyText('<p>A&nbsp;<b>b</b></p><p>&lt;c&gt; &amp; &quot;d&quot;</p>')).toBe(
      'A b <c> & "d"',
    );
  });
});
