import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type DiffPart, diffLines, diffWords } from './diff';

const side = (parts: DiffPart[], drop: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

describe('word and line diff', () => {
  it('marks the changed words only', () => {
    expect(diffWords('<p>Hi Maria, thanks</p>', '<p>Hello Maria, thanks!</p>')).toEqual([
      { kind: 'same', text: '<p>' },
      { kind: 'removed', text: 'Hi' },
      { kind: 'added', text: 'Hello' },
      { kind: 'same', text: ' Maria, ' },
      { kind: 'removed', text: 'thanks' },
      { kind: 'added', text: 'thanks!' },
      { kind: 'same', text: '</p>' },
    ]);
  });

  it('treats tags as words', () => {
    expect(diffWords('a <b>b</b>', 'a b')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: '<b>' },
      { kind: 'same', text: 'b' },
      { kind: 'removed', text: '</b>' },
    ]);
  });

  it('diffs lines', () => {
    expect(diffLines('one\ntwo\nthree', 'one\n2\nthree')).toEqual([
      { kind: 'same', text: 'one\n' },
      { kind: 'removed', text: 'two\n' },
      { kind: 'added', text: '2\n' },
      { kind: 'same', text: 'three' },
    ]);
  });

  it('says nothing changed for equal texts', () => {
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  test.prop([fc.string(), fc.string()])('gives both sides back', (a, b) => {
    const parts = diffWords(a, b);
    expect(side(parts, 'added')).toBe(a);
    expect(side(parts, 'removed')).toBe(b);
  });

  it('stays quick on long bodies', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' ');
    const started = performance.now();
    const parts = diffWords(long, long.replace('w10000', 'changed'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parts.filter((p) => p.kind !== 'same')).toHaveLength(2);
  });
});
