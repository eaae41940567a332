import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dropItem, type Listed, putItem } from '../../../lib/options/list';
import { relay } from '../../../lib/options/relay';
import { reordered } from '../../../lib/options/sla/order';
import type { PolicyFields } from '../../../lib/options/sla/policy-draft';
import { SlaPolicyRecord, type UpdateSlaPolicy } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useListed } from '../common/use-listed';
import { useOptimistic } from '../common/use-optimistic';

const key = optionsKeys.slaPolicies;
type List = Listed<SlaPolicyRecord>;

/** SLA policies from the API, or the extension's synced copy when it cannot be reached. */
export const usePolicies = () =>
  useListed(key, '/v1/sla/policies', z.array(SlaPolicyRecord), 'listSlaPolicies');

function usePut() {
  const client = useQueryClient();
  return (policy: SlaPolicyRecord) =>
    client.setQueryData<List>(key, (list) => putItem(list, policy));
}

export function useCreatePolicy() {
  const put = usePut();
  return useOptimistic({
    key,
    run: (fields: PolicyFields) => relay('POST', '/v1/sla/policies', SlaPolicyRecord, fields),
    onSuccess: put,
  });
}

type Update = {
  id: string;
  patch: z.input<typeof UpdateSlaPolicy>;
  shown: SlaPolicyRecord;
};

export function useUpdatePolicy() {
  const put = usePut();
  return useOptimistic({
    key,
    run: ({ id, patch }: Update) =>
      relay('PATCH', `/v1/sla/policies/${id}`, SlaPolicyRecord, patch),
    optimistic: (list: List | undefined, { shown }: Update) => putItem(list, shown),
    onSuccess: put,
  });
}

/** Shown in the new order at once; a refusal (someone added or removed one) puts it back. */
export function useReorderPolicies() {
  const client = useQueryClient();
  return useOptimistic({
    key,
    run: (ids: string[]) =>
      relay('POST', '/v1/sla/policies/reorder', z.array(SlaPolicyRecord), { ids }),
    optimistic: (list: List | undefined, ids: string[]) =>
      list && { ...list, items: reordered(list.items, ids) },
    onSuccess: (items) => client.setQueryData<List>(key, (list) => list && { ...list, items }),
  });
}

/** Not optimistic: the dialog that confirmed it waits for the answer, and shows a refusal. */
export function useDeletePolicy(id: string) {
  const client = useQueryClient();
  return useOptimistic({
    key,
    run: () => relay('DELETE', `/v1/sla/policies/${id}`, z.null()),
    onSuccess: () => client.setQueryData<List>(key, (list) => dropItem(list, id)),
  });
}
