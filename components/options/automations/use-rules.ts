import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { RuleFields } from '../../../lib/options/automations/rule-draft';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { reordered } from '../../../lib/options/sla/order';
import { DryRunResult, Rule } from '../../../lib/schema/automation';
import { optionsKeys } from '../common/query-keys';
import { useOptimistic } from '../common/use-optimistic';

const key = optionsKeys.rules;

/** Rules live on the API only (the engine runs there): nothing is cached for offline. */
export const useRules = () =>
  useQuery({
    queryKey: key,
    queryFn: () => relay('GET', '/v1/rules', z.array(Rule)),
    retry: shouldRetry,
  });

const put = (rules: Rule[] | undefined, rule: Rule) =>
  rules?.some((r) => r.id === rule.id)
    ? rules.map((r) => (r.id === rule.id ? rule : r))
    : [...(rules ?? []), rule];

export function useCreateRule() {
  const client = useQueryClient();
  return useOptimistic({
    key,
    run: (fields: RuleFields) => relay('POST', '/v1/rules', Rule, fields),
    onSuccess: (rule) => client.setQueryData<Rule[]>(key, (rules) => put(rules, rule)),
  });
}

type Update = { id: string; patch: Partial<RuleFields> };

export function useUpdateRule() {
  const client = useQueryClient();
  return useOptimistic({
    key,
    run: ({ id, patch }: Update) => relay('PATCH', `/v1/rules/${id}`, Rule, patch),
    optimistic: (rules: Rule[] | undefined, { id, patch }: Update) =>
      rules?.map((r) => (r.id === id ? { ...r, ...patch } : r)),
    onSuccess: (rule) => client.setQueryData<Rule[]>(key, (rules) => put(rules, rule)),
  });
}

/** Shown in the new order at once; a refusal puts it back. The refetch brings the API's. */
export const useReorderRules = () =>
  useOptimistic({
    key,
    run: (ids: string[]) => relay('POST', '/v1/rules/reorder', z.unknown(), { ids }),
    optimistic: (rules: Rule[] | undefined, ids: string[]) => rules && reordered(rules, ids),
  });

/** Not optimistic: the dialog that confirmed it waits for the answer. */
export const useDeleteRule = (id: string) =>
  useOptimistic({
    key,
    run: () => relay('DELETE', `/v1/rules/${id}`, z.unknown()),
  });

/** What the editor's rule would have done over the past week; writes nothing. */
export const useDryRun = () =>
  useMutation({
    mutationFn: (rule: RuleFields) =>
      relay('POST', '/v1/rules/dry-run', DryRunResult, { rule, days: 7 }),
  });
