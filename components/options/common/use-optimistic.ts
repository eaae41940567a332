import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

type Options<V, R, D> = {
  /** The query whose data the change shows at once. */
  key: QueryKey;
  run: (vars: V) => Promise<R>;
  /** The data as it will be once the API agrees; restored if it refuses. */
  optimistic?: (data: D | undefined, vars: V) => D | undefined;
  onSuccess?: (result: R, vars: V) => void;
  /** Other queries the change affects (e.g. counts after a merge). */
  alsoInvalidate?: QueryKey[];
};

/** A mutation shown before the API answers, rolled back on refusal, refetched after. */
export function useOptimistic<V, R = unknown, D = unknown>({
  key,
  run,
  optimistic,
  onSuccess,
  alsoInvalidate = [],
}: Options<V, R, D>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onMutate: async (vars: V) => {
      if (!optimistic) return { previous: undefined as D | undefined };
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<D>(key);
      client.setQueryData<D>(key, (data) => optimistic(data, vars));
      return { previous };
    },
    onError: (_e, _vars, context) => {
      if (optimistic && context) client.setQueryData(key, context.previous);
    },
    onSuccess,
    onSettled: () =>
      Promise.all([key, ...alsoInvalidate].map((k) => client.invalidateQueries({ queryKey: k }))),
  });
}
