import { type FormEvent, useId, useState } from 'react';
import { withRefusal } from '../../../lib/options/sla/issues';
import { newSecret, webhookBody } from '../../../lib/options/sla/webhook';
import type { SlaWebhookView } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { FieldIssue } from './FieldIssue';
import { useSaveWebhook } from './use-webhook';

/** URL and secret. The stored secret is never shown: a blank field keeps it. */
export function WebhookForm({ stored }: { stored: SlaWebhookView }) {
  const id = useId();
  const [url, setUrl] = useState(stored.url ?? '');
  const [secret, setSecret] = useState('');
  // A secret made here is shown, so it can be copied to the receiver before saving.
  const [generated, setGenerated] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useSaveWebhook();
  const checked = webhookBody(stored, { url, secret });
  const issues = withRefusal(attempted ? checked.issues : new Map(), save.error);
  const unchanged = url.trim() === (stored.url ?? '') && secret.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setSaved(false);
    if (!checked.value) return;
    save.mutate(checked.value, {
      onSuccess: () => {
        setSecret('');
        setGenerated(false);
        setAttempted(false);
        setSaved(true);
      },
    });
  };
  const secretHint = stored.secretSet
    ? 'A secret is set and is not shown. Type or generate a new one to replace it.'
    : 'At least 16 characters; the receiver checks each delivery’s signature with it.';
  return (
    <form onSubmit={submit} noValidate data-testid="webhook-form">
      <label htmlFor={`${id}-url`}>URL</label>
      <input
        id={`${id}-url`}
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="https://hooks.example.com/sidedesk"
        aria-invalid={Boolean(issues.get('url'))}
        aria-describedby={`${id}-url-hint${issues.get('url') ? ` ${id}-url-issue` : ''}`}
        data-testid="webhook-url"
      />
      <p className="muted hint" id={`${id}-url-hint`}>
        Leave empty to stop posting breaches.
      </p>
      <FieldIssue id={`${id}-url-issue`} text={issues.get('url')} />
      <label htmlFor={`${id}-secret`}>Secret</label>
      <div className="row">
        <input
          id={`${id}-secret`}
          type={generated ? 'text' : 'password'}
          autoComplete="new-password"
          value={secret}
          onChange={(e) => {
            setSecret(e.target.value);
            setGenerated(false);
          }}
          placeholder={stored.secretSet ? '•••••••• (unchanged)' : ''}
          aria-invalid={Boolean(issues.get('secret'))}
          aria-describedby={`${id}-secret-hint${issues.get('secret') ? ` ${id}-secret-issue` : ''}`}
          data-testid="webhook-secret"
          className="grow"
        />
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSecret(newSecret());
            setGenerated(true);
          }}
        >
          Generate a secret
        </button>
      </div>
      <p className="muted hint" id={`${id}-secret-hint`}>
        {generated ? 'Copy this secret to the receiver, then save.' : secretHint}
      </p>
      <FieldIssue id={`${id}-secret-issue`} text={issues.get('secret')} />
      {issues.size === 0 && <Problem error={save.error} />}
      <div className="row actions-row">
        <button type="submit" disabled={unchanged || save.isPending} data-testid="webhook-save">
          {save.isPending ? 'Saving…' : 'Save webhook'}
        </button>
        <span className="muted" role="status">
          {saved && unchanged ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
