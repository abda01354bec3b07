// A queue as one TanStack query: the stream of pages becomes cache updates (the first page shows at once), a
// refetch (focus, invalidation after a decision) streams into a fresh copy and swaps it in at the end, so the
// list on screen — scroll position, selection, search — stays as it is meanwhile.
import { experimental_streamedQuery as streamedQuery, type QueryFunction, type QueryKey } from '@tanstack/react-query';
import type { QueueSource } from './row.ts';
import { addChunk, EMPTY_QUEUE, streamQueue, type QueueChunk, type QueueData } from './stream.ts';

export function queueQueryFn<K extends QueryKey>(source: QueueSource, bound: number): QueryFunction<QueueData, K> {
  return streamedQuery<QueueChunk, QueueData, K>({
    streamFn: ({ signal }) => streamQueue(source, { bound, signal }),
    refetchMode: 'replace',
    reducer: addChunk,
    initialValue: EMPTY_QUEUE,
  });
}
