import { describe, expect, it } from 'vitest';
import { authorizationRequest, idTokenFromRedirect } from './oidc';

const provider = {
  id: 'google',
  name: 'Google',
  issuer: 'https://accounts.example.com',
  authorizationEndpoint: 'https://accounts.example.com/authorize?hd=example.com',
  clientId: 'client-1',
};
const redirect = 'https://paoacmceonakckbggjmgbiapdjokogfh.chromiumapp.org/';

describe('OIDC implicit flow', () => {
  it('asks for an ID token with a fresh nonce and state', () => {
    const a = authorizationRequest(provider, redirect);
    const b = authorizationRequest(provider, redirect);
    const q = new URL(a.url).searchParams;
    expect(q.get('hd')).toBe('example.com');
    expect(q.get('response_type')).toBe('id_token');
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('redirect_uri')).toBe(redirect);
    expect(q.get('nonce')).toBe(a.nonce);
    expect(q.get('state')).toBe(a.state);
    expect(a.nonce).not.toBe(b.nonce);
  });

  it('reads the ID token from the fragment and checks the state', () => {
    expect(idTokenFromRedirect(`${redirect}#id_token=abc.def.ghi&state=s1`, 's1')).toBe(
      'abc.def.ghi',
    );
    expect(() => idTokenFromRedirect(`${redirect}#id_token=x&state=other`, 's1')).toThrow(/state/);
    expect(() => idTokenFromRedirect(`${redirect}#error=access_denied&state=s1`, 's1')).toThrow(
      /access_denied/,
    );
  });
});
