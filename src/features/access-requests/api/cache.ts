// What a decision on an access request does to the cache, in one place: the kind's KindCache
// (src/lib/kinds/kind.ts). The API answers 202 with an empty body, so nothing is written from the answer: the
// approval leaves the pending queues on screen at once (back in its place when undone or refused), and once
// answered the owners' queues and summaries and its detail are marked stale (the inbox refreshes them after a quiet
// moment, once per run, not once per item).
import type { QueryClient } from '@tanstack/react-query';
import type { KindCache } from '../../../lib/kinds/kind.ts';
import { putBack, takeRows, type TakenRows } from '../../../lib/queue/cache.ts';
import type { AccessRequestDetail } from './get-access-request.ts';
import { accessRequestKeys, isAccessRequestQueueKey } from './keys.ts';

const pendingQueues = {
  predicate: (query: { queryKey: readonly unknown[] }) => isAccessRequestQueueKey(query.queryKey, 'pending'),
};

/** What each decision shown took out of the queues, and the detail as it was, by its path. */
const taken = new Map<string, TakenRows>();
const details = new Map<string, AccessRequestDetail>();

/** Every owner's views are stale, not only the one decided for: an admin's "my own" and "alice's" may be the same
 * approval's new and old owner (a forward), and only a few owners are ever cached. */
function invalidate(queryClient: QueryClient, ids: Iterable<string>, refetch: boolean) {
  const refetchType = refetch ? 'active' : 'none';
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: accessRequestKeys.owners(), refetchType }),
    // a page showing a decided approval reads its outcome at once (the answer, 202, has none)
    ...[...ids].map((id) => queryClient.invalidateQueries({ queryKey: accessRequestKeys.detail(id) })),
  ]);
}

export const accessRequestCache: KindCache = {
  shown(queryClient, request) {
    taken.set(request.path, takeRows(queryClient, pendingQueues, [request.itemId]));
    // the page shows the decision made (the answer is an empty 202: the outcome is read again afterwards)
    const key = accessRequestKeys.detail(request.itemId);
    const detail = queryClient.getQueryData<AccessRequestDetail>(key);
    if (detail?.status === 'pending') {
      details.set(request.path, detail);
      const decided: AccessRequestDetail = { status: 'decided', action: request.action, approval: detail.approval };
      queryClient.setQueryData<AccessRequestDetail>(key, decided);
    }
  },
  restored(queryClient, request) {
    const rows = taken.get(request.path);
    const detail = details.get(request.path);
    taken.delete(request.path);
    details.delete(request.path);
    if (rows) putBack(queryClient, pendingQueues, rows);
    if (detail) queryClient.setQueryData(accessRequestKeys.detail(request.itemId), detail);
  },
  async settled(queryClient, requests) {
    for (const request of requests) {
      taken.delete(request.path);
      details.delete(request.path);
    }
    await invalidate(
      queryClient,
      requests.map((r) => r.itemId),
      false,
    );
  },
  async refresh(queryClient) {
    await invalidate(queryClient, [], true);
  },
};
