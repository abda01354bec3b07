// listCompletedApprovals: GET /v3/access-request-approvals/completed?owner-id&limit&offset&count=true&filters
import { queryOptions } from '@tanstack/react-query';
import type { CompletedApproval } from '../../../../contract/access-requests.ts';
import { getCollection, type ApiError } from '../../../lib/http.ts';
import { queueQueryFn } from '../../../lib/queue/query.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { accessRequestKeys, type AccessRequestPageScope, type AccessRequestQueueScope } from './keys.ts';
import { ownerIdParam } from './owner-param.ts';
import { approvalsSource } from './approvals-source.ts';

/** `ownerId: false` sends no owner-id (an admin then searches the whole org, anyone else their own). */
export function listCompletedAccessRequests(
  { ownerId, limit, offset, filters }: Omit<AccessRequestPageScope, 'ownerId'> & { ownerId?: string | null | false },
  signal?: AbortSignal,
) {
  return getCollection<CompletedApproval>(
    'access-request-approvals/completed',
    {
      'owner-id': ownerId === false ? undefined : ownerIdParam(ownerId),
      limit,
      offset,
      count: true,
      filters,
      // newest decision first, like the work items' history
      sorters: '-modified',
    },
    { signal },
  );
}

/** The whole completed history of one owner (up to `bound`) as compact rows, streamed in pages of 250. */
export function completedAccessRequestsQueueQueryOptions({ ownerId, bound }: AccessRequestQueueScope) {
  return queryOptions<QueueData, ApiError>({
    queryKey: accessRequestKeys.completedQueue({ ownerId, bound }),
    queryFn: queueQueryFn(approvalsSource(listCompletedAccessRequests, ownerId, true), bound),
    structuralSharing: false,
  });
}
