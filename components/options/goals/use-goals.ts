import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { type GoalInput, GoalWithProgress } from '../../../lib/schema';
import { useOptimistic } from '../common/use-optimistic';

const key = ['options', 'goals'] as const;

/** Goals and their progress come from the API only: progress is computed on each read. */
export const useGoals = () =>
  useQuery({
    queryKey: key,
    queryFn: () => relay('GET', '/v1/goals', z.array(GoalWithProgress)),
    retry: shouldRetry,
  });

export const useSaveGoal = (id: string | null) =>
  useOptimistic({
    key,
    run: (goal: GoalInput) =>
      id === null
        ? relay('POST', '/v1/goals', GoalWithProgress, goal)
        : relay('PUT', `/v1/goals/${id}`, GoalWithProgress, goal),
  });

export const useDeleteGoal = (id: string) =>
  useOptimistic({
    key,
    run: () => relay('DELETE', `/v1/goals/${id}`, z.null()),
    optimistic: (goals: GoalWithProgress[] | undefined) => goals?.filter((g) => g.id !== id),
  });
