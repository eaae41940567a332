import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type Listed, patchItem } from '../../../lib/options/list';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { type CreateTag, Tag, TagCount, type UpdateTag } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useListed } from '../common/use-listed';
import { useOptimistic } from '../common/use-optimistic';

export const useTags = () => useListed(optionsKeys.tags, '/v1/tags', z.array(Tag), 'listTags');

/** Open conversations per tag; the cache keeps no counts, so none while offline. */
export const useTagCounts = (enabled: boolean) =>
  useQuery({
    queryKey: optionsKeys.tagCounts,
    queryFn: () => relay('GET', '/v1/tags/counts', z.array(TagCount)),
    enabled,
    retry: shouldRetry,
  });

export const useCreateTag = () =>
  useOptimistic({
    key: optionsKeys.tags,
    run: (input: z.input<typeof CreateTag>) => relay('POST', '/v1/tags', Tag, input),
  });

type TagPatch = z.input<typeof UpdateTag>;

export const useUpdateTag = (id: string) =>
  useOptimistic({
    key: optionsKeys.tags,
    run: (patch: TagPatch) => relay('PATCH', `/v1/tags/${id}`, Tag, patch),
    optimistic: (list: Listed<Tag> | undefined, patch: TagPatch) => patchItem(list, id, patch),
  });

/**
 * Not optimistic: the dialog that confirmed it stays open (in its row) until the API
 * answers, so a refusal shows there. Counts change with the conversations.
 */
export const useMergeTag = (id: string) =>
  useOptimistic({
    key: optionsKeys.tags,
    run: (into: string) => relay('POST', `/v1/tags/${id}/merge`, Tag, { into }),
    alsoInvalidate: [optionsKeys.tagCounts],
  });
