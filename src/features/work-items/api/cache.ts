// What a decision on a work item does to the cache, in one place: the kind's KindCache (src/lib/kinds/kind.ts).
// Shown at once (the row leaves the pending queues, or loses the approval item decided; the detail shows its new
// state), put back when undone or refused, and once the server answered the answer is written and that owner's
// lists, counts and summary are marked stale (the inbox refreshes them after a quiet moment).
import type { QueryClient } from '@tanstack/react-query';
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import type { KindCache } from '../../../lib/kinds/kind.ts';
import { editRow, putBack, takeRows, type TakenRows } from '../../../lib/queue/cache.ts';
import { sessionQueryOptions } from '../../../lib/session/session.ts';
import { workItemQueryOptions } from './get-work-item.ts';
import { isQueueKey, workItemKeys } from './keys.ts';

/** The signed-in identity's id, when the session is in the cache. */
export function selfId(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData(sessionQueryOptions().queryKey)?.identityId;
}

/**
 * Marks one owner's pending and completed lists, counts and summary stale (active queries refetch at once when
 * `refetch`). The signed-in identity's own views are keyed `null`, so its id invalidates both; an unknown owner
 * invalidates every owner's views rather than leave one stale.
 */
export async function invalidateOwner(
  queryClient: QueryClient,
  ownerId: string | null | undefined,
  refetch = true,
): Promise<void> {
  const refetchType = refetch ? 'active' : 'none';
  if (!ownerId) {
    await queryClient.invalidateQueries({ queryKey: workItemKeys.owners(), refetchType });
    return;
  }
  const self = selfId(queryClient);
  const scopes: (string | null)[] = [ownerId];
  if (self === undefined || self === ownerId) scopes.push(null);
  await Promise.all(
    scopes.map((scope) =>
      queryClient.invalidateQueries({ queryKey: workItemKeys.owner({ ownerId: scope }), refetchType }),
    ),
  );
}

/** Writes an answer (the updated work item) into its detail cache. */
export function writeWorkItem(queryClient: QueryClient, item: unknown): item is WorkItem {
  if (!item || typeof item !== 'object' || typeof (item as WorkItem).id !== 'string') return false;
  queryClient.setQueryData(workItemQueryOptions((item as WorkItem).id).queryKey, item as WorkItem);
  return true;
}

/** An answer written, its owner's views refetched (the account-selection form's submit). */
export async function settleWorkItem(queryClient: QueryClient, item: WorkItem): Promise<void> {
  writeWorkItem(queryClient, item);
  await invalidateOwner(queryClient, item.ownerId);
}

const pendingQueues = { predicate: (query: { queryKey: readonly unknown[] }) => isQueueKey(query.queryKey, 'pending') };

/** One approval item's state in the detail cache. */
function setApprovalItemState(queryClient: QueryClient, workItemId: string, approvalItemId: string, state: string) {
  const { queryKey } = workItemQueryOptions(workItemId);
  const item = queryClient.getQueryData(queryKey);
  if (!item || !Array.isArray(item.approvalItems)) return;
  queryClient.setQueryData(queryKey, {
    ...item,
    approvalItems: item.approvalItems.map((a) => (a?.id === approvalItemId ? { ...a, state } : a)),
  } as WorkItem);
}

const SHOWN_STATE: Record<string, string> = { approve: 'Finished', reject: 'Rejected' };

/** What each decision shown took out of the queues, and the detail as it was, by its path (to put back on undo). */
const taken = new Map<string, TakenRows>();
const details = new Map<string, WorkItem>();

