// The two list endpoints (pending, completed) page the same way: the page asked for, the previous page kept on
// screen while it loads, and the page after it fetched ahead so that "next page" opens at once.
import { keepPreviousData, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiError, Collection } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { PageScope } from './keys.ts';

/** `workItemsQueryOptions` or `completedWorkItemsQueryOptions`. */
export type PageQueryOptions = (scope: PageScope) => UseQueryOptions<Collection<WorkItem>, ApiError>;

/** Once a page's `total` is known and more follows, fetches the next page into the cache. */
export function usePrefetchNextPage(pageOptions: PageQueryOptions, scope: PageScope, total: number | undefined) {
  const queryClient = useQueryClient();
  const { ownerId, limit, offset } = scope;
  useEffect(() => {
    if (total !== undefined && limit > 0 && offset + limit < total) {
      void queryClient.prefetchQuery(pageOptions({ ownerId, limit, offset: offset + limit }));
    }
  }, [queryClient, pageOptions, ownerId, limit, offset, total]);
}

/** One page of a list; keeps the previous page while the next loads, and prefetches the one after. */
export function usePagedQuery(pageOptions: PageQueryOptions, scope: PageScope) {
  const { ownerId, limit, offset } = scope;
  const query = useQuery({ ...pageOptions({ ownerId, limit, offset }), placeholderData: keepPreviousData });
  usePrefetchNextPage(pageOptions, scope, query.isPlaceholderData ? undefined : query.data?.total);
  return query;
}
