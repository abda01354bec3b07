// One approval by id. The API has no "get by id": the pending list filtered on `id eq "…"`, then the completed
// one (a decided approval's page shows its outcome). No owner-id is sent, so an admin finds any owner's approval
// and anyone else their own.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompletedApproval, PendingApproval } from '../../../../contract/access-requests.ts';
import type { ApiError } from '../../../lib/http.ts';
import { listCompletedAccessRequests } from './list-completed-access-requests.ts';
import { listPendingAccessRequests } from './list-pending-access-requests.ts';
import { accessRequestKeys } from './keys.ts';

export type AccessRequestDetail =
  | { status: 'pending'; approval: PendingApproval }
  | { status: 'completed'; approval: CompletedApproval }
  /** Decided here a moment ago (shown at once, held for Undo or on its way): what was decided. */
  | { status: 'decided'; action: string; approval: PendingApproval }
  | { status: 'not-found' };

/** The filter expression for one id (quotes and backslashes escaped as the spec's filter syntax wants). */
export function idFilter(id: string): string {
  return `id eq "${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export async function getAccessRequest(id: string, signal?: AbortSignal): Promise<AccessRequestDetail> {
  const filters = idFilter(id);
  const pending = await listPendingAccessRequests({ ownerId: false, limit: 1, offset: 0, filters }, signal);
  const open = pending.items.find((a) => a?.id === id);
  if (open) return { status: 'pending', approval: open };
  const completed = await listCompletedAccessRequests({ ownerId: false, limit: 1, offset: 0, filters }, signal);
  const done = completed.items.find((a) => a?.id === id);
  return done ? { status: 'completed', approval: done } : { status: 'not-found' };
}

export function accessRequestQueryOptions(id: string) {
  return queryOptions<AccessRequestDetail, ApiError>({
    queryKey: accessRequestKeys.detail(id),
    queryFn: ({ signal }) => getAccessRequest(id, signal),
  });
}

export function useAccessRequest(id: string) {
  return useQuery(accessRequestQueryOptions(id));
}
