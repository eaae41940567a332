import { useMutation, useQuery } from '@tanstack/react-query';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { type SetSlaWebhook, SlaWebhookTestResult, SlaWebhookView } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useOptimistic } from '../common/use-optimistic';

/** Admins only, from the API only: the cache keeps no webhook; its secret never leaves the API. */
export const useWebhook = () =>
  useQuery({
    queryKey: optionsKeys.slaWebhook,
    queryFn: () => relay('GET', '/v1/sla/webhook', SlaWebhookView),
    retry: shouldRetry,
  });

export const useSaveWebhook = () =>
  useOptimistic({
    key: optionsKeys.slaWebhook,
    run: (webhook: SetSlaWebhook) => relay('PUT', '/v1/sla/webhook', SlaWebhookView, webhook),
    optimistic: (stored: SlaWebhookView | undefined, webhook: SetSlaWebhook) => ({
      url: webhook.url,
      secretSet: webhook.url !== null && (Boolean(webhook.secret) || Boolean(stored?.secretSet)),
    }),
  });

/** One signed delivery to the saved URL, sent at once. */
export const useTestWebhook = () =>
  useMutation({
    mutationFn: () => relay('POST', '/v1/sla/webhook/test', SlaWebhookTestResult),
  });
