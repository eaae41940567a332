import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { send } from '../../lib/messaging';
import { ErrorLine } from './ErrorLine';
import { useSessionAction } from './use-action';

const validUrl = (s: string) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);

export function SignInForm({ initialServerUrl }: { initialServerUrl: string }) {
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [email, setEmail] = useState('');
  const urlId = useId();
  const emailId = useId();
  const providers = useQuery({
    queryKey: ['providers', serverUrl],
    queryFn: () => send({ type: 'getProviders', serverUrl }),
    enabled: validUrl(serverUrl),
    retry: false,
  });
  const signIn = useSessionAction(
    (method: { method: 'dev'; email: string } | { method: 'oidc'; providerId: string }) =>
      send({ type: 'signIn', serverUrl, with: method }),
  );
  const submitDev = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ method: 'dev', email });
  };

  return (
    <section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <label htmlFor={urlId}>Server URL</label>
      <input
        id={urlId}
        type="url"
        value={serverUrl}
        onChange={(e) => setServerUrl(e.target.value.trim())}
        data-testid="server-url-input"
        autoComplete="url"
        required
      />
      {providers.isPending && validUrl(serverUrl) && <p className="muted">Contacting server…</p>}
      <ErrorLine error={providers.error} />
      {providers.error && (
        <button type="button" className="secondary" onClick={() => providers.refetch()}>
          Try again
        </button>
      )}
      {providers.data?.devSignIn && (
        <form onSubmit={submitDev}>
          <label htmlFor={emailId}>Email (development sign-in)</label>
          <input
            id={emailId}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="email-input"
            autoComplete="email"
            required
          />
          <button type="submit" disabled={signIn.isPending} data-testid="dev-sign-in-button">
            Sign in
          </button>
        </form>
      )}
      {providers.data?.providers.map((p) => (
        <button
          key={p.id}
          type="button"
          className="provider"
          disabled={signIn.isPending}
          onClick={() => signIn.mutate({ method: 'oidc', providerId: p.id })}
          data-testid={`provider-button-${p.id}`}
        >
          Sign in with {p.name}
        </button>
      ))}
      <ErrorLine error={signIn.error} />
    </section>
  );
}
