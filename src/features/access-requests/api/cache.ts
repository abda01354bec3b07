// What a decision on an access request makes stale, in one place. The API answers 202 with an empty body, so
// nothing is written from the answer: the decided approvals leave the pending queues on screen at once, then the
// owners' queues and summaries and the details are refetched (once per run, not once per item).
import type { QueryClient } from '@tanstack/react-query';
import { withoutIds, type QueueData } from '../../../lib/queue/stream.ts';
import { accessRequestKeys, isAccessRequestQueueKey } from './keys.ts';

export async function settleAccessRequests(queryClient: QueryClient, doneIds: Iterable<string>): Promise<void> {
  const gone = new Set(doneIds);
  if (gone.size) {
    queryClient.setQueriesData<QueueData>(
      { predicate: (query) => isAccessRequestQueueKey(query.queryKey, 'pending') },
      (data) => (data ? withoutIds(data, gone) : data),
    );
  }
  // Every owner's views, not only the one decided for: an admin's "my own" and "alice's" may be the same
  // approval's new and old owner (a forward), and only a few owners are ever cached.
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: accessRequestKeys.owners() }),
    ...[...gone].map((id) => queryClient.invalidateQueries({ queryKey: accessRequestKeys.detail(id) })),
  ]);
}
