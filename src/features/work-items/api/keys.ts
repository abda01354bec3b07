// Query keys for the work items, from one factory (TkDodo, "Effective React Query Keys"). Every owner-scoped key
// holds the owner: `null` means "the signed-in identity's own" (no ownerId sent), so an admin's view of another
// owner never mixes with their own. Invalidate by prefix: `owner({ownerId})` covers all of one owner's lists,
// counts and summary. List pages sit under `pages(...)`, apart from counts and summary, so a reader of cached pages
// (`isPageKey`) never mistakes a count for a page. The whole-list queues (compact rows) sit under `queues(...)`.
import type { QueryKey } from '@tanstack/react-query';

export interface OwnerScope {
  /** Another identity's items (admins only); undefined/null = the signed-in identity's own. */
  ownerId?: string | null;
}

export interface QueueScope extends OwnerScope {
  /** How many items the queue loads at most (the bound setting). */
  bound: number;
}

export interface PageScope extends OwnerScope {
  limit: number;
  offset: number;
}

/** `ownerId` as it appears in keys: undefined becomes null (the signed-in identity's own). */
export function ownerKey(ownerId: string | null | undefined): string | null {
  return ownerId ?? null;
}

export const workItemKeys = {
  all: ['work-items'] as const,
  /** Everything of one owner: pending and completed lists, counts, summary. */
  owners: () => [...workItemKeys.all, 'owner'] as const,
  owner: ({ ownerId }: OwnerScope) => [...workItemKeys.owners(), ownerKey(ownerId)] as const,
  /** Every list page, pending and completed, of one owner. */
  pages: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'pages'] as const,
  /** Pending lists (every page) of one owner. */
  lists: (scope: OwnerScope) => [...workItemKeys.pages(scope), 'pending'] as const,
  list: ({ ownerId, limit, offset }: PageScope) => [...workItemKeys.lists({ ownerId }), { limit, offset }] as const,
  /** Completed lists (every page) of one owner. */
  completedLists: (scope: OwnerScope) => [...workItemKeys.pages(scope), 'completed'] as const,
  completed: ({ ownerId, limit, offset }: PageScope) =>
    [...workItemKeys.completedLists({ ownerId }), { limit, offset }] as const,
  /** Both counts of one owner. */
  counts: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'count'] as const,
  count: (scope: OwnerScope) => [...workItemKeys.counts(scope), 'pending'] as const,
  completedCount: (scope: OwnerScope) => [...workItemKeys.counts(scope), 'completed'] as const,
  summary: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'summary'] as const,
  /** The whole lists of one owner as compact rows (the inbox's and history's index), pending and completed. */
  queues: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'queue'] as const,
  queue: ({ ownerId, bound }: QueueScope) => [...workItemKeys.queues({ ownerId }), 'pending', { bound }] as const,
  completedQueue: ({ ownerId, bound }: QueueScope) =>
    [...workItemKeys.queues({ ownerId }), 'completed', { bound }] as const,
  details: () => [...workItemKeys.all, 'detail'] as const,
  detail: (id: string) => [...workItemKeys.details(), id] as const,
};

export type PageKey = ReturnType<typeof workItemKeys.list> | ReturnType<typeof workItemKeys.completed>;

/** Whether a cached query is one page of a list (pending or completed, of any owner): not a count or a summary. */
export function isPageKey(key: QueryKey): key is PageKey {
  const owners = workItemKeys.owners();
  return key[0] === owners[0] && key[1] === owners[1] && key[3] === 'pages';
}

/** Whether a cached query is a whole-list queue of some owner; `which` narrows it to pending or completed. */
export function isQueueKey(key: QueryKey, which?: 'pending' | 'completed'): boolean {
  const owners = workItemKeys.owners();
  return key[0] === owners[0] && key[1] === owners[1] && key[3] === 'queue' && (!which || key[4] === which);
}
