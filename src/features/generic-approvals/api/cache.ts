// What a decision on an approval does to the cache, in one place: the kind's KindCache (src/lib/kinds/kind.ts).
// The approval leaves the pending queues on screen at once (back in its place when undone or refused), its page
// shows the decision made; once answered the owners' queues and counts and its detail are marked stale (the inbox
// refreshes them after a quiet moment, once per run, not once per item).
import type { QueryClient } from '@tanstack/react-query';
import type { KindCache } from '../../../lib/kinds/kind.ts';
import { putBack, takeRows, type TakenRows } from '../../../lib/queue/cache.ts';
import type { GenericApprovalDetail } from './get-generic-approval.ts';
import { genericApprovalKeys, isGenericApprovalQueueKey } from './keys.ts';

const pendingQueues = {
  predicate: (query: { queryKey: readonly unknown[] }) => isGenericApprovalQueueKey(query.queryKey, 'pending'),
};

/** What each decision shown took out of the queues, and the detail as it was, by its path. */
const taken = new Map<string, TakenRows>();
const details = new Map<string, GenericApprovalDetail>();

/** Every owner's views are stale: a reassignment moves an approval from one approver's queue to another's. */
function invalidate(queryClient: QueryClient, ids: Iterable<string>, refetch: boolean) {
  const refetchType = refetch ? 'active' : 'none';
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: genericApprovalKeys.owners(), refetchType }),
    ...[...ids].map((id) => queryClient.invalidateQueries({ queryKey: genericApprovalKeys.detail(id) })),
  ]);
}

export const genericApprovalCache: KindCache = {
  shown(queryClient, request) {
    taken.set(request.path, takeRows(queryClient, pendingQueues, [request.itemId]));
    const key = genericApprovalKeys.detail(request.itemId);
    const detail = queryClient.getQueryData<GenericApprovalDetail>(key);
    if (detail?.status === 'found') {
      details.set(request.path, detail);
      const decided: GenericApprovalDetail = { status: 'decided', action: request.action, approval: detail.approval };
      queryClient.setQueryData<GenericApprovalDetail>(key, decided);
    }
  },
  restored(queryClient, request) {
    const rows = taken.get(request.path);
    const detail = details.get(request.path);
    taken.delete(request.path);
    details.delete(request.path);
    if (rows) putBack(queryClient, pendingQueues, rows);
    if (detail) queryClient.setQueryData(genericApprovalKeys.detail(request.itemId), detail);
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
