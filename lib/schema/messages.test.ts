import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXTENSION_PAGES_ONLY } from '../messaging';
import { ChangeNotice, type RequestType, ResponseData } from './messages';
import { PresenceUpdate } from './presence-port';
import { TabReply } from './tab-messages';

const SECRET = /token|secret|password|api_?key|authorization|credential/i;

/** Every property name anywhere in a schema, nested objects and arrays included. */
function propertyNames(schema: z.ZodType): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object')
        names.push(...Object.keys(value));
      walk(value);
    }
  };
  walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }));
  return names;
}

describe('what a mail page can receive from the background', () => {
  const fromMailPages = (Object.keys(ResponseData) as RequestType[]).filter(
    (type) => !EXTENSION_PAGES_ONLY.has(type),
  );

  it('covers most requests (sign-in and the relay are extension pages only)', () => {
    expect(fromMailPages.length).toBeGreaterThan(20);
    expect(fromMailPages).not.toContain('relay');
    expect(fromMailPages).not.toContain('signIn');
  });

  it.each(fromMailPages)('%s answers without tokens or secrets', (type) => {
    expect(propertyNames(ResponseData[type] as z.ZodType).filter((n) => SECRET.test(n))).toEqual(
      [],
    );
  });

  it.each([
    ['change notices', ChangeNotice],
    ['presence updates', PresenceUpdate],
    ['tab replies', TabReply],
  ] as const)('%s carry no tokens or secrets', (_, schema) => {
    expect(propertyNames(schema).filter((n) => SECRET.test(n))).toEqual([]);
  });

  it('the check sees a token where there is one', () => {
    const leaky = z.object({ session: z.object({ accessToken: z.string() }) });
    expect(propertyNames(leaky)).toContain('accessToken');
  });
});
