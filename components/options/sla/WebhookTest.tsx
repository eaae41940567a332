import { deliveryText } from '../../../lib/options/sla/webhook';
import type { SlaWebhookView } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useTestWebhook } from './use-webhook';

/** One signed `sla.test` delivery to the saved URL, and what the receiver said. */
export function WebhookTest({ stored }: { stored: SlaWebhookView }) {
  const test = useTestWebhook();
  return (
    <div className="webhook-test">
      <button
        type="button"
        className="secondary"
        disabled={stored.url === null || test.isPending}
        onClick={() => test.mutate()}
        data-testid="webhook-test"
      >
        {test.isPending ? 'Sending…' : 'Send a test'}
      </button>
      <span className="muted">
        {stored.url === null ? ' Save a URL first.' : ` Posts to ${stored.url} as saved.`}
      </span>
      <Problem error={test.error} />
      <p role="status" data-testid="webhook-test-result">
        {test.data && deliveryText(test.data)}
      </p>
    </div>
  );
}
