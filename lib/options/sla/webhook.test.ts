import { describe, expect, it } from 'vitest';
import { deliveryText, newSecret, webhookBody } from './webhook';

const stored = { url: 'https://hooks.acme.com/sla', secretSet: true };
const off = { url: null, secretSet: false };

describe('the breach webhook form', () => {
  it('keeps the stored secret (leaves it out) unless a new one is typed', () => {
    expect(webhookBody(stored, { url: 'https://hooks.acme.com/v2', secret: '' }).value).toEqual({
      url: 'https://hooks.acme.com/v2',
    });
    const fresh = 'a-brand-new-secret-value';
    expect(webhookBody(stored, { url: stored.url, secret: ` ${fresh} ` }).value).toEqual({
      url: stored.url,
      secret: fresh,
    });
  });

  it('turns deliveries off with a blank URL', () => {
    expect(webhookBody(stored, { url: ' ', secret: '' }).value).toEqual({ url: null });
  });

  it('says what the schema refuses', () => {
    expect(
      Object.fromEntries(webhookBody(off, { url: 'https://x.test/h', secret: '' }).issues),
    ).toEqual({
      secret: 'a webhook needs a secret',
    });
    expect(
      Object.fromEntries(webhookBody(off, { url: 'ftp://x.test', secret: 'short' }).issues),
    ).toEqual({
      url: 'an http(s) URL',
      secret: 'At least 16 characters',
    });
  });

  it('makes long random secrets', () => {
    const a = newSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newSecret()).not.toBe(a);
  });

  it('tells what a test delivery did', () => {
    expect(deliveryText({ delivered: true, status: 204, error: null })).toBe(
      'Delivered: the receiver answered 204.',
    );
    expect(deliveryText({ delivered: false, status: 500, error: null })).toBe(
      'Not delivered: the receiver answered 500.',
    );
    expect(deliveryText({ delivered: false, status: null, error: 'connect ECONNREFUSED' })).toBe(
      'Not delivered: connect ECONNREFUSED.',
    );
  });
});
