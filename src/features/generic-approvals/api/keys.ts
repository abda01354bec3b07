// Query keys for ISC's Approvals service, from one factory (the same pattern as the other kinds' keys.ts). Every
// owner-scoped key holds the owner as the page knows it: `null` = the signed-in identity's own (sent as
// `mine=true`), so an admin's view of another approver (`approverId`) never mixes with their own.
/** QueueRow.kind of an approval of ISC's Approvals service. */
export const GENERIC_APPROVAL_KIND = 'generic-approval';

export interface ApprovalOwnerScope {
  /** Another approver's approvals (admins only); undefined/null = the signed-in identity's own. */
  ownerId?: string | null;
}

export interface ApprovalQueueScope extends ApprovalOwnerScope {
  /** How many approvals the queue loads at most (the bound setting). */
  bound: number;
}

const ownerKey = (ownerId: string | null | undefined): string | null => ownerId ?? null;

export const genericApprovalKeys = {
  all: ['generic-approvals'] as const,
  /** Everything of one owner: pending and completed queues, counts. */
  owners: () => [...genericApprovalKeys.all, 'owner'] as const,
  owner: ({ ownerId }: ApprovalOwnerScope) => [...genericApprovalKeys.owners(), ownerKey(ownerId)] as const,
  counts: (scope: ApprovalOwnerScope) => [...genericApprovalKeys.owner(scope), 'counts'] as const,
  /** The whole lists of one owner as compact rows, pending and completed. */
  queues: (scope: ApprovalOwnerScope) => [...genericApprovalKeys.owner(scope), 'queue'] as const,
  queue: ({ ownerId, bound }: ApprovalQueueScope) =>
    [...genericApprovalKeys.queues({ ownerId }), 'pending', { bound }] as const,
  completedQueue: ({ ownerId, bound }: ApprovalQueueScope) =>
    [...genericApprovalKeys.queues({ ownerId }), 'completed', { bound }] as const,
  details: () => [...genericApprovalKeys.all, 'detail'] as const,
  detail: (id: string) => [...genericApprovalKeys.details(), id] as const,
};

/** Whether a cached query is a whole-list approvals queue; `which` narrows it to pending or completed. */
export function isGenericApprovalQueueKey(key: readonly unknown[], which?: 'pending' | 'completed'): boolean {
  const owners = genericApprovalKeys.owners();
  return key[0] === owners[0] && key[1] === owners[1] && key[3] === 'queue' && (!which || key[4] === which);
}
