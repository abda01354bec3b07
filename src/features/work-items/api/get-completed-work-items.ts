// getCompletedWorkItems: GET /v3/work-items/completed?ownerId&limit&offset&count=true — one page of history.
import { queryOptions } from '@tanstack/react-query';
import { getCollection, type ApiError, type Collection } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { workItemKeys, type PageScope } from './keys.ts';
import { usePagedQuery } from './use-paged-query.ts';

export function getCompletedWorkItems({ ownerId, limit, offset }: PageScope, signal?: AbortSignal) {
  return getCollection<WorkItem>(
    'work-items/completed',
    { ownerId: ownerId ?? undefined, limit, offset, count: true },
    { signal },
  );
}

export function completedWorkItemsQueryOptions(scope: PageScope) {
  const { ownerId, limit, offset } = scope;
  return queryOptions<Collection<WorkItem>, ApiError>({
    queryKey: workItemKeys.completed({ ownerId, limit, offset }),
    queryFn: ({ signal }) => getCompletedWorkItems({ ownerId, limit, offset }, signal),
  });
}

/** One page of completed work items; keeps the previous page on screen while the next loads, and prefetches it. */
export function useCompletedWorkItems(scope: PageScope) {
  return usePagedQuery(completedWorkItemsQueryOptions, scope);
}
