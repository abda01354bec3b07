// Query keys for the work items, from one factory (TkDodo, "Effective React Query Keys"). Every owner-scoped key
// holds the owner: `null` means "the signed-in identity's own" (no ownerId sent), so an admin's view of another
// owner never mixes with their own. Invalidate by prefix: `owner({ownerId})` covers all of one owner's lists,
// counts and summary.

export interface OwnerScope {
  /** Another identity's items (admins only); undefined/null = the signed-in identity's own. */
  ownerId?: string | null;
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
  /** Pending lists (every page) of one owner. */
  lists: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'pending'] as const,
  list: ({ ownerId, limit, offset }: PageScope) => [...workItemKeys.lists({ ownerId }), { limit, offset }] as const,
  /** Completed lists (every page) of one owner. */
  completedLists: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'completed'] as const,
  completed: ({ ownerId, limit, offset }: PageScope) =>
    [...workItemKeys.completedLists({ ownerId }), { limit, offset }] as const,
  /** Both counts of one owner. */
  counts: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'count'] as const,
  count: (scope: OwnerScope) => [...workItemKeys.counts(scope), 'pending'] as const,
  completedCount: (scope: OwnerScope) => [...workItemKeys.counts(scope), 'completed'] as const,
  summary: (scope: OwnerScope) => [...workItemKeys.owner(scope), 'summary'] as const,
  details: () => [...workItemKeys.all, 'detail'] as const,
  detail: (id: string) => [...workItemKeys.details(), id] as const,
};
