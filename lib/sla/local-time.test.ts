import { describe, expect, it } from 'vitest';
import { localOf, offsetAt, parseLocal, resolveLocal } from './local-time';

const HOUR = 3_600_000;
const utc = (text: string) => Date.parse(text);
const resolve = (zone: string, text: string) => {
  const { instant, skipped } = resolveLocal(zone, parseLocal(text));
  return { at: new Date(instant).toISOString(), skipped };
};

describe('offsets', () => {
  it('reads the offset in force at an instant', () => {
    expect(offsetAt('Europe/Berlin', utc('2026-01-15T12:00:00Z'))).toBe(HOUR);
    expect(offsetAt('Europe/Berlin', utc('2026-07-15T12:00:00Z'))).toBe(2 * HOUR);
    expect(offsetAt('America/New_York', utc('2026-01-15T12:00:00Z'))).toBe(-5 * HOUR);
    expect(offsetAt('Asia/Kolkata', utc('2026-01-15T12:00:00.750Z'))).toBe(5.5 * HOUR);
  });

  it('gives the wall time of an instant', () => {
    // 2026-03-29 01:00Z is the Berlin spring-forward instant: 03:00 CEST.
    expect(new Date(localOf('Europe/Berlin', utc('2026-03-29T01:00:00Z'))).toISOString()).toBe(
      '2026-03-29T03:00:00.000Z',
    );
  });
});

describe('wall time to instant (RFC 5545 / java.time)', () => {
  it('reads ordinary times with their one offset', () => {
    expect(resolve('Europe/Berlin', '2026-03-02T09:00')).toEqual({
      at: '2026-03-02T08:00:00.000Z',
      skipped: false,
    });
  });

  it('moves a Berlin spring-forward time forward by the gap', () => {
    // 02:00 CET jumps to 03:00 CEST: 02:30 does not exist and reads as 03:30 CEST (01:30Z).
    expect(resolve('Europe/Berlin', '2026-03-29T02:30')).toEqual({
      at: '2026-03-29T01:30:00.000Z',
      skipped: true,
    });
    expect(resolve('Europe/Berlin', '2026-03-29T01:59').at).toBe('2026-03-29T00:59:00.000Z');
    expect(resolve('Europe/Berlin', '2026-03-29T03:00').at).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of a repeated Berlin fall-back time', () => {
    // 03:00 CEST falls back to 02:00 CET: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(resolve('Europe/Berlin', '2026-10-25T02:30')).toEqual({
      at: '2026-10-25T00:30:00.000Z',
      skipped: false,
    });
    expect(resolve('Europe/Berlin', '2026-10-25T03:00').at).toBe('2026-10-25T02:00:00.000Z');
  });

  it('does the same in New York', () => {
    // Spring: 02:00 EST (07:00Z) jumps to 03:00 EDT; 02:30 reads as 03:30 EDT = 07:30Z.
    expect(resolve('America/New_York', '2026-03-08T02:30')).toEqual({
      at: '2026-03-08T07:30:00.000Z',
      skipped: true,
    });
    // Fall: 02:00 EDT (06:00Z) falls back to 01:00 EST; 01:30 first happens at 05:30Z (EDT).
    expect(resolve('America/New_York', '2026-11-01T01:30')).toEqual({
      at: '2026-11-01T05:30:00.000Z',
      skipped: false,
    });
    expect(resolve('America/New_York', '2026-11-01T02:00').at).toBe('2026-11-01T07:00:00.000Z');
  });

  it('refuses text that is not a local time', () => {
    expect(() => parseLocal('2026-03-29 02:30')).toThrow('not a local time');
    expect(() => parseLocal('2026-02-30T10:00')).toThrow('not a local time');
  });
});
