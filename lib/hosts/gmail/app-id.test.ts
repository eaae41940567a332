import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APP_ID } from './app-id';

// The rule of InboxSDK's is-valid-app-id.ts (InboxSDK/InboxSDK, snapshot of 2026-07-23).
function isValidAppId(appId: string): boolean {
  const m = /^sdk_(.{5,15})_([0-9a-f]{10})$/.exec(appId);
  if (!m?.[1]) return false;
  return createHash('sha1').update(m[1]).digest('hex').slice(0, 10) === m[2];
}

describe('InboxSDK app id', () => {
  it('is accepted by InboxSDK, so Gmail shows no app id warning bar', () => {
    expect(isValidAppId(APP_ID)).toBe(true);
  });

  it('is checked by the same rule as InboxSDK own test cases', () => {
    expect(isValidAppId('sdk_testfoo_2a9c68f994')).toBe(true);
    expect(isValidAppId('sdk_12345678901234_a0c55fdf6b')).toBe(true);
    expect(isValidAppId('sdk_Testfoo_2a9c68f994')).toBe(false);
    expect(isValidAppId('sdk_testfoo_2a9c68f9942')).toBe(false);
    expect(isValidAppId('sdk_abcd_81fe8bfe87')).toBe(false);
  });
});
