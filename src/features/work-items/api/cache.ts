// What a decision makes stale, in one place: the mutations of this folder call these after the server answered.
// Reads and writes take their keys from the queries' own queryOptions, so the data types follow.
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../session/api/session.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { findCachedWorkItem, workItemQueryOptions } from './get-work-item.ts';
import { withoutIds, type QueueData } from '../../../lib/queue/stream.ts';
import { isQueueKey, workItemKeys } from './keys.ts';

/** The signed-in identity's id, when the session is in the cache. */
export function selfId(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData(sessionQueryOptions().queryKey)?.identityId;
}

/**
 * When a decision's lists refetch: `now` (active ones at once), or `later` — only marked stale, so they refetch
 * when next shown or when the caller asks after a quiet moment. The detail page decides one approval item after
 * another; a list refetch per click would parse a page holding this very work item (thousands of approval items)
 * on the main thread between the clicks.
 */
export type ListRefresh = 'now' | 'later';

/**
 * Marks one owner's pending and completed lists, counts and summary stale (active queries refetch at once unless
 * `refresh` is `later`). The signed-in identity's own views are keyed `null`, so its id invalidates both; an
 * unknown owner invalidates every owner's views rather than leave one stale.
 */
export async function invalidateOwner(
  queryClient: QueryClient,
  ownerId: string | null | undefined,
  refresh: ListRefresh = 'now',
): Promise<void> {
  const refetchType = refresh === 'now' ? 'active' : 'none';
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

/** Writes a decision's answer (the updated work item) into its detail cache. */
export function writeWorkItem(queryClient: QueryClient, item: WorkItem | undefined): void {
  if (item && typeof item === 'object' && typeof item.id === 'string') {
    queryClient.setQueryData(workItemQueryOptions(item.id).queryKey, item);
  }
}

/** The common ending of a decision: write the answer, invalidate that owner's views. */
export async function settleDecision(
  queryClient: QueryClient,
  workItemId: string,
  item: WorkItem | undefined,
  previousOwnerId?: string | null,
  refresh: ListRefresh = 'now',
): Promise<void> {
  writeWorkItem(queryClient, item);
  const owner = item?.ownerId ?? previousOwnerId ?? findCachedWorkItem(queryClient, workItemId)?.ownerId;
  await invalidateOwner(queryClient, owner, refresh);
}

export interface ApprovalDecisionContext {
  previous: WorkItem | undefined;
  ownerId: string | null | undefined;
}

/**
 * Optimistic update of one approval item's state in the detail cache (approve → Finished, reject → Rejected);
 * returns what `rollbackApprovalItem` needs.
 */
export async function setApprovalItemState(
  queryClient: QueryClient,
  workItemId: string,
  approvalItemId: string,
  state: 'Finished' | 'Rejected' | 'Pending',
): Promise<ApprovalDecisionContext> {
  const { queryKey } = workItemQueryOptions(workItemId);
  await queryClient.cancelQueries({ queryKey });
  const previous = queryClient.getQueryData(queryKey);
  if (previous && Array.isArray(previous.approvalItems)) {
    queryClient.setQueryData(queryKey, {
      ...previous,
      approvalItems: previous.approvalItems.map((item) => (item?.id === approvalItemId ? { ...item, state } : item)),
    });
  }
  return { previous, ownerId: (previous ?? findCachedWorkItem(queryClient, workItemId))?.ownerId };
}

export function rollbackApprovalItem(
  queryClient: QueryClient,
  workItemId: string,
  context: ApprovalDecisionContext | undefined,
): void {
  if (context?.previous) queryClient.setQueryData(workItemQueryOptions(workItemId).queryKey, context.previous);
}

/** Takes work items out of every cached pending queue at once (decided or forwarded here: no longer pending). */
export function dropFromPendingQueues(queryClient: QueryClient, ids: Iterable<string>): void {
  const gone = new Set(ids);
  if (gone.size === 0) return;
  queryClient.setQueriesData<QueueData>({ predicate: (query) => isQueueKey(query.queryKey, 'pending') }, (data) =>
    data ? withoutIds(data, gone) : data,
  );
}

/**
 * The end of a bulk run (approve, reject, complete or forward many): the successes leave the pending queues on
 * screen at once, then one invalidation per owner involved — not one per item, which would restart the queue's
 * stream 200 times and spend the rate limit on lists.
 */
export async function settleBulkRun(
  queryClient: QueryClient,
  { doneIds, ownerIds }: { doneIds: Iterable<string>; ownerIds: Iterable<string | null | undefined> },
): Promise<void> {
  dropFromPendingQueues(queryClient, doneIds);
  const owners = [...new Set(ownerIds)];
  await Promise.all((owners.length ? owners : [undefined]).map((owner) => invalidateOwner(queryClient, owner)));
}
