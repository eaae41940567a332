import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { send, subscribeChanges } from '../../../lib/messaging';
import { dropItem, type Listed, putItem } from '../../../lib/options/list';
import { isOffline, shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import type { Draft } from '../../../lib/options/templates/draft';
import {
  ImportedTemplates,
  Template,
  TemplateExport,
  TemplateUsage,
  TemplateVersion,
  type UpdateTemplate,
} from '../../../lib/schema';

export const templateKeys = {
  list: ['options', 'templates'] as const,
  versions: (id: string) => ['options', 'templates', id, 'versions'] as const,
  usage: (id: string) => ['options', 'templates', id, 'usage'] as const,
};

type List = Listed<Template>;

/**
 * Every template the member sees, from the API, or from the extension's cache when the API
 * cannot be reached (read-only then). A change the cache hears of (another admin's save)
 * refetches, so the list follows without a reload.
 */
export function useTemplateList() {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribeChanges((notice) => {
        if (notice.tables.includes('templates'))
          void client.invalidateQueries({ queryKey: templateKeys.list });
      }),
    [client],
  );
  return useQuery({
    queryKey: templateKeys.list,
    retry: shouldRetry,
    queryFn: async (): Promise<List> => {
      try {
        return { items: await relay('GET', '/v1/templates', z.array(Template)), offline: false };
      } catch (e) {
        if (!isOffline(e)) throw e;
        return { items: await send({ type: 'listTemplates' }), offline: true };
      }
    },
  });
}

export const useCachedTags = () =>
  useQuery({ queryKey: ['cache', 'tags'], queryFn: () => send({ type: 'listTags' }) });

export const useCachedMembers = () =>
  useQuery({ queryKey: ['cache', 'members'], queryFn: () => send({ type: 'listMembers' }) });

export const useVersions = (id: string) =>
  useQuery({
    queryKey: templateKeys.versions(id),
    retry: shouldRetry,
    queryFn: () => relay('GET', `/v1/templates/${id}/versions`, z.array(TemplateVersion)),
  });

export const useUsage = (id: string) =>
  useQuery({
    queryKey: templateKeys.usage(id),
    retry: shouldRetry,
    queryFn: () => relay('GET', `/v1/templates/${id}/usage`, TemplateUsage),
  });

/** Template writes: each shows in the list at once and is undone if the API refuses. */
export function useTemplateWrites() {
  const client = useQueryClient();
  const setList = (change: (list: List | undefined) => List | undefined) =>
    client.setQueryData<List>(templateKeys.list, change);
  const snapshot = async () => {
    await client.cancelQueries({ queryKey: templateKeys.list });
    return { previous: client.getQueryData<List>(templateKeys.list) };
  };
  const settle = (id?: string) =>
    client.invalidateQueries({ queryKey: id ? ['options', 'templates', id] : templateKeys.list });
  const rollback = (_e: unknown, _v: unknown, context?: { previous: List | undefined }) =>
    context && setList(() => context.previous);

  const create = useMutation({
    mutationFn: (draft: Draft) => relay('POST', '/v1/templates', Template, draft),
    onSuccess: (made) => setList((list) => putItem(list, made)),
    onSettled: () => settle(),
  });

  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateTemplate; shown: Template }) =>
      relay('PATCH', `/v1/templates/${id}`, Template, patch),
    onMutate: async ({ shown }) => {
      const context = await snapshot();
      setList((list) => putItem(list, shown));
      return context;
    },
    onError: rollback,
    onSuccess: (saved) => setList((list) => putItem(list, saved)),
    onSettled: (_r, _e, { id }) => Promise.all([settle(), settle(id)]),
  });

  const remove = useMutation({
    mutationFn: (id: string) => relay('DELETE', `/v1/templates/${id}`, z.null()),
    onMutate: async (id) => {
      const context = await snapshot();
      setList((list) => dropItem(list, id));
      return context;
    },
    onError: rollback,
    onSettled: () => settle(),
  });

  const restore = useMutation({
    mutationFn: ({
      id,
      revision,
      fromRevision,
    }: {
      id: string;
      revision: number;
      fromRevision: number;
    }) => relay('POST', `/v1/templates/${id}/restore`, Template, { revision, fromRevision }),
    onSuccess: (saved) => setList((list) => putItem(list, saved)),
    onSettled: (_r, _e, { id }) => Promise.all([settle(), settle(id)]),
  });

  const importFile = useMutation({
    mutationFn: (document: TemplateExport) =>
      relay('POST', '/v1/templates/import', ImportedTemplates, document),
    onSettled: () => settle(),
  });

  return { create, update, remove, restore, importFile };
}

export const exportTemplates = () => relay('GET', '/v1/templates/export', TemplateExport);
