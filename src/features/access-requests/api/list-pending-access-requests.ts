// listPendingApprovals: GET /v3/access-request-approvals/pending?owner-id&limit&offset&count=true&filters
import { queryOptions } from '@tanstack/react-query';
import type { PendingApproval } from '../../../../contract/access-requests.ts';
import { getCollection, type ApiError } from '../../../lib/http.ts';
import { queueQueryFn } from '../../../lib/queue/query.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { accessRequestKeys, type AccessRequestPageScope, type AccessRequestQueueScope } from './keys.ts';
import { ownerIdParam } from './owner-param.ts';
import { approvalsSource } from './approvals-source.ts';

/** `ownerId: false` sends no owner-id (an admin then searches the whole org, anyone else their own). */
export function listPendingAccessRequests(
  { ownerId, limit, offset, filters }: Omit<AccessRequestPageScope, 'ownerId'> & { ownerId?: string | null | false },
  signal?: AbortSignal,
) {
  return getCollection<PendingApproval>(
    'access-request-approvals/pending',
    {
      'owner-id': ownerId === false ? undefined : ownerIdParam(ownerId),
      limit,
      offset,
      count: true,
      filters,
    },
    { signal },
  );
}

/** The whole pending list of one owner (up to `bound`) as compact rows, streamed in pages of 250. */
export function pendingAccessRequestsQueueQueryOptions({ ownerId, bound }: AccessRequestQueueScope) {
  return queryOptions<QueueData, ApiError>({
    queryKey: accessRequestKeys.queue({ ownerId, bound }),
    queryFn: queueQueryFn(approvalsSource(listPendingAccessRequests, ownerId, false), bound),
    structuralSharing: false,
  });
}
