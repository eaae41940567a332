import { describe, expect, it } from 'vitest';
import type { Tag } from '../../schema';
import { isColour, mergeTargets, openCounts, sortTags, tagNameProblem } from './tags';

const tag = (name: string, archived = false): Tag => ({
  id: `00000000-0000-4000-8000-${name.padStart(12, '0').slice(-12)}`,
  name,
  color: '#6b7280',
  archived,
  version: 1,
});
const vip = tag('vip');
const billing = tag('billing');
const old = tag('old', true);

describe('tags on the options page', () => {
  it('list live tags by name, archived ones last', () => {
    expect(sortTags([old, vip, billing]).map((t) => t.name)).toEqual(['billing', 'vip', 'old']);
  });

  it('refuse names the API refuses or that another tag holds', () => {
    expect(tagNameProblem('  ', [vip])).toMatch(/>=1|least/);
    expect(tagNameProblem('a,b', [vip])).toMatch(/commas/);
    expect(tagNameProblem('vip', [vip, billing])).toBe('A tag named "vip" exists');
    expect(tagNameProblem(' vip ', [vip, billing], vip.id)).toBeNull();
    expect(tagNameProblem('refund', [vip])).toBeNull();
  });

  it('offer every other tag as a merge target, live ones first', () => {
    expect(mergeTargets([old, vip, billing], vip.id).map((t) => t.name)).toEqual([
      'billing',
      'old',
    ]);
  });

  it('read counts by tag id and check colours', () => {
    expect(openCounts([{ tagId: vip.id, name: 'vip', open: 3 }]).get(vip.id)).toBe(3);
    expect(openCounts(undefined).size).toBe(0);
    expect(isColour('#A1b2C3')).toBe(true);
    expect(isColour('red')).toBe(false);
  });
});