/** A whole work item decided (all its approval items, or marked complete): the detail shows it at once. */
function showWholeDecision(queryClient: QueryClient, request: HeldRequest) {
  const { queryKey } = workItemQueryOptions(request.itemId);
  const item = queryClient.getQueryData(queryKey);
  if (!item) return;
  details.set(request.path, item);
  const state = SHOWN_STATE[request.action];
  if (request.action === 'complete') queryClient.setQueryData(queryKey, { ...item, state: 'Finished' });
  else if (state && Array.isArray(item.approvalItems)) {
    // every approval item decided: the work item completes (ISC says Finished once any was approved)
    const approvalItems = item.approvalItems.map((a) =>
      a && (!a.state || a.state === 'Pending') ? { ...a, state } : a,
    );
    const anyApproved = approvalItems.some((a) => a?.state === 'Finished');
    queryClient.setQueryData(queryKey, {
      ...item,
      approvalItems,
      state: anyApproved ? 'Finished' : 'Rejected',
      completed: new Date().toISOString(),
    } as WorkItem);
  }
}
/** The owner of each item decided, as its row said (to know whose views the answer makes stale). */
const owners = new Map<string, string>();

function rememberOwner(queryClient: QueryClient, id: string) {
  for (const query of queryClient.getQueryCache().findAll(pendingQueues)) {
    const row = (query.state.data as { rows?: { id: string; ownerId: string }[] } | undefined)?.rows?.find(
      (r) => r.id === id,
    );
    if (row?.ownerId) owners.set(id, row.ownerId);
  }
  const detail = queryClient.getQueryData(workItemQueryOptions(id).queryKey);
  if (detail?.ownerId) owners.set(id, detail.ownerId);
}

export const workItemCache: KindCache = {
  shown(queryClient, request: HeldRequest) {
    rememberOwner(queryClient, request.itemId);
    const subItemId = request.subItemId;
    if (subItemId) {
      setApprovalItemState(queryClient, request.itemId, subItemId, SHOWN_STATE[request.action] ?? 'Finished');
      // the row loses the approval item decided; the last one takes the row out of the list
      let last = false;
      editRow(queryClient, pendingQueues, request.itemId, (row) => {
        last = row.pendingCount <= 1;
        return {
          ...row,
          pendingCount: Math.max(0, row.pendingCount - 1),
          subItems: row.subItems?.filter((s) => s.id !== subItemId),
        };
      });
      if (last) taken.set(request.path, takeRows(queryClient, pendingQueues, [request.itemId]));
      return;
    }
    if (request.action !== 'forward') showWholeDecision(queryClient, request);
    taken.set(request.path, takeRows(queryClient, pendingQueues, [request.itemId]));
  },
  restored(queryClient, request) {
    const rows = taken.get(request.path);
    const detail = details.get(request.path);
    taken.delete(request.path);
    details.delete(request.path);
    if (detail) queryClient.setQueryData(workItemQueryOptions(request.itemId).queryKey, detail);
    if (request.subItemId) {
      setApprovalItemState(queryClient, request.itemId, request.subItemId, 'Pending');
      void invalidateOwner(queryClient, owners.get(request.itemId));
    }
    if (rows) putBack(queryClient, pendingQueues, rows);
  },
  async settled(queryClient, requests, answers) {
    const stale = new Set<string | undefined>();
    requests.forEach((request, i) => {
      taken.delete(request.path);
      details.delete(request.path);
      const answer = answers[i];
      if (writeWorkItem(queryClient, answer)) stale.add(answer.ownerId ?? undefined);
      // v3 answers a forward with an empty 200: the cached copy names the old owner; stale, not refetched (it may
      // now be forbidden)
      else void queryClient.invalidateQueries({ queryKey: workItemKeys.detail(request.itemId), refetchType: 'none' });
      stale.add(owners.get(request.itemId));
      if (request.action === 'forward') {
        const target = (request.json as { targetOwnerId?: string } | undefined)?.targetOwnerId;
        stale.add(target);
      }
    });
    const known = [...stale].filter((owner): owner is string => !!owner);
    await Promise.all((known.length ? known : [undefined]).map((owner) => invalidateOwner(queryClient, owner, false)));
  },
  async refresh(queryClient, ownerIds) {
    const list = ownerIds?.length ? [...new Set(ownerIds)] : [undefined];
    await Promise.all(list.map((owner) => invalidateOwner(queryClient, owner)));
  },
};
