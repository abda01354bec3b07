// What a decision makes stale, in one place: the mutations of this folder call these after the server answered.
import type { QueryClient } from '@tanstack/react-query';
import type { Collection } from '../../../lib/http.ts';
import { sessionKeys, type Session } from '../../session/api/session-keys.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { workItemKeys } from './keys.ts';

/** The signed-in identity's id, when the session is in the cache. */
export function selfId(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData<Session | null>(sessionKeys.current)?.identityId;
}

/** A work item from the detail cache or from any cached page of a list. */
export function findCachedWorkItem(queryClient: QueryClient, id: string): WorkItem | undefined {
  const detail = queryClient.getQueryData<WorkItem>(workItemKeys.detail(id));
  if (detail) return detail;
  for (const [, page] of queryClient.getQueriesData<Collection<WorkItem>>({ queryKey: workItemKeys.owners() })) {
    const found = Array.isArray(page?.items) ? page.items.find((item) => item?.id === id) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * Marks one owner's pending and completed lists, counts and summary stale (active queries refetch at once).
 * The signed-in identity's own views are keyed `null`, so its id invalidates both; an unknown owner invalidates
 * every owner's views rather than leave one stale.
 */
export async function invalidateOwner(queryClient: QueryClient, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) {
    await queryClient.invalidateQueries({ queryKey: workItemKeys.owners() });
    return;
  }
  const self = selfId(queryClient);
  const scopes: (string | null)[] = [ownerId];
  if (self === undefined || self === ownerId) scopes.push(null);
  await Promise.all(
    scopes.map((scope) => queryClient.invalidateQueries({ queryKey: workItemKeys.owner({ ownerId: scope }) })),
  );
}

/** Writes a decision's answer (the updated work item) into its detail cache. */
export function writeWorkItem(queryClient: QueryClient, item: WorkItem | undefined): void {
  if (item && typeof item === 'object' && typeof item.id === 'string') {
    queryClient.setQueryData(workItemKeys.detail(item.id), item);
  }
}

/** The common ending of a decision: write the answer, invalidate that owner's views. */
export async function settleDecision(
  queryClient: QueryClient,
  workItemId: string,
  item: WorkItem | undefined,
  previousOwnerId?: string | null,
): Promise<void> {
  writeWorkItem(queryClient, item);
  const owner = item?.ownerId ?? previousOwnerId ?? findCachedWorkItem(queryClient, workItemId)?.ownerId;
  await invalidateOwner(queryClient, owner);
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
  state: 'Finished' | 'Rejected',
): Promise<ApprovalDecisionContext> {
  const key = workItemKeys.detail(workItemId);
  await queryClient.cancelQueries({ queryKey: key });
  const previous = queryClient.getQueryData<WorkItem>(key);
  if (previous && Array.isArray(previous.approvalItems)) {
    queryClient.setQueryData<WorkItem>(key, {
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
  if (context?.previous) queryClient.setQueryData(workItemKeys.detail(workItemId), context.previous);
}
