import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, MANIFEST_KEY } from './extension-identity';

describe('extension identity', () => {
  it('the pinned id is the one Chrome derives from the manifest key', () => {
    const der = Buffer.from(MANIFEST_KEY, 'base64');
    const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
    const id = [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
    expect(id).toBe(EXTENSION_ID);
  });
});
