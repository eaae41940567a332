import { useInfiniteQuery } from '@tanstack/react-query';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { AuditPage } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';

export const AUDIT_PAGE = 25;

/** Admins only (the API refuses others); newest first, a page at a time. */
export const useAudit = () =>
  useInfiniteQuery({
    queryKey: optionsKeys.audit,
    queryFn: ({ pageParam }) =>
      relay(
        'GET',
        `/v1/audit?limit=${AUDIT_PAGE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
        AuditPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    retry: shouldRetry,
  });
