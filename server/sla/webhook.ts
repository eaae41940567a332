import { createHmac } from 'node:crypto';
import type {
  AutomationWebhookPayload,
  SlaWebhookPayload,
  SlaWebhookTestResult,
  WeeklyReviewPayload,
} from '../../lib/schema';

/** How deliveries go out; tests pass their own fetch, clock and random source. */
export type WebhookConfig = {
  /** Attempts before a delivery is given up (`failed`). */
  maxAttempts: number;
  /** How long one attempt may take. */
  timeoutMs: number;
  fetch: typeof fetch;
  random: () => number;
};

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with
 * the shared secret and refuses an old `t`, so a captured delivery cannot be replayed.
 */
export function signature(secret: string, at: Date, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** One signed POST. Only a 2xx counts: a redirect is not followed (it may lead anywhere). */
export async function postWebhook(
  config: WebhookConfig,
  target: { url: string; secret: string },
  payload: SlaWebhookPayload | WeeklyReviewPayload | AutomationWebhookPayload,
  now: Date,
): Promise<SlaWebhookTestResult> {
  const body = JSON.stringify(payload);
  try {
    const res = await config.fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'sidedesk-event': payload.type,
        'sidedesk-delivery': payload.id,
        'sidedesk-signature': signature(target.secret, now, body),
      },
      body,
    });
    await res.body?.cancel();
    return res.ok
      ? { delivered: true, status: res.status, error: null }
      : { delivered: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { delivered: false, status: null, error: error.slice(0, 500) };
  }
}
