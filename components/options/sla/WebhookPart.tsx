import { isOffline } from '../../../lib/options/problems';
import { LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import { useWebhook } from './use-webhook';
import { WebhookForm } from './WebhookForm';
import { WebhookTest } from './WebhookTest';

/** Where breaches are posted (admins only; the API keeps it from others). */
export function WebhookPart() {
  const webhook = useWebhook();
  const retry = () => void webhook.refetch();
  if (webhook.isPending) return <Loading what="the webhook" />;
  if (webhook.isError) {
    return isOffline(webhook.error) ? (
      <OfflineNothingCached what="The breach webhook’s settings" retry={retry} />
    ) : (
      <LoadFailed what="the webhook" error={webhook.error} retry={retry} />
    );
  }
  return (
    <div data-testid="sla-webhook">
      <h3>Breach webhook</h3>
      <p className="muted">
        Each breach is posted as JSON to this URL, signed with the secret in the Sidedesk-Signature
        header, and retried until the receiver accepts it.
      </p>
      <WebhookForm stored={webhook.data} />
      <WebhookTest stored={webhook.data} />
    </div>
  );
}
