import type { AuthProvider } from '../schema';

export type AuthRequest = { url: string; nonce: string; state: string };

const randomToken = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) =>
    c === '+' ? '-' : c === '/' ? '_' : '',
  );
};

/** An implicit-flow request for an ID token: no client secret lives in the extension. */
export function authorizationRequest(provider: AuthProvider, redirectUri: string): AuthRequest {
  const nonce = randomToken();
  const state = randomToken();
  const url = new URL(provider.authorizationEndpoint);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('response_type', 'id_token');
  url.searchParams.set('scope', 'openid email profile');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('nonce', nonce);
  url.searchParams.set('state', state);
  url.searchParams.set('prompt', 'select_account');
  return { url: url.toString(), nonce, state };
}

/** The ID token from the URL the provider redirected to, once its state is checked. */
export function idTokenFromRedirect(redirectedTo: string, expectedState: string): string {
  const url = new URL(redirectedTo);
  const params = new URLSearchParams(url.hash.replace(/^#/, '') || url.search);
  const error = params.get('error');
  if (error) throw new Error(`sign-in failed: ${params.get('error_description') ?? error}`);
  if (params.get('state') !== expectedState) throw new Error('sign-in failed: state mismatch');
  const idToken = params.get('id_token');
  if (!idToken) throw new Error('sign-in failed: no ID token in the answer');
  return idToken;
}
