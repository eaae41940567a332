import { describe, expect, it } from 'vitest';
import { ago } from './relative-time';

const now = Date.parse('2026-11-20T10:00:00.000Z');
const earlier = (ms: number) => new Date(now - ms).toISOString();

describe('relative time', () => {
  it('reads as a person says it', () => {
    expect(ago(earlier(3_000), now)).toBe('just now');
    expect(ago(earlier(42_000), now)).toBe('42 s ago');
    expect(ago(earlier(2 * 60_000), now)).toBe('2 min ago');
    expect(ago(earlier(5 * 3_600_000), now)).toBe('5 h ago');
    expect(ago(earlier(3 * 86_400_000), now)).toBe('3 d ago');
  });

  it('treats a clock slightly ahead as now', () => {
    expect(ago(earlier(-5_000), now)).toBe('just now');
  });
});
