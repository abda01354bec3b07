// Query keys for the access-request approvals, from one factory (the same pattern as the work items' keys.ts).
// Every owner-scoped key holds the owner as the page knows it: `null` = the signed-in identity's own (sent as
// `owner-id=me`), so an admin's view of another owner never mixes with their own.
/** QueueRow.kind of an access-request approval. */
export const ACCESS_REQUEST_KIND = 'access-request';

export interface AccessRequestOwnerScope {
  /** Another identity's approvals (admins only); undefined/null = the signed-in identity's own. */
  ownerId?: string | null;
}

export interface AccessRequestQueueScope extends AccessRequestOwnerScope {
  /** How many approvals the queue loads at most (the bound setting). */
  bound: number;
}

export interface AccessRequestPageScope extends AccessRequestOwnerScope {
  limit: number;
  offset: number;
  /** The API's `filters` expression, e.g. `id eq "…"`. */
  filters?: string;
}

function ownerKey(ownerId: string | null | undefined): string | null {
  return ownerId ?? null;
}

export const accessRequestKeys = {
  all: ['access-requests'] as const,
  /** Everything of one owner: pending and completed queues, summary. */
  owners: () => [...accessRequestKeys.all, 'owner'] as const,
  owner: ({ ownerId }: AccessRequestOwnerScope) => [...accessRequestKeys.owners(), ownerKey(ownerId)] as const,
  summary: (scope: AccessRequestOwnerScope) => [...accessRequestKeys.owner(scope), 'summary'] as const,
  /** The whole lists of one owner as compact rows, pending and completed. */
  queues: (scope: AccessRequestOwnerScope) => [...accessRequestKeys.owner(scope), 'queue'] as const,
  queue: ({ ownerId, bound }: AccessRequestQueueScope) =>
    [...accessRequestKeys.queues({ ownerId }), 'pending', { bound }] as const,
  completedQueue: ({ ownerId, bound }: AccessRequestQueueScope) =>
    [...accessRequestKeys.queues({ ownerId }), 'completed', { bound }] as const,
  details: () => [...accessRequestKeys.all, 'detail'] as const,
  detail: (id: string) => [...accessRequestKeys.details(), id] as const,
};

/** Whether a cached query is a whole-list access-request queue; `which` narrows it to pending or completed. */
export function isAccessRequestQueueKey(key: readonly unknown[], which?: 'pending' | 'completed'): boolean {
  const owners = accessRequestKeys.owners();
  return key[0] === owners[0] && key[1] === owners[1] && key[3] === 'queue' && (!which || key[4] === which);
}
