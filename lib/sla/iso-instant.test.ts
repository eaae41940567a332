import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isoInstant, parseIsoInstant } from './iso-instant';

describe('isoInstant', () => {
  test.prop([fc.integer({ min: -30_610_224_000_000, max: 253_402_300_799_999 })])(
    'formats every four-digit-year instant as toISOString does',
    (instant) => {
      expect(isoInstant(instant)).toBe(new Date(instant).toISOString());
    },
  );

  it('formats the edges: leap days, year ends, the epoch, and what it hands on', () => {
    for (const text of [
      '2024-02-29T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '2000-02-29T12:00:00.001Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(isoInstant(Date.parse(text))).toBe(text);
    }
    for (const instant of [-30_610_224_000_001, 253_402_300_800_000, 1.5]) {
      expect(isoInstant(instant)).toBe(new Date(instant).toISOString());
    }
  });

  test.prop([fc.integer({ min: -30_610_224_000_000, max: 253_402_300_799_999 })])(
    'reads back what it writes, as Date.parse does',
    (instant) => {
      const text = isoInstant(instant);
      expect(parseIsoInstant(text)).toBe(instant);
      expect(parseIsoInstant(text)).toBe(Date.parse(text));
    },
  );

  it('hands every other form to Date.parse, impossible dates included', () => {
    for (const text of [
      '2026-11-12T14:30:00Z',
      '2026-11-12T15:30:00.000+01:00',
      '2026-02-29T00:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-11-12T24:00:00.000Z',
      '2026-11-1xT14:30:00.000Z',
      '0999-12-31T23:59:59.999Z',
      'not an instant at all!!!',
    ]) {
      expect(Object.is(parseIsoInstant(text), Date.parse(text))).toBe(true);
    }
  });
});
