// getCompletedWorkItems: GET /v3/work-items/completed?ownerId&limit&offset&count=true — one page of history.
import { queryOptions } from '@tanstack/react-query';
import { getCollection, type ApiError, type Collection } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { queueQueryFn } from '../../../lib/queue/query.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { workItemKeys, type PageScope, type QueueScope } from './keys.ts';
import { workItemsSource } from './queue-row.ts';

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

/** The whole completed history of one owner (up to `bound` items) as compact rows, streamed in pages of 250. */
export function completedWorkItemsQueueQueryOptions({ ownerId, bound }: QueueScope) {
  return queryOptions<QueueData, ApiError>({
    queryKey: workItemKeys.completedQueue({ ownerId, bound }),
    queryFn: queueQueryFn(workItemsSource(getCompletedWorkItems, ownerId), bound),
    // 10,000 rows: compared deeply on every streamed page would cost more than it saves
    structuralSharing: false,
  });
}
