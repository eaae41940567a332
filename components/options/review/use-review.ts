import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import {
  ReviewWebhookView,
  type SetReviewWebhook,
  SlaWebhookTestResult,
  WeeklyReview,
} from '../../../lib/schema';
import { useOptimistic } from '../common/use-optimistic';

const keys = {
  review: (week: string) => ['options', 'review', week] as const,
  webhook: ['options', 'review', 'webhook'] as const,
};
const weekQuery = (week: string) => (week ? `?week=${week}` : '');

/** The review of the week holding `week` (a date), or of the last full week when blank. */
export const useWeeklyReview = (week: string) =>
  useQuery({
    queryKey: keys.review(week),
    queryFn: () => relay('GET', `/v1/reports/weekly${weekQuery(week)}`, WeeklyReview),
    retry: shouldRetry,
    placeholderData: keepPreviousData,
  });

/** Admins only: the API never gives the secret back once it was shown. */
export const useReviewWebhook = () =>
  useQuery({
    queryKey: keys.webhook,
    queryFn: () => relay('GET', '/v1/reports/weekly/webhook', ReviewWebhookView),
    retry: shouldRetry,
  });

export const useSaveReviewWebhook = () =>
  useOptimistic({
    key: keys.webhook,
    run: (webhook: SetReviewWebhook) =>
      relay('PUT', '/v1/reports/weekly/webhook', ReviewWebhookView, webhook),
  });

/** The shown week's review posted to the webhook at once. */
export const useSendReview = () =>
  useMutation({
    mutationFn: (week: string) =>
      relay('POST', `/v1/reports/weekly/send${weekQuery(week)}`, SlaWebhookTestResult),
  });
