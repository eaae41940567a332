import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cameOverHttps, clientAddress } from './client';

/** An app that answers with what it makes of the request. */
const appSeeing = (trustProxy: boolean) =>
  new Hono().get('/', (c) =>
    c.json({
      address: clientAddress(c, { trustProxy, peerAddress: () => '192.0.2.7' }) ?? null,
      https: cameOverHttps(c, { trustProxy }),
    }),
  );

const seen = async (trustProxy: boolean, url: string, headers: Record<string, string> = {}) =>
  (await appSeeing(trustProxy).request(url, { headers })).json();

describe('the client behind a request', () => {
  it('is the peer, whatever the forwarding headers say, unless a proxy is trusted', async () => {
    const forwarded = { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'https' };
    expect(await seen(false, 'http://api.test/', forwarded)).toEqual({
      address: '192.0.2.7',
      https: false,
    });
    expect(await seen(false, 'https://api.test/')).toEqual({ address: '192.0.2.7', https: true });
  });

  it('behind a trusted proxy, is the first forwarded hop and scheme', async () => {
    const forwarded = {
      'x-forwarded-for': ' 198.51.100.1 , 10.0.0.2',
      'x-forwarded-proto': 'HTTPS, http',
    };
    expect(await seen(true, 'http://api.test/', forwarded)).toEqual({
      address: '198.51.100.1',
      https: true,
    });
    expect(await seen(true, 'https://api.test/', { 'x-forwarded-proto': 'http' })).toEqual({
      address: '192.0.2.7',
      https: false,
    });
    expect(await seen(true, 'http://api.test/', { 'x-forwarded-for': ' , ' })).toMatchObject({
      address: '192.0.2.7',
    });
  });
});
