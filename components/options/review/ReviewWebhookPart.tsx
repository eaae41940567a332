import { type FormEvent, useId, useState } from 'react';
import { deliveryText } from '../../../lib/options/sla/webhook';
import { SetReviewWebhook } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { LoadFailed, Loading } from '../common/States';
import { useReviewWebhook, useSaveReviewWebhook, useSendReview } from './use-review';

/** Admins: where the review is posted each Monday, its secret (shown once), and a send now. */
export function ReviewWebhookPart({ week }: { week: string }) {
  const id = useId();
  const webhook = useReviewWebhook();
  const save = useSaveReviewWebhook();
  const send = useSendReview();
  const [url, setUrl] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  if (webhook.isPending) return <Loading what="the review webhook" />;
  if (webhook.isError)
    return (
      <LoadFailed what="the review webhook" error={webhook.error} retry={() => webhook.refetch()} />
    );
  const typed = url ?? webhook.data.url ?? '';
  const parsed = SetReviewWebhook.safeParse({ url: typed.trim() === '' ? null : typed.trim() });
  const submit = (rotateSecret: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    if (!parsed.success) return;
    save.mutate(
      { ...parsed.data, rotateSecret },
      {
        onSuccess: (view) => {
          setSecret(view.secret);
          setUrl(null);
        },
      },
    );
  };
  return (
    <div data-testid="review-webhook">
      <h3>Review webhook</h3>
      <p className="muted">
        Each Monday after 08:00 (report time zone) the last week’s review is posted as JSON to this
        URL, signed in the Sidedesk-Signature header, and retried until the receiver accepts it.
      </p>
      <form onSubmit={submit(false)} noValidate>
        <label htmlFor={`${id}-url`}>URL</label>
        <div className="row">
          <input
            id={`${id}-url`}
            type="url"
            className="grow"
            value={typed}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://hooks.example.com/weekly-review"
            aria-invalid={!parsed.success}
            data-testid="review-webhook-url"
          />
          <button type="submit" disabled={save.isPending || !parsed.success}>
            Save
          </button>
          {webhook.data.secretSet && (
            <button
              type="button"
              className="secondary"
              disabled={save.isPending}
              onClick={() => submit(true)()}
            >
              New secret
            </button>
          )}
        </div>
        {!parsed.success && <p className="error">An http(s) URL, or empty to stop posting.</p>}
        <Problem error={save.error} />
      </form>
      {secret && (
        <p role="status" data-testid="review-webhook-secret">
          The signing secret, shown this once: copy it to the receiver. <code>{secret}</code>
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={webhook.data.url === null || send.isPending}
          onClick={() => send.mutate(week)}
          data-testid="review-send"
        >
          {send.isPending ? 'Sending…' : 'Send to webhook now'}
        </button>
        <span className="muted">
          {webhook.data.url === null ? ' Save a URL first.' : ` Posts this week’s review now.`}
        </span>
      </div>
      <Problem error={send.error} />
      <p role="status" data-testid="review-send-result">
        {send.data && deliveryText(send.data)}
      </p>
    </div>
  );
}
