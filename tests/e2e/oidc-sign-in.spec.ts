import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import type { SignIn } from './harness/seed';
import { seedWorkspace } from './harness/seed';

test('a lead signs in through the popup with OpenID Connect (chrome.identity.launchWebAuthFlow)', async ({
  extension,
  api,
  oidcIssuer,
  network,
}) => {
  // The seed signs people in with ID tokens from the same issuer, as their own browsers would.
  const signIn: SignIn = async (client, email, name) => {
    const nonce = randomUUID();
    return client.oidcSignIn(await oidcIssuer.signIdToken({ email, name, nonce }), nonce);
  };
  const workspace = await seedWorkspace(api.url, {
    name: 'Acme OIDC',
    emails: { lead: oidcIssuer.user.email },
    signIn,
  });

  const calls: string[] = [];
  await extension.context.route(`${api.url}/v1/auth/**`, (route) => {
    calls.push(new URL(route.request().url()).pathname);
    return route.fallback();
  });

  const popup = await extension.openPopup();
  await popup.setServerUrl(api.url);
  await popup.providerButton(oidcIssuer.provider.id).click();

  // The background ran launchWebAuthFlow against the issuer's /authorize, which redirected
  // to https://<extension id>.chromiumapp.org/#id_token=…; the API verified that token,
  // signed by the issuer's key and bound to the nonce the extension chose. The extension
  // never used dev sign-in.
  await popup.expectSignedIn({ workspace: 'Acme OIDC', role: 'lead' });
  await popup.expectInSync({ pending: 0 });
  expect(calls).toContain('/v1/auth/oidc');
  expect(calls).not.toContain('/v1/auth/dev');

  const state = await popup.state();
  expect(state.identity?.email).toBe(oidcIssuer.user.email);
  expect(state.member?.id).toBe(workspace.lead.session.member.id);
  // The auth window never reached an outside host (chromiumapp.org is caught by Chrome).
  expect(network.blocked).toEqual([]);
});
