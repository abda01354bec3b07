// getApprovals: GET /v2025/generic-approvals?mine|approverId&filters&limit&offset&count — the pending and the
// completed queue of one approver (`mine=true` for one's own, `approverId` for an admin's view of another), and
// the two counts (`count-only`).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Approval } from '../../../../contract/generic-approvals.ts';
import { getCollection, type ApiError, type SearchParams } from '../../../lib/http.ts';
import type { KindCounts } from '../../../lib/kinds/kind.ts';
import { queueQueryFn } from '../../../lib/queue/query.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import type { QueueSource } from '../../../lib/queue/row.ts';
import { approvalRow } from './queue-row.ts';
import {
  GENERIC_APPROVAL_KIND,
  genericApprovalKeys,
  type ApprovalOwnerScope,
  type ApprovalQueueScope,
} from './keys.ts';

export const APPROVALS_PATH = 'v2025/generic-approvals';
export const PENDING_FILTER = 'status eq "PENDING"';
export const COMPLETED_FILTER = 'status ne "PENDING"';

/** Whose approvals: one's own (`mine=true`), or another approver's (an admin's `approverId`). */
export function ownerParams(ownerId: string | null | undefined): SearchParams {
  return ownerId ? { approverId: ownerId } : { mine: true };
}

export function listGenericApprovals(
  {
    ownerId,
    limit,
    offset,
    filters,
    ...rest
  }: ApprovalOwnerScope & { limit: number; offset: number; filters: string } & SearchParams,
  signal?: AbortSignal,
) {
  return getCollection<Approval>(
    APPROVALS_PATH,
    { ...ownerParams(ownerId), limit, offset, count: true, filters, ...rest },
    { signal, base: 'root' },
  );
}

/** The list's largest page: the whole queue streams in pages of this size. */
export const GENERIC_APPROVALS_PAGE_SIZE = 250;

/** A queue source over the list call for one approver. */
function approvalsSource(
  list: (
    page: { limit: number; offset: number },
    signal?: AbortSignal,
  ) => Promise<{ items: Approval[]; total: number }>,
  ownerId: string | null | undefined,
): QueueSource {
  return {
    kind: GENERIC_APPROVAL_KIND,
    pageSize: GENERIC_APPROVALS_PAGE_SIZE,
    async fetchPage({ offset, limit, signal }) {
      const page = await list({ limit, offset }, signal);
      return {
        rows: page.items.filter((a) => a && typeof a.id === 'string').map((a) => approvalRow(a, ownerId ?? undefined)),
        total: page.total,
        offset,
      };
    },
  };
}

/** The whole pending list of one approver (up to `bound`) as compact rows, streamed in pages of 250. */
export function pendingGenericApprovalsQueueQueryOptions({ ownerId, bound }: ApprovalQueueScope) {
  return queryOptions<QueueData, ApiError>({
    queryKey: genericApprovalKeys.queue({ ownerId, bound }),
    queryFn: queueQueryFn(
      approvalsSource(
        (page, signal) => listGenericApprovals({ ownerId, ...page, filters: PENDING_FILTER }, signal),
        ownerId,
      ),
      bound,
    ),
    structuralSharing: false,
  });
}

/** The whole completed history (approved, rejected, expired, cancelled), with comments for the last word said. */
export function completedGenericApprovalsQueueQueryOptions({ ownerId, bound }: ApprovalQueueScope) {
  return queryOptions<QueueData, ApiError>({
    queryKey: genericApprovalKeys.completedQueue({ ownerId, bound }),
    queryFn: queueQueryFn(
      approvalsSource(
        (page, signal) =>
          listGenericApprovals({ ownerId, ...page, filters: COMPLETED_FILTER, 'include-comments': true }, signal),
        ownerId,
      ),
      bound,
    ),
    structuralSharing: false,
  });
}

async function countOf(ownerId: string | null | undefined, filters: string, signal?: AbortSignal) {
  const { total } = await getCollection<Approval>(
    APPROVALS_PATH,
    { ...ownerParams(ownerId), 'count-only': true, filters },
    { signal, base: 'root' },
  );
  return total;
}

/** How many are pending and completed (two `count-only` calls). */
export function genericApprovalCountsQueryOptions({ ownerId }: ApprovalOwnerScope) {
  return queryOptions<KindCounts, ApiError>({
    queryKey: genericApprovalKeys.counts({ ownerId }),
    queryFn: async ({ signal }) => {
      const [pending, completed] = await Promise.all([
        countOf(ownerId, PENDING_FILTER, signal),
        countOf(ownerId, COMPLETED_FILTER, signal),
      ]);
      return { pending, completed };
    },
  });
}

export function usePendingGenericApprovals(scope: ApprovalQueueScope) {
  return useQuery(pendingGenericApprovalsQueueQueryOptions(scope));
}
