import { useDeferredValue, useMemo, useRef } from 'react';
import {
  buildTemplateIndex,
  searchTemplates,
  type TemplateIndex,
  updateTemplateIndex,
} from '../../../lib/options/templates/search';
import type { Template } from '../../../lib/schema';

/**
 * Search over the listed templates. The index is built once and then updated with what
 * each refetch changed (react-query keeps unchanged records as the same objects).
 */
export function useTemplateSearch(templates: readonly Template[], query: string) {
  const state = useRef<{ index: TemplateIndex; indexed: readonly Template[] } | null>(null);
  const index = useMemo(() => {
    if (!state.current) {
      state.current = { index: buildTemplateIndex(templates), indexed: templates };
    } else if (state.current.indexed !== templates) {
      updateTemplateIndex(state.current.index, state.current.indexed, templates);
      state.current.indexed = templates;
    }
    return state.current.index;
  }, [templates]);
  const deferred = useDeferredValue(query);
  return useMemo(() => searchTemplates(index, templates, deferred), [index, templates, deferred]);
}
