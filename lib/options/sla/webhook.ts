import { SetSlaWebhook, type SlaWebhookTestResult, type SlaWebhookView } from '../../schema';
import { type Checked, issuesOf, plainWords } from './issues';

/** The form: a blank secret keeps the one stored (it is never shown). */
export type WebhookDraft = { url: string; secret: string };

/**
 * The body of `PUT /v1/sla/webhook`: a blank URL turns deliveries off; otherwise the new
 * secret, or none so the API keeps the stored one (a URL needs one stored or typed).
 */
export function webhookBody(stored: SlaWebhookView, draft: WebhookDraft): Checked<SetSlaWebhook> {
  const url = draft.url.trim();
  const secret = draft.secret.trim();
  if (url !== '' && secret === '' && !stored.secretSet) {
    return { value: null, issues: new Map([['secret', 'a webhook needs a secret']]) };
  }
  const body = url === '' ? { url: null } : secret ? { url, secret } : { url };
  const parsed = SetSlaWebhook.safeParse(body, { error: plainWords });
  return parsed.success
    ? { value: parsed.data, issues: new Map() }
    : { value: null, issues: issuesOf(parsed.error) };
}

/** A secret to paste into the receiver: 32 random bytes as hex. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a test delivery did, in a sentence. */
export function deliveryText(result: SlaWebhookTestResult): string {
  if (result.delivered) return `Delivered: the receiver answered ${result.status}.`;
  if (result.status !== null) {
    return `Not delivered: the receiver answered ${result.status}${result.error ? ` (${result.error})` : ''}.`;
  }
  return `Not delivered: ${result.error ?? 'the receiver could not be reached'}.`;
}
