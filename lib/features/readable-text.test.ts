import { describe, expect, it } from 'vitest';
import { readableTextOn } from './readable-text';

describe('text on a tag colour', () => {
  it('is white on dark colours and black on light ones', () => {
    expect(readableTextOn('#000000')).toBe('#ffffff');
    expect(readableTextOn('#3c4043')).toBe('#ffffff');
    expect(readableTextOn('#0b5394')).toBe('#ffffff');
    expect(readableTextOn('#ffffff')).toBe('#000000');
    expect(readableTextOn('#fbbc04')).toBe('#000000');
    expect(readableTextOn('#E3E3E3')).toBe('#000000');
  });
});
