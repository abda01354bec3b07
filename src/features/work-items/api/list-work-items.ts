// listWorkItems: GET /v3/work-items?limit&offset&count=true&ownerId — one page of pending work items.
import { queryOptions } from '@tanstack/react-query';
import { getCollection, type ApiError, type Collection } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { queueQueryFn } from '../../../lib/queue/query.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { workItemKeys, type PageScope, type QueueScope } from './keys.ts';
import { workItemsSource } from './queue-row.ts';

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

/** The whole pending inbox of one owner (up to `bound` items) as compact rows, streamed in pages of 250. */
export function workItemsQueueQueryOptions({ ownerId, bound }: QueueScope) {
  return queryOptions<QueueData, ApiError>({
    queryKey: workItemKeys.queue({ ownerId, bound }),
    queryFn: queueQueryFn(workItemsSource(listWorkItems, ownerId), bound),
    // 10,000 rows: compared deeply on every streamed page would cost more than it saves
    structuralSharing: false,
  });
}
