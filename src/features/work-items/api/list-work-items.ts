// listWorkItems: GET /v3/work-items?limit&offset&count=true&ownerId — one page of pending work items.
import { queryOptions } from '@tanstack/react-query';
import { getCollection, type ApiError, type Collection } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { workItemKeys, type PageScope } from './keys.ts';
import { usePagedQuery } from './use-paged-query.ts';

export function listWorkItems({ ownerId, limit, offset }: PageScope, signal?: AbortSignal) {
  return getCollection<WorkItem>(
    'work-items',
    { limit, offset, count: true, ownerId: ownerId ?? undefined },
    { signal },
  );
}

export function workItemsQueryOptions(scope: PageScope) {
  const { ownerId, limit, offset } = scope;
  return queryOptions<Collection<WorkItem>, ApiError>({
    queryKey: workItemKeys.list({ ownerId, limit, offset }),
    queryFn: ({ signal }) => listWorkItems({ ownerId, limit, offset }, signal),
  });
}

/** One page of the pending inbox; keeps the previous page on screen while the next loads, and prefetches it. */
export function useWorkItems(scope: PageScope) {
  return usePagedQuery(workItemsQueryOptions, scope);
}
